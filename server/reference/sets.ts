import { sql } from 'drizzle-orm';
import type { Database } from '../platform/db/database.ts';
import { referenceGeneration } from './service.ts';

/**
 * The code lists held in memory for checks made row by row at import speed (tens of thousands of
 * rows a second cannot afford a query per code). A few MB: 116k UN/LOCODEs are the bulk.
 */
export interface ReferenceSets {
  countries: Set<string>;
  regionOf: Map<string, string | null>;
  riloOf: Map<string, string | null>;
  locodes: Set<string>;
  airports: Set<string>;
  hsCodes: Set<string>;
  currencies: Set<string>;
  detectionMethods: Set<string>;
  concealmentMethods: Set<string>;
  categories: Map<string, string[]>;
  /** CATEGORY.SUBCATEGORY → allowed units */
  subcategories: Map<string, string[]>;
  /** Country centroids, for maps. */
  centroids: Map<string, [number, number]>;
}

const TTL_MS = 10 * 60_000;
let cached: { at: number; gen: number; value: Promise<ReferenceSets>; complete: boolean } | null = null;

/** Loads (or returns the remembered) sets; reloads after a reference load, or while the gazetteer was still missing. */
export function referenceSets(database: Database): Promise<ReferenceSets> {
  const fresh = cached && cached.gen === referenceGeneration() && cached.complete && Date.now() - cached.at < TTL_MS;
  if (fresh) return cached!.value;
  const entry = { at: Date.now(), gen: referenceGeneration(), complete: true, value: null as unknown as Promise<ReferenceSets> };
  entry.value = loadSets(database).then((sets) => {
    entry.complete = sets.locodes.size > 0;
    return sets;
  });
  entry.value.catch(() => {
    if (cached === entry) cached = null;
  });
  cached = entry;
  return entry.value;
}

async function loadSets(database: Database): Promise<ReferenceSets> {
  const codes = async (table: string) => new Set((await database.rows<{ code: string }>(sql`SELECT code FROM ${sql.raw(table)}`)).map((r) => r.code));
  const countries = await database.rows<{ code: string; region: string | null; rilo: string | null; lat: number | null; lng: number | null }>(
    sql`SELECT code, wco_region AS region, rilo_code AS rilo, lat, lng FROM ref_countries`,
  );
  const cats = await database.rows<{ code: string; units: string[] }>(sql`SELECT code, units FROM ref_commodity_categories`);
  const subs = await database.rows<{ code: string; units: string[] }>(sql`SELECT code, units FROM ref_commodity_subcategories`);
  return {
    countries: new Set(countries.map((c) => c.code)),
    regionOf: new Map(countries.map((c) => [c.code, c.region])),
    riloOf: new Map(countries.map((c) => [c.code, c.rilo])),
    centroids: new Map(countries.filter((c) => c.lat !== null && c.lng !== null).map((c) => [c.code, [Number(c.lng), Number(c.lat)]])),
    locodes: await codes('ref_locodes'),
    airports: await codes('ref_airports'),
    hsCodes: await codes('ref_hs_codes'),
    currencies: await codes('ref_currencies'),
    detectionMethods: await codes('ref_detection_methods'),
    concealmentMethods: await codes('ref_concealment_methods'),
    categories: new Map(cats.map((c) => [c.code, c.units])),
    subcategories: new Map(subs.map((c) => [c.code, c.units])),
  };
}
