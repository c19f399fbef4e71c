import { sql, type SQL } from 'drizzle-orm';
import type { Database, Db } from '../platform/db/database.ts';
import { dataVersion, readReferenceData, regionByGeography, type DataPart, type Names, type ReferenceData } from './data-files.ts';
import { searchKey } from './search-key.ts';
import { referenceDataChanged } from './service.ts';

/** Rows per INSERT … SELECT FROM json_to_recordset: one JSON parameter of a few MB each. */
const BATCH = 20_000;

/** Tables of each part in delete order (children first). */
const TABLES: Record<DataPart, string[]> = {
  core: [
    'ref_commodity_subcategories',
    'ref_commodity_categories',
    'ref_detection_methods',
    'ref_concealment_methods',
    'ref_currencies',
    'ref_hs_codes',
    'ref_hs_sections',
    'ref_countries',
    'ref_rilos',
    'ref_wco_regions',
  ],
  gazetteer: ['ref_airports', 'ref_locodes'],
};
/** Big tables whose secondary indexes are rebuilt after the load rather than maintained row by row. */
const REINDEXED: Record<DataPart, string[]> = { core: ['ref_hs_codes'], gazetteer: ['ref_locodes', 'ref_airports'] };
const VERSION_ROW: Record<DataPart, number> = { core: 1, gazetteer: 2 };

/**
 * Loads the committed reference data into the database when it changed since the last
 * load (compared by a hash of each part's data files). Runs at every start, on every
 * node: an advisory lock makes concurrent starts wait for one loader, and each part is
 * replaced in one transaction, so readers see the old data or the new, never a mix.
 */
export async function loadReferenceData(database: Database, log: (m: string) => void = () => undefined, parts: DataPart[] = ['core', 'gazetteer']): Promise<void> {
  for (const part of parts) {
    await loadPart(database, part, log);
    referenceDataChanged();
  }
}

/** True when the part's stored version matches its data files. */
export async function referencePartCurrent(database: Database, part: DataPart): Promise<boolean> {
  return (await storedVersion(database.db, part)) === dataVersion(part);
}

