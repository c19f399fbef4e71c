import { sql, type SQL } from 'drizzle-orm';
import { v5 as uuidv5 } from 'uuid';
import type { AppContext } from '../../platform/context.ts';
import type { Principal } from '../../platform/http/access.ts';
import { badRequest, notFound } from '../../platform/http/problem.ts';
import { readable, scopeOf } from '../access.ts';
import { alertObjects } from '../stix/export.ts';
import type { StixObject } from '../stix/schema.ts';
import { exportRows } from '../stix/service.ts';

type Ctx = Pick<AppContext, 'database' | 'audit'>;

export const TAXII_MEDIA_TYPE = 'application/taxii+json;version=2.1';
export const STIX_MEDIA_TYPE = 'application/stix+json;version=2.1';
/** The objects of one alert in a collection: its author's identity, its report, its indicator. */
const OBJECTS_PER_ALERT = 3;
export const MAX_PAGE = 1000;
const NAMESPACE = '5c0e7f3a-2b1d-5a4e-8c6f-0d9e8b7a6c5d';

export interface Collection {
  id: string;
  title: string;
  description: string;
  can_read: true;
  can_write: false;
  media_types: string[];
}

/** The collection of everything circulated to an administration: its id is stable for that administration. */
export const everythingId = (orgId: string) => uuidv5(`circulated-to:${orgId}`, NAMESPACE);

interface Cursor {
  t: string;
  a: string;
  i: number;
}
const encode = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decode(next: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(next, 'base64url').toString('utf8')) as Cursor;
    if (typeof c.t === 'string' && !Number.isNaN(Date.parse(c.t)) && /^[0-9a-f-]{36}$/.test(c.a) && Number.isInteger(c.i) && c.i >= 0 && c.i < OBJECTS_PER_ALERT) return c;
  } catch {
    // answered below
  }
  throw badRequest('next: not a page token this server gave', [{ field: 'next', message: 'is not a page token this server gave' }]);
}

export interface ObjectsPage {
  more: boolean;
  next?: string;
  objects: StixObject[];
  first: string | null;
  last: string | null;
}

/**
 * TAXII 2.1 collections of alerts, read-only: one per distribution list the reader's administration is on,
 * and one of everything circulated to it. A collection's objects are those of the circulated alerts the
 * reader may read that its handling code lets out (not H3), in the order they reached the administration.
 */
export function createTaxii(ctx: Ctx) {
  const { database, audit } = ctx;

  async function collections(actor: Principal): Promise<Collection[]> {
    const lists = await database.rows<{ id: string; name: string }>(sql`SELECT id, name FROM alert_lists WHERE ${actor.orgId}::uuid = ANY(org_ids) ORDER BY lower(name), id`);
    const media_types = [STIX_MEDIA_TYPE];
    return [
      { id: everythingId(actor.orgId), title: 'Alerts circulated to my administration', description: 'Every circulated alert your administration received that may be exported (H0 to H2).', can_read: true, can_write: false, media_types },
      ...lists.map((l) => ({ id: l.id, title: `Alerts of the list ${l.name}`, description: `Circulated alerts your administration received through the distribution list ${l.name}.`, can_read: true as const, can_write: false as const, media_types })),
    ];
  }

  async function collection(actor: Principal, id: string): Promise<Collection> {
    const found = (await collections(actor)).find((c) => c.id === id);
    if (!found) throw notFound('Collection');
    return found;
  }

  async function objects(actor: Principal, id: string, q: { added_after?: string; limit: number; next?: string }, meta: { ip?: string; requestId?: string } = {}): Promise<ObjectsPage> {
    const c = await collection(actor, id);
    const s = await scopeOf(database, actor);
    const added = sql`date_trunc('milliseconds', r.added_at)`;
    const where: SQL[] = [readable(s), sql`a.status = 'circulated'`, sql`a.handling <> 'H3'`];
    if (c.id !== everythingId(actor.orgId)) where.push(sql`(r.via = ${`list:${c.id}`} OR coalesce(a.targets->'listIds', '[]'::jsonb) @> to_jsonb(${c.id}::text))`);
    if (q.added_after) where.push(sql`${added} > ${q.added_after}::timestamptz`);
    const cursor = q.next ? decode(q.next) : null;
    if (cursor) where.push(sql`(${added}, a.id) >= (${cursor.t}::timestamptz, ${cursor.a}::uuid)`);
    const skip = cursor?.i ?? 0;
    const alertsNeeded = Math.ceil((skip + q.limit) / OBJECTS_PER_ALERT) + 1;
    const rows = await exportRows(database, sql.join(where, sql` AND `), {
      extra: sql`, ${added} AS "dateAdded"`,
      join: sql`JOIN alert_recipients r ON r.alert_id = a.id AND r.org_id = ${s.orgId}::uuid`,
      tail: sql`ORDER BY ${added}, a.id LIMIT ${alertsNeeded}`,
    });
    // Cut the page out of the alerts' objects, each object with the date its alert was added.
    const flat = rows.flatMap((a) => alertObjects(a).map((o, i) => ({ o, i, alertId: a.id, at: new Date(a.dateAdded as string).toISOString() })));
    const slice = flat.slice(skip, skip + q.limit);
    const after = flat[skip + q.limit];
    await audit.record({ actor, action: 'alert.taxii.read', targetType: 'taxii_collection', targetId: c.id, detail: { objects: slice.length }, ...meta });
    return {
      more: !!after,
      ...(after ? { next: encode({ t: after.at, a: after.alertId, i: after.i }) } : {}),
      objects: slice.map((x) => x.o),
      first: slice[0]?.at ?? null,
      last: slice.at(-1)?.at ?? null,
    };
  }

  return { collections, collection, objects };
}

export type Taxii = ReturnType<typeof createTaxii>;
