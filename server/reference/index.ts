/**
 * The reference module's public face: countries, WCO regions, RILOs, HS codes, UN/LOCODE, airports, currencies,
 * the commodity taxonomy and the detection and concealment methods. Others import only from here.
 */
export { createReferenceModule, countryExists } from './module.ts';
export { loadReferenceData } from './load.ts';
export { createReferenceService, type ReferenceService, UI_LANGS, type UiLang } from './service.ts';
export { REFERENCE_KINDS, type ReferenceItem, type ReferenceKind } from './reference-view.ts';
export { referenceSets, type ReferenceSets } from './sets.ts';
export { DATA_DIR as REFERENCE_DATA_DIR } from './data-files.ts';