async function loadPart(database: Database, part: DataPart, log: (m: string) => void): Promise<void> {
  const version = dataVersion(part);
  if ((await storedVersion(database.db, part)) === version) return;
  const started = Date.now();
  const data = readReferenceData();
  if (database.kind === 'pglite' && part === 'gazetteer' && (await isEmpty(database.db, 'ref_locodes')) && (await isEmpty(database.db, 'ref_airports'))) {
    // The embedded database runs one statement at a time: one long transaction would hold every
    // request for seconds. Into empty tables, batches in their own statements let requests run
    // between them; the version row, written last, marks the load complete (an interrupted load
    // leaves rows but no version, and the next start replaces them in one transaction).
    const indexes = await secondaryIndexes(database.db, REINDEXED[part]);
    for (const ix of indexes) await database.exec(`DROP INDEX ${ix.indexname}`);
    await insertGazetteer(database.db, data, 4_000);
    for (const ix of indexes) {
      await new Promise((r) => setImmediate(r));
      await database.exec(ix.indexdef);
    }
    await database.db.execute(sql`INSERT INTO ref_data_version (id, hash, loaded_at) VALUES (${VERSION_ROW[part]}, ${version}, now())
      ON CONFLICT (id) DO UPDATE SET hash = EXCLUDED.hash, loaded_at = EXCLUDED.loaded_at`);
    log(`gazetteer loaded in ${Date.now() - started} ms (${data.locodes.rows.length} UN/LOCODEs, ${data.airports.rows.length} airports)`);
    return;
  }
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(7310003)`);
    if ((await storedVersion(tx, part)) === version) return;
    for (const t of TABLES[part]) await tx.execute(sql.raw(`DELETE FROM ${t}`));
    // On the big tables, building the indexes once after the rows are in is several times faster
    // than maintaining them row by row; the definitions come from the migration, via pg_indexes.
    const indexes = await secondaryIndexes(tx, REINDEXED[part]);
    for (const ix of indexes) await tx.execute(sql.raw(`DROP INDEX ${ix.indexname}`));
    if (part === 'core') await insertCore(tx, data);
    else await insertGazetteer(tx, data);
    for (const ix of indexes) await tx.execute(sql.raw(ix.indexdef));
    await tx.execute(sql`INSERT INTO ref_data_version (id, hash, loaded_at) VALUES (${VERSION_ROW[part]}, ${version}, now())
      ON CONFLICT (id) DO UPDATE SET hash = EXCLUDED.hash, loaded_at = EXCLUDED.loaded_at`);
    log(
      part === 'core'
        ? `reference data loaded in ${Date.now() - started} ms (${data.countries.length} countries, ${data.hs.rows.length} HS codes)`
        : `gazetteer loaded in ${Date.now() - started} ms (${data.locodes.rows.length} UN/LOCODEs, ${data.airports.rows.length} airports)`,
    );
  });
}

async function isEmpty(db: Db, table: string): Promise<boolean> {
  const res = (await db.execute(sql.raw(`SELECT NOT EXISTS (SELECT 1 FROM ${table}) AS empty`))) as unknown as { rows: { empty: boolean }[] };
  return res.rows[0].empty;
}

async function storedVersion(db: Db, part: DataPart): Promise<string | null> {
  const res = (await db.execute(sql`SELECT hash FROM ref_data_version WHERE id = ${VERSION_ROW[part]}`)) as unknown as { rows: { hash: string }[] };
  return res.rows[0]?.hash ?? null;
}

async function secondaryIndexes(db: Db, tables: string[]): Promise<{ indexname: string; indexdef: string }[]> {
  const res = (await db.execute(sql`SELECT indexname, indexdef FROM pg_indexes
    WHERE schemaname = current_schema() AND tablename IN (${sql.join(tables.map((t) => sql`${t}`), sql`, `)}) AND indexname NOT LIKE '%\_pkey'`)) as unknown as {
    rows: { indexname: string; indexdef: string }[];
  };
  return res.rows;
}

/** Runs `insert` once per batch of records, each batch passed as one JSON parameter. */
async function inBatches<T>(db: Db, records: T[], insert: (json: string) => SQL, batch = BATCH): Promise<void> {
  for (let i = 0; i < records.length; i += batch) {
    await db.execute(insert(JSON.stringify(records.slice(i, i + batch))));
    // The embedded database answers through promises alone; without a turn of the event loop
    // between batches, requests waiting on sockets would not be read until the load ends.
    if (batch < BATCH) await new Promise((r) => setImmediate(r));
  }
}

/** Every name, for the `search` column the typeahead matches against. */
function allNames(names: Names, ...more: (string | null | undefined)[]): string {
  return searchKey([...new Set([...Object.values(names), ...more].filter((s): s is string => !!s))].join(' '));
}

async function insertCore(db: Db, d: ReferenceData): Promise<void> {
  await inBatches(
    db,
    d.regions.map((r, i) => ({ code: r.code, names: r.names, sort: i, s: allNames(r.names, r.code) })),
    (j) => sql`INSERT INTO ref_wco_regions (code, names, sort, search)
      SELECT code, names, sort, s FROM json_to_recordset(${j}::json) AS r(code text, names jsonb, sort int, s text)`,
  );

  await inBatches(
    db,
    d.rilos.map((r, i) => ({ ...r, sort: i, s: allNames(r.names, r.code, r.seat) })),
    (j) => sql`INSERT INTO ref_rilos (code, names, region_code, seat, seat_country, established, members, sort, search)
      SELECT code, names, region, seat, "seatCountry", established, ARRAY(SELECT jsonb_array_elements_text(members)), sort, s
      FROM json_to_recordset(${j}::json) AS r(code text, names jsonb, region text, seat text, "seatCountry" text, established int, members jsonb, sort int, s text)`,
  );

  const memberRegion = new Map(d.regions.flatMap((r) => r.members.map((c) => [c, r.code] as const)));
  const riloOf = new Map(d.rilos.flatMap((r) => r.members.map((c) => [c, r.code] as const)));
  await inBatches(
    db,
    d.countries.map((c) => ({
      code: c.code,
      alpha3: c.alpha3,
      numeric: c.numeric,
      names: c.names,
      official: c.official,
      region: memberRegion.get(c.code) ?? regionByGeography(c),
      member: memberRegion.has(c.code),
      rilo: riloOf.get(c.code) ?? null,
      currencies: c.currencies,
      lat: c.lat,
      lng: c.lng,
      s: allNames(c.names, c.official, ...c.alt, c.code, c.alpha3),
    })),
    (j) => sql`INSERT INTO ref_countries (code, alpha3, numeric, names, official_name, wco_region, wco_member, rilo_code, currencies, lat, lng, search)
      SELECT code, alpha3, numeric, names, official, region, member, rilo, ARRAY(SELECT jsonb_array_elements_text(currencies)), lat, lng, s
      FROM json_to_recordset(${j}::json) AS r(code text, alpha3 text, numeric text, names jsonb, official text, region text, member boolean,
        rilo text, currencies jsonb, lat float8, lng float8, s text)`,
  );

  await inBatches(db, d.hs.sections, (j) => sql`INSERT INTO ref_hs_sections (code, name) SELECT code, name FROM json_to_recordset(${j}::json) AS r(code text, name text)`);
  await inBatches(
    db,
    d.hs.rows.map(([code, level, parent, section, description]) => ({ code, level, parent, section, description, s: searchKey(description) })),
    (j) => sql`INSERT INTO ref_hs_codes (code, level, parent, section, description, search)
      SELECT code, level, parent, section, description, s
      FROM json_to_recordset(${j}::json) AS r(code text, level int, parent text, section text, description text, s text)`,
  );

  await inBatches(
    db,
    d.currencies.map((c) => ({ ...c, s: searchKey(`${c.name} ${c.code}`) })),
    (j) => sql`INSERT INTO ref_currencies (code, name, numeric, minor_unit, withdrawn, search)
      SELECT code, name, numeric, "minorUnit", withdrawn, s
      FROM json_to_recordset(${j}::json) AS r(code text, name text, numeric text, "minorUnit" int, withdrawn text, s text)`,
  );

  await inBatches(
    db,
    d.categories.map((c, i) => ({ code: c.code, names: c.names, units: c.units, sort: i, s: allNames(c.names) })),
    (j) => sql`INSERT INTO ref_commodity_categories (code, names, units, sort, search)
      SELECT code, names, ARRAY(SELECT jsonb_array_elements_text(units)), sort, s
      FROM json_to_recordset(${j}::json) AS r(code text, names jsonb, units jsonb, sort int, s text)`,
  );
  await inBatches(
    db,
    d.categories.flatMap((c) =>
      c.subcategories.map((s, i) => ({
        code: `${c.code}.${s.code}`,
        category: c.code,
        names: { en: s.en },
        hs: s.hsCode ?? null,
        units: s.units,
        gs: s.globalShield ?? false,
        sort: i,
        s: searchKey(`${s.en} ${c.names.en}`),
      })),
    ),
    (j) => sql`INSERT INTO ref_commodity_subcategories (code, category_code, names, hs_code, units, global_shield, sort, search)
      SELECT code, category, names, hs, ARRAY(SELECT jsonb_array_elements_text(units)), gs, sort, s
      FROM json_to_recordset(${j}::json) AS r(code text, category text, names jsonb, hs text, units jsonb, gs boolean, sort int, s text)`,
  );

  await inBatches(
    db,
    d.detectionMethods.map((m, i) => ({ code: m.code, names: { en: m.en }, sort: i, s: searchKey(m.en) })),
    (j) => sql`INSERT INTO ref_detection_methods (code, names, sort, search)
      SELECT code, names, sort, s FROM json_to_recordset(${j}::json) AS r(code text, names jsonb, sort int, s text)`,
  );
  await inBatches(
    db,
    d.concealmentMethods.map((m, i) => ({ code: m.code, group: m.group ?? 'NONE', names: { en: m.en }, sort: i, s: searchKey(m.en) })),
    (j) => sql`INSERT INTO ref_concealment_methods (code, group_code, names, sort, search)
      SELECT code, "group", names, sort, s FROM json_to_recordset(${j}::json) AS r(code text, "group" text, names jsonb, sort int, s text)`,
  );
}

/** `batch` is smaller while the app serves: the embedded database blocks the event loop for one statement's time. */
async function insertGazetteer(db: Db, d: ReferenceData, batch = BATCH): Promise<void> {
  // Arrays, not objects, keep the 116k-row JSON half the size, and jsonb parses each row once.
  // The name comes first in `search` so that a prefix of it is a prefix of `search`.
  await inBatches(
    db,
    d.locodes.rows.map((r) => [...r, searchKey([r[1], r[2], r[3]].filter(Boolean).join(' '))]),
    (j) => sql`INSERT INTO ref_locodes (code, country, name, name_ascii, alt_name, subdivision, functions, lat, lng, search)
      SELECT r->>0, left(r->>0, 2), r->>1, r->>2, r->>3, r->>4, r->>5, (r->>6)::float8, (r->>7)::float8, r->>8
      FROM jsonb_array_elements(${j}::jsonb) AS r`,
    batch,
  );
  await inBatches(
    db,
    d.airports.rows.map((r) => [...r, searchKey(`${r[3]} ${r[5]}`)]),
    (j) => sql`INSERT INTO ref_airports (code, iata, icao, name, country, region, lat, lng, search)
      SELECT r->>0, r->>1, r->>2, r->>3, r->>4, r->>5, (r->>6)::float8, (r->>7)::float8, r->>8
      FROM jsonb_array_elements(${j}::jsonb) AS r`,
    batch,
  );
}
