/**
 * The osint module's public face (IRIS, open-source news monitoring): language identification and the geotagger
 * over a multilingual gazetteer. Other modules import only from here.
 */
export { createOsintModule, type OsintServices } from './module.ts';
export { geotag, type GeotagInput, type GeotagResult, type TaggedPlace } from './geotag/geotag.ts';
export { identifyLanguage, OSINT_LANGUAGES, type OsintLanguage, type LanguageGuess } from './language/identify.ts';
