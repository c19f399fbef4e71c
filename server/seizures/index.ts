/**
 * The seizures module's public face: the CEN database of non-nominal seizures. Others import only from here.
 * `nonNominalProjection` is the one allowlist through which anything enters the seizure database from another
 * module (CENcomm's export, a national deployment's push).
 */
export { createSeizuresModule, createSeizureServices } from './module.ts';
export type { SeizureServices } from './routes.ts';
export type { Records, SeizureChange, SeizureChangeListener } from './records.ts';
export { insertSeizures, type NewSeizure } from './store.ts';
export { checkSeizure, type PreparedSeizure } from './check.ts';
export { nonNominalProjection, type Projection } from './allowlist.ts';
export { seizureInput, type SeizureInput, type Seizure } from './schema.ts';
export { seizureByExternalRef } from './external-ref.ts';
export { DEMO_SEIZURES } from './demo.ts';
export { importFile } from './import-service.ts';
export { seizureLabels, recentSeizureIds, type SeizureLabel } from './labels.ts';
export { CONVEYANCE_TYPES, UNITS } from './vocabulary.ts';
export { periodFigures, type PeriodFigures } from './period-figures.ts';
export { createSeizureExtracts, type SeizureExtracts, type ExtractScope, type AggregateCell, type ExtractRecord } from './extract.ts';
export { EXTRACT_FIELDS, EXTRACT_FIELD_KEYS, DIMENSION_KEYS, EXTRACT_CATEGORIES, AGGREGATE_MEASURES, type ExtractFieldKey } from './extract-view.ts';
