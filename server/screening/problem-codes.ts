// The screening problem types, without runtime imports: the server answers with them and the web app words them.

export const SCREENING_PROBLEMS = [
  'rate-limited',
  'on-behalf-not-allowed',
  'unknown-organisation',
  'wildcard-too-broad',
  'identifier-or-fields',
  'not-recording-organisation',
  'record-changed',
  'not-enquirer',
  'hit-decided',
  'trace-answered',
  'mrz-invalid',
  'image-type',
  'too-many-images',
] as const;
export type ScreeningProblemCode = (typeof SCREENING_PROBLEMS)[number];

export const SCREENING_PROBLEM_PREFIX = 'urn:opencen:problem:screening:';
