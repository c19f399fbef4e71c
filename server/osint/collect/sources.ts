import { sql } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.ts';
import { execRows } from '../../platform/db/database.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { textArray } from '../../platform/db/pg-array.ts';
import { isoTime } from '../../platform/db/timestamps.ts';
import type { Principal } from '../../platform/http/access.ts';
import { conflict, invalidField, notFound } from '../../platform/http/problem.ts';
import type { SourceView } from '../osint-view.ts';
import type { SourceInput } from './schema.ts';

type Ctx = Pick<AppContext, 'database' | 'audit'>;
export type Meta = { ip?: string; requestId?: string };

export const sourceColumns = sql`s.id, s.url, s.kind, s.name, s.language, s.country, s.category_hints AS "categoryHints", s.poll_minutes AS "pollMinutes",
  s.reliability, s.enabled, s.last_fetch_at AS "lastFetchAt", s.last_ok_at AS "lastOkAt", s.last_error AS "lastError",
  s.consecutive_failures AS "consecutiveFailures", s.next_poll_at AS "nextPollAt",
  (SELECT count(*)::int FROM osint_items i WHERE i.source_id = s.id) AS "itemCount"`;

type Row = Omit<SourceView, 'lastFetchAt' | 'lastOkAt' | 'nextPollAt'> & { lastFetchAt: Date | string | null; lastOkAt: Date | string | null; nextPollAt: Date | string };
export const sourceView = (r: Row): SourceView => ({ ...r, lastFetchAt: isoTime(r.lastFetchAt), lastOkAt: isoTime(r.lastOkAt), nextPollAt: isoTime(r.nextPollAt) });

/** Only http and https sources are polled; anything else is refused when the source is saved. */
function checkUrl(address: string): string {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw invalidField('url', 'is not a valid address');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalidField('url', 'must be an http:// or https:// address');
  if (url.username || url.password) throw invalidField('url', 'must not hold a user name or password');
  return url.href;
}

/** The I2C's list of news sources: what is polled, how often, and how each poll went. */
export function createSources(ctx: Ctx) {
  const { database, audit } = ctx;

  async function list(): Promise<SourceView[]> {
    return (await database.rows<Row>(sql`SELECT ${sourceColumns} FROM osint_sources s ORDER BY lower(s.name), s.id`)).map(sourceView);
  }

  async function get(id: string): Promise<SourceView> {
    const [row] = await database.rows<Row>(sql`SELECT ${sourceColumns} FROM osint_sources s WHERE s.id = ${id}`);
    if (!row) throw notFound('Source');
    return sourceView(row);
  }

  const duplicate = (e: unknown) => (isUniqueViolation(e) ? conflict('A source with this address exists already.', [{ field: 'url', message: 'is already a source' }]) : e);

  async function create(actor: Principal, input: SourceInput, meta: Meta = {}): Promise<string> {
    const url = checkUrl(input.url);
    try {
      return await database.db.transaction(async (tx) => {
        const [row] = await execRows<{ id: string }>(
          tx,
          sql`INSERT INTO osint_sources (url, kind, name, language, country, category_hints, poll_minutes, reliability, enabled)
              VALUES (${url}, ${input.kind}, ${input.name}, ${input.language}, ${input.country}, ${textArray([...new Set(input.categoryHints)])},
                ${input.pollMinutes}, ${input.reliability}, ${input.enabled}) RETURNING id`,
        );
        await audit.record({ actor, action: 'osint.source.create', targetType: 'osint_source', targetId: row!.id, detail: { url, kind: input.kind }, ...meta }, tx);
        return row!.id;
      });
    } catch (e) {
      throw duplicate(e);
    }
  }

  async function update(actor: Principal, id: string, input: SourceInput, meta: Meta = {}): Promise<void> {
    const url = checkUrl(input.url);
    try {
      await database.db.transaction(async (tx) => {
        // A changed address is another resource: its validators no longer apply, and it is polled at once.
        const rows = await execRows(
          tx,
          sql`UPDATE osint_sources SET url = ${url}, kind = ${input.kind}, name = ${input.name}, language = ${input.language}, country = ${input.country},
                category_hints = ${textArray([...new Set(input.categoryHints)])}, poll_minutes = ${input.pollMinutes}, reliability = ${input.reliability},
                enabled = ${input.enabled}, updated_at = now(),
                etag = CASE WHEN url = ${url} THEN etag END, last_modified = CASE WHEN url = ${url} THEN last_modified END,
                next_poll_at = CASE WHEN url = ${url} THEN next_poll_at ELSE now() END
              WHERE id = ${id} RETURNING id`,
        );
        if (!rows.length) throw notFound('Source');
        await audit.record({ actor, action: 'osint.source.update', targetType: 'osint_source', targetId: id, detail: { url, kind: input.kind, enabled: input.enabled }, ...meta }, tx);
      });
    } catch (e) {
      throw duplicate(e);
    }
  }

  /** Removes the source and its items. */
  async function remove(actor: Principal, id: string, meta: Meta = {}): Promise<void> {
    await database.db.transaction(async (tx) => {
      const rows = await execRows<{ url: string }>(tx, sql`DELETE FROM osint_sources WHERE id = ${id} RETURNING url`);
      if (!rows.length) throw notFound('Source');
      await audit.record({ actor, action: 'osint.source.delete', targetType: 'osint_source', targetId: id, detail: { url: rows[0]!.url }, ...meta }, tx);
    });
  }

  return { list, get, create, update, remove };
}

export type Sources = ReturnType<typeof createSources>;
