import { api, withQuery } from '../app/api.ts';

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
  [extra: string]: unknown;
}

export function searchReference(kind: ReferenceKind, q: string, lang: string, limit = 10) {
  return api.get<{ items: ReferenceItem[] }>(withQuery(`/reference/${kind}`, { q, limit, lang }));
}

export function referenceQueryKey(kind: ReferenceKind, q: string, lang: string, limit: number) {
  return ['reference', kind, q, lang, limit] as const;
}
