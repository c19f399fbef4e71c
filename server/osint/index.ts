/**
 * The osint module's public face (IRIS, open-source news monitoring): the collection of news items from the
 * I2C's sources, language identification and the geotagger over a multilingual gazetteer. Other modules import
 * only from here.
 */
export { createOsintModule, type OsintServices } from './module.ts';
export { geotag, type GeotagInput, type GeotagResult, type TaggedPlace } from './geotag/geotag.ts';
export { identifyLanguage, OSINT_LANGUAGES, type OsintLanguage, type LanguageGuess } from './language/identify.ts';
export type { Sources } from './collect/sources.ts';
export type { Items } from './collect/items.ts';
export type { Poller, PollResult } from './collect/poller.ts';
