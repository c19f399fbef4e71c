/** What tests, benchmarks and scripts of other modules may use of seizures, beside its public face. */
export { signIn, cocaineSeizure } from './test-helpers.ts';
export { generateSeizures } from './generate.ts';
export { writeSampleCsv } from './import-sample.ts';
