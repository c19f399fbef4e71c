/** What tests, benchmarks and scripts of other modules may use of alerts, beside its public face. */
export { alertCast, cocaineAlert } from './test-fixtures.ts';
export { sweepProfiles } from './profiles/sweep.ts';
export { createProfiles } from './profiles/service.ts';
export { createLists } from './lists.ts';
export { indicators as indicatorsSchema } from './profiles/schema.ts';
export { profileMatches } from './profiles/indicators.ts';
