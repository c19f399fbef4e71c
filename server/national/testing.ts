/** For tests, benchmarks and scripts: the labelled name pairs and their evaluation. */
export { compareNames } from './names/index.ts';
export { evaluate, evaluateByKind, loadPairs, type LabelledPair, type Quality } from './names/evaluate.ts';
export { sealEntity, loadIndexSecret } from './entities/vault.ts';
export { clearKeysOf, createBlindIndex } from './entities/blind-index.ts';
export { createEntitySearch } from './entities/search.ts';
