/** What tests, benchmarks and scripts of other modules may use of screening, beside its public face. */
export { generateWatchLists, type GenerateResult } from './generate.ts';
export { composeMrz } from './identifiers/compose-mrz.ts';
export { singleCheckStatement } from './check-statement.ts';
