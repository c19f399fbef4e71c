import { sql } from 'drizzle-orm';
import type { Principal } from '../../platform/http/access.ts';
import { conflict, forbidden, invalidField } from '../../platform/http/problem.ts';
import type { ListName, SearchHit } from '../../screening/index.ts';
import type { Ctx, Meta, Requests } from './requests.ts';
import { partyOf } from './access.ts';
import type { ScreeningLink } from './helpdesk-view.ts';

/** The screening module's search, as the desk calls it (on behalf of the requesting administration). */
export type WatchListSearch = (
  actor: Principal,
  input: { identifier: string; list?: ListName; onBehalfOfOrgId: string },
  meta: Meta,
) => Promise<{ queryId: string; hits: SearchHit[] }>;

/**
 * A watch-list search asked for through the help desk: the I2C runs it through the screening module on
 * behalf of the requesting administration (so the query log and audit name that administration), and the
 * result, first-level hits only, is linked to the request in its thread.
 */
export function createScreeningLink(ctx: Ctx, requests: Requests, search: WatchListSearch) {
  async function run(actor: Principal, requestId: string, asked: { identifier?: string; list?: ListName | null }, meta: Meta = {}): Promise<ScreeningLink> {
    const row = await requests.load(ctx.database.db, requestId);
    if (partyOf(actor, row.orgId) !== 'i2c') throw forbidden('Only the I2C runs a search on behalf of a member.');
    if (row.type !== 'watch_list_search') throw conflict(`Request ${row.reference} is not a watch-list search request.`);
    if (row.status === 'closed') throw conflict(`Request ${row.reference} is closed.`);
    const identifier = asked.identifier ?? row.search?.identifier;
    if (!identifier) throw invalidField('identifier', 'is required');
    const list = (asked.list !== undefined ? asked.list : row.search?.list) ?? null;
    // The search writes its own query log and audit records; the link is written after it.
    const result = await search(actor, { identifier, ...(list ? { list: list as ListName } : {}), onBehalfOfOrgId: row.orgId }, meta);
    const link: ScreeningLink = {
      queryId: result.queryId,
      identifier,
      list,
      hits: result.hits.map((h) => ({ list: h.list, recordId: h.recordId, match: h.match.type, detail: h.match.detail })),
    };
    let after: () => Promise<void> = async () => {};
    await ctx.database.db.transaction(async (tx) => {
      const body = link.hits.length ? `${link.hits.length} hit(s) in the watch lists.` : 'No hit in the watch lists.';
      await requests.addEntry(tx, requestId, actor, 'screening', body, { screening: link });
      // The result is an answer to the member: it stops the first-response clock.
      await tx.execute(sql`UPDATE helpdesk_requests SET first_response_at = coalesce(first_response_at, now()) WHERE id = ${requestId}`);
      await ctx.audit.record({ actor, action: 'desk.request.screening', targetType: 'desk.request', targetId: requestId, detail: { queryId: link.queryId, hits: link.hits.length }, ...meta }, tx);
      after = await requests.tell(tx, row, 'i2c', 'search result', body);
    });
    await after();
    return link;
  }
  return { run };
}
