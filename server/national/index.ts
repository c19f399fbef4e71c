/**
 * The national module's public face (nCEN): exists only on a national node. Nominal data never leaves it;
 * what goes to the hub goes through the seizures module's `nonNominalProjection`.
 */
export { createNationalModule, type NationalDeps, type NationalServices } from './module.ts';
export { compareNames, nameKeys, normaliseName, type NameComparison, type NameKind } from './names/index.ts';
export { resealNationalKeys } from './entities/vault.ts';
export type * from './entity-view.ts';
