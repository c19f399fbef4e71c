import { sql, type SQL } from 'drizzle-orm';
import { stringify as csvStringify } from 'csv-stringify/sync';
import type { AppContext } from '../../platform/context.ts';
import { type Db, execRows } from '../../platform/db/database.ts';
import type { Principal } from '../../platform/http/access.ts';
import { forbidden, notFound, Problem } from '../../platform/http/problem.ts';
import { textArray } from '../../platform/db/pg-array.ts';
import { isoTime } from '../../platform/db/timestamps.ts';
import { STALE_AFTER_MONTHS, type DirectoryEntry } from './directory-view.ts';
import type { EntryInput, SearchQuery } from './schema.ts';
import { toVCards } from './vcard.ts';

type Ctx = Pick<AppContext, 'database' | 'audit'>;
type Meta = { ip?: string; requestId?: string };
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

// Local time of the contact point at the moment asked: open if a slot of that weekday holds it.
const openAt = (at: Date) => sql`(e.always_open OR EXISTS (
  SELECT 1 FROM jsonb_array_elements(e.hours) h
  WHERE (h->>'day')::int = extract(isodow FROM (${at.toISOString()}::timestamptz AT TIME ZONE e.time_zone))::int
    AND ((${at.toISOString()}::timestamptz AT TIME ZONE e.time_zone)::time) >= (h->>'opens')::time
    AND ((${at.toISOString()}::timestamptz AT TIME ZONE e.time_zone)::time) < (h->>'closes')::time))`;
const stale = sql`(e.confirmed_at < now() - make_interval(months => ${STALE_AFTER_MONTHS}))`;

const columns = (at: Date) => sql`e.id, e.org_id AS "orgId", o.name AS "orgName", o.short_name AS "orgShortName", o.kind AS "orgKind",
  o.country, o.region, e.kind, e.name, e.unit, e.risk_areas AS "riskAreas", e.languages, e.time_zone AS "timeZone",
  e.always_open AS "alwaysOpen", e.hours, e.phone, e.email, e.secure_channels AS "secureChannels", e.notes,
  e.confirmed_at AS "confirmedAt", e.updated_at AS "updatedAt", ${stale} AS stale, ${openAt(at)} AS "openNow"`;

type Row = Omit<DirectoryEntry, 'confirmedAt' | 'updatedAt'> & { confirmedAt: Date | string; updatedAt: Date | string };
const view = (r: Row): DirectoryEntry => ({ ...r, confirmedAt: isoTime(r.confirmedAt), updatedAt: isoTime(r.updatedAt) });

/**
 * The contact-points directory: each organisation keeps its own entries (and confirms them once a year);
 * every member looks them up by country, region, risk area, language and whether they are open now.
 */
