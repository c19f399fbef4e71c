import { sql } from 'drizzle-orm';
import { v7 as timeOrderedUuid } from 'uuid';
import { type Database, type Db, execRows } from '../platform/db/database.ts';
import type { PreparedSeizure } from './check.ts';
import type { Seizure } from './schema.ts';


export interface NewSeizure {
  prepared: PreparedSeizure;
  orgId: string;
  userId: string | null;
  status?: 'draft' | 'submitted' | 'validated';
  provenance?: 'entered' | 'imported' | 'cencomm' | 'national';
}

const mainColumns = (p: PreparedSeizure) => ({
  seized_at: p.seizedAt,
  country: p.country,
  region: p.region,
  rilo: p.rilo,
  place_locode: p.placeLocode ?? null,
  place_iata: p.placeIata ?? null,
  place_text: p.placeText ?? null,
  lat: p.lat ?? null,
  lng: p.lng ?? null,
  location_type: p.locationType,
  direction: p.direction,
  detection_methods: p.detectionMethods,
  concealment_methods: p.concealmentMethods,
  concealment_detail: p.concealmentDetail ?? null,
  transport_mode: p.transportMode ?? null,
  conveyance_type: p.conveyanceType ?? null,
  // Stored in the shape the API reads back: a count without a nationality has it as null, not missing.
  offenders: p.offenders.map((o) => ({ nationality: o.nationality ?? null, gender: o.gender, ageBand: o.ageBand, count: o.count })),
  narrative: p.narrative ?? null,
  categories: p.categories,
  hs_prefixes: p.hsPrefixes,
  route_countries: p.routeCountries,
  departure_country: p.departureCountry,
  destination_country: p.destinationCountry,
  search_text: p.searchText,
});

/** The record set types of jsonb_to_recordset, one per table. */
const MAIN_TYPES = `id uuid, org_id uuid, created_by uuid, status text, provenance text, external_ref text, seized_at timestamptz, country text,
  region text, rilo text, place_locode text, place_iata text, place_text text, lat double precision, lng double precision, location_type text,
  direction text, detection_methods text[], concealment_methods text[], concealment_detail text, transport_mode text, conveyance_type text,
  offenders jsonb, narrative text, categories text[], hs_prefixes text[], route_countries text[], departure_country text,
  destination_country text, search_text text`;
const MAIN_NAMES = MAIN_TYPES.split(',').map((c) => c.trim().split(/\s+/)[0]);
const LINE_TYPES = `seizure_id uuid, line_no smallint, category text, subcategory text, hs_code text, description text, quantity numeric,
  unit text, value numeric, currency text, cites_species text, seized_at timestamptz, country text`;
const LEG_TYPES = `seizure_id uuid, leg_no smallint, role text, country text, place_locode text, place_iata text, place_text text, leg_date date`;
const names = (types: string) => types.split(',').map((c) => c.trim().split(/\s+/)[0]).join(', ');

function lineRows(id: string, p: PreparedSeizure) {
  return p.commodities.map((l, i) => ({
    seizure_id: id,
    line_no: i + 1,
    category: l.category,
    subcategory: l.subcategory ?? null,
    hs_code: l.hsCode ?? null,
    description: l.description ?? null,
    quantity: l.quantity,
    unit: l.unit,
    value: l.value ?? null,
    currency: l.currency ?? null,
    cites_species: l.citesSpecies ?? null,
    seized_at: p.seizedAt,
    country: p.country,
  }));
}

function legRows(id: string, p: PreparedSeizure) {
  return p.route.map((l, i) => ({
    seizure_id: id,
    leg_no: i + 1,
    role: l.role,
    country: l.country,
    place_locode: l.placeLocode ?? null,
    place_iata: l.placeIata ?? null,
    place_text: l.placeText ?? null,
    leg_date: l.date ?? null,
  }));
}

async function insertChildren(tx: Db, items: { id: string; p: PreparedSeizure }[]) {
  const lines = items.flatMap(({ id, p }) => lineRows(id, p));
  const legs = items.flatMap(({ id, p }) => legRows(id, p));
  if (lines.length)
    await tx.execute(sql`INSERT INTO seizure_commodities (${sql.raw(names(LINE_TYPES))})
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(lines)}::jsonb) AS t(${sql.raw(LINE_TYPES)})`);
  if (legs.length)
    await tx.execute(sql`INSERT INTO seizure_route_legs (${sql.raw(names(LEG_TYPES))})
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(legs)}::jsonb) AS t(${sql.raw(LEG_TYPES)})`);
}

/**
 * Inserts seizures with their lines and legs in three statements whatever their number (the import
 * and the generator call it with thousands). A row whose (organisation, external reference) is
 * already stored is skipped, so a file imported twice adds nothing the second time.
 * References are assigned here: COUNTRY-YEAR-sequence. Ids are time-ordered (UUID version 7): new
 * records go to the right-hand end of the id indexes (the seizures' key, the lines', legs' and history's)
 * instead of to random pages of them, which in a table of millions costs a page read and a full page
 * image in the write-ahead log per row.
 */
