import pg from 'pg';
import { sql } from 'drizzle-orm';
import { prepareDatabase } from '../server/database-setup.ts';
import { createAuditLog, createOrganisation, createUser } from '../server/identity/index.ts';
import { openDatabase, type Database } from '../server/platform/db/database.ts';
import { migrate } from '../server/platform/db/migrate.ts';
import { arrayLiteral } from '../server/platform/db/pg-array.ts';
import { createSealer } from '../server/platform/crypto/sealer.ts';
import { rngOf, type Rng } from '../server/platform/seeded-random.ts';
import { clearKeysOf, createBlindIndex, createEntitySearch, loadIndexSecret, sealEntity } from '../server/national/testing.ts';

/**
 * nCEN search budget (issue 13): name search p95 < 50 ms at 1,000,000 persons and 200,000 companies on
 * PostgreSQL. Entities are sealed and keyed by the product's own functions and loaded in bulk; the searches
 * go through the search service (blind-key join, opening, name scoring, audit record) as the route does.
 */
const SYLLABLES = ['ka', 'ri', 'mo', 'na', 'le', 'to', 'sa', 'vi', 'do', 'ra', 'mi', 'ko', 'ba', 'lu', 'ne', 'zo', 'pe', 'ta', 'ga', 'si', 'ro', 'fa', 'hu', 'de'];
const FORMS = ['SARL', 'SAS', 'Ltd', 'LLC', 'GmbH', 'JSC'];
const TRADES = ['Trading', 'Logistics', 'Freight', 'Import Export', 'Shipping'];
const word = (rng: Rng, n: number) => {
  let w = '';
  for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(rng() * SYLLABLES.length)];
  return w[0]!.toUpperCase() + w.slice(1);
};
/** Vocabularies of given names and surnames, picked with a long tail: a few are common, most are rare. */
function vocabulary(rng: Rng, size: number, syllables: number) {
  const set = new Set<string>();
  while (set.size < size) set.add(word(rng, syllables + Math.floor(rng() * 2)));
  return [...set];
}
const tail = <T>(rng: Rng, xs: readonly T[]) => xs[Math.floor(xs.length * rng() ** 1.5)]!;

const percentile = (xs: number[], p: number) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

