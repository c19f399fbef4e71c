import { sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.ts';
import { execRows } from '../../platform/db/database.ts';
import { textArray } from '../../platform/db/pg-array.ts';
import { isoTime } from '../../platform/db/timestamps.ts';
import type { Principal } from '../../platform/http/access.ts';
import { notFound } from '../../platform/http/problem.ts';
import { MEMBER_VISIBLE_STATUSES, OSINT_MANAGERS, type ItemView } from '../osint-view.ts';
import type { ItemPatch, ItemQuery } from './schema.ts';
import type { Meta } from './sources.ts';

type Ctx = Pick<AppContext, 'database' | 'audit'>;
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

const columns = sql`i.id, i.source_id AS "sourceId", s.name AS "sourceName", i.title, i.summary, i.body, i.url, i.published_at AS "publishedAt",
  i.fetched_at AS "fetchedAt", i.language, i.countries, i.focus_country AS "focusCountry", i.places, i.status, i.note`;
type Row = Omit<ItemView, 'publishedAt' | 'fetchedAt'> & { publishedAt: Date | string | null; fetchedAt: Date | string };
const view = (r: Row): ItemView => ({ ...r, publishedAt: isoTime(r.publishedAt), fetchedAt: isoTime(r.fetchedAt) });

/** The I2C sees every item, to validate it; other members only what the I2C validated. */
export const seesAllItems = (actor: Principal) => actor.roles.some((r) => (OSINT_MANAGERS as readonly string[]).includes(r));

/** Collected news items: listed by filter, validated or rejected by the I2C. */
export function createItems(ctx: Ctx) {
  const { database, audit } = ctx;

  async function list(actor: Principal, q: ItemQuery): Promise<ItemView[]> {
    const where: SQL[] = [sql`true`];
    if (!seesAllItems(actor)) where.push(sql`i.status = ANY(${textArray([...MEMBER_VISIBLE_STATUSES])})`);
    if (q.status) where.push(sql`i.status = ${q.status}`);
    if (q.source) where.push(sql`i.source_id = ${q.source}`);
    if (q.language) where.push(sql`i.language = ${q.language}`);
    if (q.country) where.push(sql`i.countries && ${textArray([q.country])}`);
    if (q.q) {
      const like = `%${likeEscape(q.q)}%`;
      where.push(sql`(i.title ILIKE ${like} OR i.body ILIKE ${like})`);
    }
    const rows = await database.rows<Row>(sql`SELECT ${columns} FROM osint_items i JOIN osint_sources s ON s.id = i.source_id
      WHERE ${sql.join(where, sql` AND `)} ORDER BY coalesce(i.published_at, i.fetched_at) DESC, i.id LIMIT ${q.limit}`);
    return rows.map(view);
  }

  async function get(actor: Principal, id: string): Promise<ItemView> {
    const [row] = await database.rows<Row>(sql`SELECT ${columns} FROM osint_items i JOIN osint_sources s ON s.id = i.source_id WHERE i.id = ${id}`);
    if (!row || (!seesAllItems(actor) && !(MEMBER_VISIBLE_STATUSES as readonly string[]).includes(row.status))) throw notFound('Item');
    return view(row);
  }

  async function update(actor: Principal, id: string, patch: ItemPatch, meta: Meta = {}): Promise<ItemView> {
    await database.db.transaction(async (tx) => {
      const [before] = await execRows<{ status: string }>(tx, sql`SELECT status FROM osint_items WHERE id = ${id} FOR UPDATE`);
      if (!before) throw notFound('Item');
      await tx.execute(sql`UPDATE osint_items SET status = coalesce(${patch.status ?? null}, status), note = coalesce(${patch.note ?? null}, note), updated_at = now() WHERE id = ${id}`);
      await audit.record(
        { actor, action: 'osint.item.update', targetType: 'osint_item', targetId: id, detail: { from: before.status, to: patch.status ?? before.status, noteChanged: patch.note !== undefined }, ...meta },
        tx,
      );
    });
    return get(actor, id);
  }

  return { list, get, update };
}

export type Items = ReturnType<typeof createItems>;