export async function insertSeizures(tx: Db, rows: NewSeizure[]): Promise<{ ids: string[]; skipped: number }> {
  if (!rows.length) return { ids: [], skipped: 0 };
  const items = rows.map((r) => ({ id: timeOrderedUuid(), r }));
  const main = items.map(({ id, r }) => ({
    id,
    org_id: r.orgId,
    created_by: r.userId,
    status: r.status ?? 'draft',
    provenance: r.provenance ?? 'entered',
    external_ref: r.prepared.externalRef ?? null,
    ...mainColumns(r.prepared),
  }));
  const inserted = await execRows<{ id: string }>(
    tx,
    sql`INSERT INTO seizures (${sql.raw(MAIN_NAMES.join(', '))}, reference, submitted_at, validated_at)
      SELECT t.*, t.country || '-' || to_char(t.seized_at AT TIME ZONE 'UTC', 'YYYY') || '-' || lpad(nextval('seizure_reference_seq')::text, 7, '0'),
             CASE WHEN t.status <> 'draft' THEN now() END, CASE WHEN t.status = 'validated' THEN now() END
        FROM jsonb_to_recordset(${JSON.stringify(main)}::jsonb) AS t(${sql.raw(MAIN_TYPES)})
      ON CONFLICT (org_id, external_ref) WHERE external_ref IS NOT NULL DO NOTHING
      RETURNING id`,
  );
  const kept = new Set(inserted.map((r) => r.id));
  await insertChildren(
    tx,
    items.filter((i) => kept.has(i.id)).map(({ id, r }) => ({ id, p: r.prepared })),
  );
  return { ids: items.filter((i) => kept.has(i.id)).map((i) => i.id), skipped: rows.length - kept.size };
}

/** Rewrites a record's fields, lines and legs; bumps its version. */
export async function replaceSeizure(tx: Db, id: string, p: PreparedSeizure): Promise<void> {
  const cols = mainColumns(p);
  const sets = Object.entries(cols).map(([k, v]) => {
    if (Array.isArray(v) && k !== 'offenders') return sql`${sql.raw(k)} = ${`{${(v as string[]).join(',')}}`}::text[]`;
    if (k === 'offenders') return sql`offenders = ${JSON.stringify(v)}::jsonb`;
    if (k === 'seized_at') return sql`seized_at = ${v}::timestamptz`;
    return sql`${sql.raw(k)} = ${v}`;
  });
  await tx.execute(sql`UPDATE seizures SET ${sql.join(sets, sql`, `)}, external_ref = ${p.externalRef ?? null},
    version = version + 1, updated_at = now() WHERE id = ${id}`);
  await tx.execute(sql`DELETE FROM seizure_commodities WHERE seizure_id = ${id}`);
  await tx.execute(sql`DELETE FROM seizure_route_legs WHERE seizure_id = ${id}`);
  await insertChildren(tx, [{ id, p }]);
}

/** One record as the API gives it, built in SQL as JSON (the same text on PGlite and PostgreSQL). */
export const SEIZURE_JSON = sql.raw(`json_build_object(
  'id', s.id, 'reference', s.reference, 'orgId', s.org_id, 'orgName', o.name, 'status', s.status, 'provenance', s.provenance,
  'externalRef', s.external_ref, 'seizedAt', s.seized_at, 'country', s.country, 'region', s.region, 'rilo', s.rilo,
  'placeLocode', s.place_locode, 'placeIata', s.place_iata, 'placeText', s.place_text, 'lat', s.lat, 'lng', s.lng,
  'locationType', s.location_type, 'direction', s.direction, 'detectionMethods', s.detection_methods,
  'concealmentMethods', s.concealment_methods, 'concealmentDetail', s.concealment_detail, 'transportMode', s.transport_mode,
  'conveyanceType', s.conveyance_type, 'offenders', s.offenders, 'narrative', s.narrative, 'returnComment', s.return_comment,
  'version', s.version, 'createdAt', s.created_at, 'updatedAt', s.updated_at, 'submittedAt', s.submitted_at, 'validatedAt', s.validated_at,
  'route', (SELECT coalesce(json_agg(json_build_object('role', l.role, 'country', l.country, 'placeLocode', l.place_locode,
      'placeIata', l.place_iata, 'placeText', l.place_text, 'date', l.leg_date) ORDER BY l.leg_no), '[]') FROM seizure_route_legs l WHERE l.seizure_id = s.id),
  'commodities', (SELECT coalesce(json_agg(json_build_object('category', c.category, 'subcategory', c.subcategory, 'hsCode', c.hs_code,
      'description', c.description, 'quantity', c.quantity, 'unit', c.unit, 'value', c.value, 'currency', c.currency,
      'citesSpecies', c.cites_species) ORDER BY c.line_no), '[]') FROM seizure_commodities c WHERE c.seizure_id = s.id),
  'photos', (SELECT coalesce(json_agg(json_build_object('id', p.id, 'name', f.name, 'mime', f.mime, 'size', f.size, 'caption', p.caption,
      'createdAt', p.created_at) ORDER BY p.created_at), '[]') FROM seizure_photos p JOIN files f ON f.id = p.file_id WHERE p.seizure_id = s.id)
)`);

const parse = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** Timestamps in JSON keep PostgreSQL's offset form; the API gives ISO 8601 in UTC. */
export function isoTimes<T extends Record<string, unknown>>(o: T, keys: string[]): T {
  for (const k of keys) if (typeof o[k] === 'string') (o as Record<string, unknown>)[k] = new Date(o[k] as string).toISOString();
  return o;
}

export async function loadSeizure(db: Db | Database['db'], id: string, lock = false): Promise<Seizure | null> {
  const [row] = await execRows<{ j: unknown }>(
    db as Db,
    sql`SELECT ${SEIZURE_JSON} AS j FROM seizures s JOIN identity_organisations o ON o.id = s.org_id WHERE s.id = ${id}${lock ? sql` FOR UPDATE OF s` : sql``}`,
  );
  if (!row) return null;
  const s = parse<Seizure>(row.j);
  for (const p of s.photos) isoTimes(p as unknown as Record<string, unknown>, ['createdAt']);
  return isoTimes(s as unknown as Record<string, unknown>, ['seizedAt', 'createdAt', 'updatedAt', 'submittedAt', 'validatedAt']) as unknown as Seizure;
}
