// What the reference API serves, without runtime imports: the server builds these and the web app reads them.

/** The kinds of reference data the API and the service serve, in URL form. */
export const REFERENCE_KINDS = [
  'countries',
  'regions',
  'rilos',
  'hs-codes',
  'locodes',
  'airports',
  'currencies',
  'commodities',
  'detection-methods',
  'concealment-methods',
] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

export interface ReferenceItem {
  code: string;
  label: string;
  [field: string]: unknown;
}
