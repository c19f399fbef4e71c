import { api, withQuery } from '../app/api.ts';

/** The kinds and the items are the server's own. */
export { REFERENCE_KINDS, type ReferenceItem, type ReferenceKind } from '../../../server/reference/reference-view.ts';
import type { ReferenceItem, ReferenceKind } from '../../../server/reference/reference-view.ts';

export function searchReference(kind: ReferenceKind, q: string, lang: string, limit = 10) {
  return api.get<{ items: ReferenceItem[] }>(withQuery(`/reference/${kind}`, { q, limit, lang }));
}

export function referenceQueryKey(kind: ReferenceKind, q: string, lang: string, limit: number) {
  return ['reference', kind, q, lang, limit] as const;
}
