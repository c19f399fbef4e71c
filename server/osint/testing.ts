/** For tests and benchmarks: the labelled news items and the scoring of the geotagger and language identification on them. */
export { evaluate, labelledItems, type LabelledItem, type Scores } from './geotag/evaluate.ts';