export function createDirectory(ctx: Ctx) {
  const { database, audit } = ctx;

  function filters(q: Omit<SearchQuery, 'limit'>, at: Date): SQL {
    const where: SQL[] = [sql`true`];
    if (q.q) {
      const like = `%${likeEscape(q.q)}%`;
      where.push(sql`(o.name ILIKE ${like} OR o.short_name ILIKE ${like} OR e.name ILIKE ${like} OR e.unit ILIKE ${like} OR e.email ILIKE ${like} OR o.country = ${q.q.toUpperCase()})`);
    }
    if (q.country?.length) where.push(sql`o.country = ANY(${textArray(q.country)})`);
    if (q.region?.length) where.push(sql`o.region = ANY(${textArray(q.region)})`);
    if (q.kind?.length) where.push(sql`e.kind = ANY(${textArray(q.kind)})`);
    if (q.riskArea?.length) where.push(sql`e.risk_areas && ${textArray(q.riskArea)}`);
    if (q.language?.length) where.push(sql`e.languages && ${textArray(q.language)}`);
    if (q.orgId) where.push(sql`e.org_id = ${q.orgId}`);
    if (q.openNow === 'true') where.push(openAt(at));
    if (q.stale) where.push(q.stale === 'true' ? stale : sql`NOT ${stale}`);
    return sql.join(where, sql` AND `);
  }

  async function search(q: SearchQuery, at = new Date()): Promise<{ entries: DirectoryEntry[]; total: number }> {
    // The page and the count of all matches in one scan; the columns (open now among them) for the page only.
    const order = sql`o.country NULLS LAST, lower(o.name), e.kind, lower(e.name), e.id`;
    const rows = await database.rows<Row & { total: number }>(sql`WITH page AS (
        SELECT e.id, count(*) OVER ()::int AS total FROM directory_entries e JOIN identity_organisations o ON o.id = e.org_id
        WHERE ${filters(q, at)} ORDER BY ${order} LIMIT ${q.limit})
      SELECT ${columns(at)}, page.total FROM page JOIN directory_entries e ON e.id = page.id JOIN identity_organisations o ON o.id = e.org_id ORDER BY ${order}`);
    const total = rows[0]?.total ?? 0;
    return { entries: rows.map(({ total: _total, ...r }) => view(r)), total };
  }

  async function get(id: string, at = new Date()): Promise<DirectoryEntry> {
    const [row] = await database.rows<Row>(sql`SELECT ${columns(at)} FROM directory_entries e JOIN identity_organisations o ON o.id = e.org_id WHERE e.id = ${id}`);
    if (!row) throw notFound('Directory entry');
    return view(row);
  }

  const values = (e: EntryInput) => ({
    hours: JSON.stringify(e.hours),
    riskAreas: textArray([...new Set(e.riskAreas)]),
    languages: textArray([...new Set(e.languages)]),
    channels: textArray([...new Set(e.secureChannels)]),
  });

  // The zone must be one the database knows too: "open now" is computed there for every search.
  async function checkTimeZone(t: Db, timeZone: string) {
    const known = await execRows(t, sql`SELECT 1 FROM pg_timezone_names WHERE name = ${timeZone}`);
    if (!known.length) throw new Problem(422, 'Unprocessable Content', `timeZone: ${timeZone} is not a time zone the database knows`, [{ field: 'timeZone', message: 'is not a time zone the database knows' }]);
  }

  async function create(actor: Principal, input: EntryInput, meta: Meta = {}): Promise<string> {
    const v = values(input);
    return database.db.transaction(async (t) => {
      await checkTimeZone(t, input.timeZone);
      const [row] = await execRows<{ id: string }>(t, sql`INSERT INTO directory_entries (org_id, kind, name, unit, risk_areas, languages, time_zone, always_open, hours,
          phone, email, secure_channels, notes, confirmed_by, updated_by)
        VALUES (${actor.orgId}, ${input.kind}, ${input.name}, ${input.unit}, ${v.riskAreas}, ${v.languages}, ${input.timeZone}, ${input.alwaysOpen}, ${v.hours}::jsonb,
          ${input.phone}, ${input.email}, ${v.channels}, ${input.notes}, ${actor.userId}, ${actor.userId}) RETURNING id`);
      await audit.record({ actor, action: 'directory.entry.create', targetType: 'directory_entry', targetId: row.id, detail: { kind: input.kind }, ...meta }, t);
      return row.id;
    });
  }

  /** Only the owning organisation changes its entries; another organisation's entry is refused, not hidden (it is readable). */
  async function owned(t: Db, actor: Principal, id: string) {
    const [row] = await execRows<{ orgId: string }>(t, sql`SELECT org_id AS "orgId" FROM directory_entries WHERE id = ${id} FOR UPDATE`);
    if (!row) throw notFound('Directory entry');
    if (row.orgId !== actor.orgId) throw forbidden('This entry belongs to another organisation: only that organisation keeps it.');
  }

  async function update(actor: Principal, id: string, input: EntryInput, meta: Meta = {}) {
    const v = values(input);
    await database.db.transaction(async (t) => {
      await owned(t, actor, id);
      await checkTimeZone(t, input.timeZone);
      // Saving an entry confirms it: its owner has just looked at every field.
      await t.execute(sql`UPDATE directory_entries SET kind = ${input.kind}, name = ${input.name}, unit = ${input.unit}, risk_areas = ${v.riskAreas},
        languages = ${v.languages}, time_zone = ${input.timeZone}, always_open = ${input.alwaysOpen}, hours = ${v.hours}::jsonb, phone = ${input.phone},
        email = ${input.email}, secure_channels = ${v.channels}, notes = ${input.notes}, updated_at = now(), updated_by = ${actor.userId},
        confirmed_at = now(), confirmed_by = ${actor.userId} WHERE id = ${id}`);
      await audit.record({ actor, action: 'directory.entry.update', targetType: 'directory_entry', targetId: id, ...meta }, t);
    });
  }

  async function confirm(actor: Principal, id: string, meta: Meta = {}) {
    await database.db.transaction(async (t) => {
      await owned(t, actor, id);
      await t.execute(sql`UPDATE directory_entries SET confirmed_at = now(), confirmed_by = ${actor.userId} WHERE id = ${id}`);
      await audit.record({ actor, action: 'directory.entry.confirm', targetType: 'directory_entry', targetId: id, ...meta }, t);
    });
  }

  async function remove(actor: Principal, id: string, meta: Meta = {}) {
    await database.db.transaction(async (t) => {
      await owned(t, actor, id);
      await t.execute(sql`DELETE FROM directory_entries WHERE id = ${id}`);
      await audit.record({ actor, action: 'directory.entry.delete', targetType: 'directory_entry', targetId: id, ...meta }, t);
    });
  }

  /** The search's entries as CSV or vCard, every one (up to 5,000), the export audited with its filters. */
  async function exportEntries(actor: Principal, q: Omit<SearchQuery, 'limit'>, format: 'csv' | 'vcf', meta: Meta = {}) {
    const { entries } = await search({ ...q, limit: 5000 } as SearchQuery);
    await audit.record({ actor, action: 'directory.export', targetType: 'directory_entry', detail: { format, filters: q, rows: entries.length }, ...meta });
    if (format === 'vcf') return toVCards(entries);
    const header = ['organisation', 'short_name', 'country', 'region', 'kind', 'name', 'unit', 'phone', 'email', 'secure_channels', 'risk_areas', 'languages', 'time_zone', 'hours', 'confirmed_at', 'stale'];
    const hours = (e: DirectoryEntry) => (e.alwaysOpen ? '24/7' : e.hours.map((h) => `${h.day} ${h.opens}-${h.closes}`).join('; '));
    const rows = entries.map((e) => [e.orgName, e.orgShortName, e.country ?? '', e.region ?? '', e.kind, e.name, e.unit, e.phone, e.email, e.secureChannels.join(' '), e.riskAreas.join(' '), e.languages.join(' '), e.timeZone, hours(e), e.confirmedAt, e.stale ? 'yes' : 'no']);
    return csvStringify([header, ...rows]);
  }

  return { search, get, create, update, confirm, remove, exportEntries };
}

export type Directory = ReturnType<typeof createDirectory>;
