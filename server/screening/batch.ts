import type { Database } from '../platform/db/database.ts';
import type { Principal } from '../platform/http/access.ts';
import { bestPerRecord, firstLevels, matchKeys, matchOneEditMany, probesFor } from './key-matching.ts';
import type { MatchReason } from './search-view.ts';
import { LIST_DEFS, LISTS, type ListName } from './lists.ts';
import type { QueryLog, QueryMeta } from './query-log.ts';

export const MAX_BATCH_ITEMS = 10_000;

export interface BatchItem {
  /** The caller's own reference for the item (a seat, a manifest line), echoed in its hits. */
  ref?: string;
  identifier: string;
  list?: ListName;
}

export interface BatchInput {
  items: BatchItem[];
  list?: ListName;
  /** Also look one edit away; off by default (a manifest's identifiers are read by machine). */
  oneEdit?: boolean;
  onBehalfOfOrgId?: string;
}

export interface BatchHit {
  item: number;
  ref?: string;
  list: ListName;
  recordId: string;
  match: MatchReason;
  firstLevel: Record<string, unknown>;
}

/**
 * A passenger list or manifest screened in a handful of statements whatever its size: one for the
 * exact, normalised and folded matches of every item, one more for one-edit matches if asked, and
 * one per list hit for the first-level fields. All hits come back in one answer.
 */
export function createBatch(deps: { database: Database; queryLog: QueryLog }) {
  const { database, queryLog } = deps;

  async function screen(actor: Principal, input: BatchInput, meta: QueryMeta = {}) {
    await queryLog.admit(actor, 'batch', input.items.length, input.onBehalfOfOrgId);
    const keyed = (input.list ? [input.list] : [...LISTS]).filter((l) => LIST_DEFS[l].keys.length);
    const items = input.items.map((it) => ({ raw: it.identifier, list: it.list ?? input.list }));
    const probes = probesFor(items, keyed);
    const found = await matchKeys(database, probes, keyed);
    if (input.oneEdit) found.push(...(await matchOneEditMany(database, probes, keyed)));
    // An item that names its list matches only there.
    const inScope = found.filter((h) => !items[h.item].list || items[h.item].list === h.list);
    const ranked = bestPerRecord(inScope);
    const shown = await firstLevels(database, ranked);
    const hits: BatchHit[] = ranked
      .filter((h) => shown.has(`${h.list}:${h.recordId}`))
      .map((h) => ({ item: h.item, ...(input.items[h.item].ref !== undefined ? { ref: input.items[h.item].ref } : {}), list: h.list, recordId: h.recordId, match: h.match, firstLevel: shown.get(`${h.list}:${h.recordId}`)! }));
    const queryId = await queryLog.record(
      actor,
      {
        mode: 'batch',
        list: input.list ?? null,
        query: { identifiers: input.items.map((i) => i.identifier), oneEdit: !!input.oneEdit },
        items: input.items.length,
        hits: hits.map((h) => ({ item: h.item, list: h.list, recordId: h.recordId, match: h.match })),
        onBehalfOfOrgId: input.onBehalfOfOrgId ?? null,
      },
      meta,
    );
    return { queryId, items: input.items.length, hits };
  }

  return { screen };
}

export type Batch = ReturnType<typeof createBatch>;
