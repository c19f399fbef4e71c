/** Name matching across scripts, word order, legal forms, initials, typos and joined words. */
export { compareNames, THRESHOLDS, type NameComparison } from './compare.ts';
export { nameKeys } from './keys.ts';
export { normaliseName, foldText, skeleton, NAME_KINDS, type NameKind, type NormalisedName } from './normalise.ts';
export { registerNameRoutes, NAME_COMPARE_ACCESS, MAX_NAME_LENGTH } from './routes.ts';
