/** The screening module's public face: watch lists, search, hits and trace requests. Others import only from here. */
export { createScreeningModule, createScreeningServices, flushScreeningQueryLogs, rateLimitsFromEnv, LISTS, type ListName, SEARCHERS, RECORDERS } from './module.ts';
export { DEMO_WATCH_LISTS } from './demo.ts';
export { validateIdentifier, normaliseKey, type IdentifierKind } from './identifiers/index.ts';
export type { SearchHit } from './search-view.ts';
export type { ScreeningServices } from './routes.ts';