async function load(database: Database, orgId: string, userId: string, persons: number, companies: number, sealer: ReturnType<typeof createSealer>) {
  const index = createBlindIndex(await loadIndexSecret(database, sealer));
  const rng = rngOf(7);
  const given = vocabulary(rng, 3_000, 2);
  const family = vocabulary(rng, 60_000, 3);
  const names: string[] = [];
  const started = performance.now();
  await database.exec('ALTER TABLE national_blind_keys DROP CONSTRAINT national_blind_keys_pkey; DROP INDEX national_blind_keys_entity');
  const BATCH = 5_000;
  for (let done = 0; done < persons + companies; done += BATCH) {
    const e = { id: [] as string[], kind: [] as string[], key: [] as string[], data: [] as string[] };
    const k = { id: [] as string[], kind: [] as string[], value: [] as string[] };
    for (let i = done; i < Math.min(done + BATCH, persons + companies); i++) {
      const person = i < persons;
      const name = person ? `${tail(rng, given)} ${tail(rng, family)}` : `${tail(rng, family)} ${TRADES[i % TRADES.length]} ${FORMS[i % FORMS.length]}`;
      if (i % 997 === 0) names.push(name);
      const fields = person ? { names: [name], birthDate: `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 9}` } : { names: [name], registrationNumber: String(100000000 + i) };
      const id = crypto.randomUUID();
      const sealed = sealEntity(sealer, fields);
      e.id.push(id);
      e.kind.push(person ? 'person' : 'company');
      e.key.push(sealed.sealedKey);
      e.data.push(sealed.sealedData);
      for (const c of clearKeysOf(person ? 'person' : 'company', fields)) {
        k.id.push(id);
        k.kind.push(c.kind);
        k.value.push(index.key(c.kind, c.clear).toString('hex'));
      }
    }
    // Arrays as parameters: four parameters per statement, however many rows.
    await database.db.execute(sql`INSERT INTO national_entities (id, kind, org_id, sealed_key, sealed_data, review_at, created_by)
      SELECT id, kind, ${orgId}::uuid, k, d, current_date + 1825, ${userId}::uuid
      FROM unnest(${arrayLiteral(e.id)}::uuid[], ${arrayLiteral(e.kind)}::text[], ${arrayLiteral(e.key)}::text[], ${arrayLiteral(e.data)}::text[]) AS t(id, kind, k, d)`);
    await database.db.execute(sql`INSERT INTO national_blind_keys (entity_id, key_kind, value)
      SELECT id, kind, decode(v, 'hex') FROM unnest(${arrayLiteral(k.id)}::uuid[], ${arrayLiteral(k.kind)}::text[], ${arrayLiteral(k.value)}::text[]) AS t(id, kind, v)`);
    if ((done / BATCH) % 40 === 0) console.log(`    ${(done + BATCH).toLocaleString('en')} entities`);
  }
  const loadMs = performance.now() - started;
  await database.exec(`SET maintenance_work_mem = '512MB'`);
  await database.exec('ALTER TABLE national_blind_keys ADD PRIMARY KEY (key_kind, value, entity_id); CREATE INDEX national_blind_keys_entity ON national_blind_keys (entity_id)');
  await database.exec('VACUUM (ANALYZE) national_entities, national_blind_keys');
  const [{ n }] = await database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM national_blind_keys`);
  return { index, names, loadMs, indexMs: performance.now() - started - loadMs, keys: n };
}

/** The names `load` picks for the searches, replayed from the same seed without sealing anything. */
function replayNames(persons: number, companies: number): string[] {
  const rng = rngOf(7);
  const given = vocabulary(rng, 3_000, 2);
  const family = vocabulary(rng, 60_000, 3);
  const names: string[] = [];
  for (let i = 0; i < persons + companies; i++) {
    const person = i < persons;
    const name = person ? `${tail(rng, given)} ${tail(rng, family)}` : `${tail(rng, family)} ${TRADES[i % TRADES.length]} ${FORMS[i % FORMS.length]}`;
    if (i % 997 === 0) names.push(name);
  }
  return names;
}

/** One letter changed, or the words swapped: what an officer types from a poor copy. */
function variant(rng: Rng, name: string): string {
  const words = name.split(' ');
  if (rng() < 0.5 && words.length === 2) return `${words[1]} ${words[0]}`;
  const w = words[words.length - 1]!;
  const at = 1 + Math.floor(rng() * (w.length - 2));
  words[words.length - 1] = w.slice(0, at) + (w[at] === 'a' ? 'e' : 'a') + w.slice(at + 1);
  return words.join(' ');
}

export async function benchEntities() {
  const persons = Number(process.env.OPENCEN_BENCH_PERSONS ?? 1_000_000);
  const companies = Number(process.env.OPENCEN_BENCH_COMPANIES ?? 200_000);
  const pgUrl = process.env.OPENCEN_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: pgUrl });
  if (!(await admin.connect().then(() => true, () => false))) {
    console.log(`\n[entities] skipped: cannot connect to ${pgUrl} (set OPENCEN_BENCH_PG_URL)`);
    return;
  }
  console.log(`\n[entities, PostgreSQL] ${persons.toLocaleString('en')} persons, ${companies.toLocaleString('en')} companies`);
  const u = new URL(pgUrl);
  u.pathname = '/opencen_bench_entities';
  const keep = process.env.OPENCEN_BENCH_KEEP === '1';
  const kept = keep && (await admin.query(`SELECT 1 FROM pg_database WHERE datname = 'opencen_bench_entities'`)).rowCount === 1;
  if (!kept) {
    await admin.query('DROP DATABASE IF EXISTS opencen_bench_entities WITH (FORCE)');
    await admin.query('CREATE DATABASE opencen_bench_entities');
  }
  const database = await openDatabase({ databaseUrl: u.toString() });
  try {
    await prepareDatabase(database);
    await migrate(database, () => undefined, 'national');
    const audit = createAuditLog(database);
    const sealer = createSealer(Buffer.alloc(32, 7), 'bench');
    const deps = { database, audit, countryExists: async () => true };
    // A kept database of the same size is measured again without loading (its names are replayed from the seed).
    const [held] = kept ? await database.rows<{ n: number; org: string | null; creator: string | null }>(sql`SELECT count(*)::int AS n, min(org_id::text) AS org, min(created_by::text) AS creator FROM national_entities`) : [];
    let index, names: string[], orgId: string, userId: string;
    if (held && held.n === persons + companies && held.org && held.creator) {
      ({ index, names } = { index: createBlindIndex(await loadIndexSecret(database, sealer)), names: replayNames(persons, companies) });
      orgId = held.org;
      userId = held.creator;
      console.log('  kept database reused (OPENCEN_BENCH_KEEP=1)');
    } else {
      const org = await createOrganisation(deps, null, { name: 'Benchmark customs', shortName: 'BENCH', kind: 'customs', country: 'FR', region: null });
      const user = await createUser(deps, null, { username: 'bench.ncen', displayName: 'Bench', email: 'bench@example.org', orgId: org.id, roles: ['nominal_read'], system: true });
      orgId = org.id;
      userId = user.id;
      const loaded = await load(database, orgId, userId, persons, companies, sealer);
      ({ index, names } = loaded);
      console.log(`  load ${(loaded.loadMs / 1000).toFixed(1)} s, indexes ${(loaded.indexMs / 1000).toFixed(1)} s, ${loaded.keys.toLocaleString('en')} blind keys`);
    }
    const search = createEntitySearch({ database, audit, sealer, index });
    const actor = { userId, orgId, roles: ['nominal_read' as const], via: 'token' as const, secondFactorPending: false };
    const rng = rngOf(11);
    for (const [label, pick] of [
      ['exact name', (n: string) => n],
      ['variant (typo or word order)', (n: string) => variant(rng, n)],
      ['surname alone', (n: string) => n.split(' ').slice(-1)[0]!],
    ] as const) {
      const times: number[] = [];
      let found = 0;
      for (let i = 0; i < 300; i++) {
        const name = names[Math.floor(rng() * names.length)]!;
        const t0 = performance.now();
        const res = await search.search(actor, { q: pick(name), purpose: 'benchmark' });
        times.push(performance.now() - t0);
        if (res.entities.length) found++;
      }
      console.log(`  ${label.padEnd(30)} p50 ${percentile(times, 0.5).toFixed(1)} ms, p95 ${percentile(times, 0.95).toFixed(1)} ms (budget < 50 ms), found ${found}/300`);
    }
  } finally {
    await database.close();
    // OPENCEN_BENCH_KEEP=1 leaves the database for a closer look (EXPLAIN) and the next run.
    if (!keep) await admin.query('DROP DATABASE IF EXISTS opencen_bench_entities WITH (FORCE)');
    await admin.end();
  }
}
