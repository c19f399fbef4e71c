import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../platform/db/database.ts';
import { rngOf, type Rng } from '../platform/seeded-random.ts';
import { bulkInsert, type BulkRow } from './bulk-insert.ts';
import { containerCheckDigit } from './identifiers/container.ts';
import { imoShipCheckDigit } from './identifiers/imo.ts';
import { foldKey, normaliseKey } from './identifiers/index.ts';
import { vinCheckDigit } from './identifiers/vin.ts';
import type { RecordKey } from './keys.ts';
import { LIST_DEFS, type KeyKind, type ListName } from './lists.ts';

/**
 * Realistic synthetic watch lists of any size, for the demo and the benchmarks. Rows go through the
 * same bulkInsert as CSV imports (one unnest per batch) and their keys are built with the same
 * normalise and fold rules as recorded ones, so search finds generated rows exactly as it finds
 * recorded ones. The same seed gives the same identifiers; record ids are always new, so that a
 * second generation into the same database adds to it.
 */
export interface GenerateOptions {
  recordingOrgId: string;
  createdBy: string | null;
  travelDocuments: number;
  vehicles: number;
  firearms: number;
  containers?: number;
  vessels?: number;
  seed?: number;
}

export interface GenerateResult {
  counts: Record<ListName, number>;
  /** Identifiers of generated records spread over each list (up to 1,000 per list), for tests and benchmarks. */
  samples: Partial<Record<ListName, string[]>>;
}

const BATCH = 20_000;
const SAMPLES = 1_000;
const DAY = 86_400_000;


/**
 * Record ids in creation order (the UUIDv7 layout: 48 bits of milliseconds, version 7, then a counter
 * and random bits fixed per run). Consecutive ids land at the end of the primary-key index, so that
 * millions of rows are appended to it instead of scattered over it; a later run starts from a later
 * millisecond and its own random bits, so ids stay new across runs.
 */
function orderedIds(): () => string {
  const ms = Date.now().toString(16).padStart(12, '0');
  const tail = randomBytes(5).toString('hex');
  const hex = (v: number, width: number) => v.toString(16).padStart(width, '0');
  let n = 0;
  // A 32-bit counter spread over the 12 bits after the version, the 14 after the variant and 6 more;
  // then 40 random bits. Up to 2^32 ids per run, each greater than the one before.
  return () => {
    const c = n++;
    return `${ms.slice(0, 8)}-${ms.slice(8)}-7${hex((c >>> 20) & 0xfff, 3)}-${hex(0x8000 | ((c >>> 6) & 0x3fff), 4)}-${hex(c & 0x3f, 2)}${tail}`;
  };
}

const int = (r: Rng, n: number) => Math.floor(r() * n);
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[int(r, xs.length)];

/** Picks from [value, weight] pairs. */
function weighted<T>(entries: readonly (readonly [T, number])[]): (r: Rng) => T {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  return (r) => {
    let x = r() * total;
    for (const [v, w] of entries) if ((x -= w) < 0) return v;
    return entries[entries.length - 1][0];
  };
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
const ALNUM = LETTERS + DIGITS;
/** ISO 3779 leaves I, O and Q out of VINs. */
const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';

/** Fills a pattern: L a letter, D a digit, A a letter or digit, V a VIN character; anything else is kept. */
function fill(r: Rng, pattern: string): string {
  let out = '';
  for (const c of pattern) {
    if (c === 'L') out += LETTERS[int(r, 26)];
    else if (c === 'D') out += DIGITS[int(r, 10)];
    else if (c === 'A') out += ALNUM[int(r, 36)];
    else if (c === 'V') out += VIN_CHARS[int(r, VIN_CHARS.length)];
    else out += c;
  }
  return out;
}

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

// Document number formats as issuing states print them (passports; identity cards share them here),
// weighted roughly by how often each country reports to stolen-and-lost lists.
const DOCUMENT_FORMATS: readonly (readonly [string, string, number])[] = [
  ['FR', 'DDLLDDDDD', 12],
  ['DE', 'CAAAAAAAA', 10],
  ['GB', 'DDDDDDDDD', 10],
  ['US', 'DDDDDDDDD', 9],
  ['IT', 'LLDDDDDDD', 7],
  ['ES', 'LLLDDDDDD', 6],
  ['NL', 'LLAAAAAAD', 4],
  ['BE', 'LLDDDDDD', 3],
  ['CH', 'LDDDDDDD', 3],
  ['PL', 'LLDDDDDDD', 4],
  ['RU', 'DDDDDDDDD', 6],
  ['CN', 'EDDDDDDDD', 5],
  ['IN', 'LDDDDDDD', 4],
  ['BR', 'LLDDDDDD', 3],
  ['NG', 'BDDDDDDDD', 3],
  ['TR', 'UDDDDDDDD', 3],
  ['JP', 'LLDDDDDDD', 2],
  ['AU', 'LDDDDDDD', 2],
  ['CA', 'LLDDDDDD', 2],
  ['MA', 'LLDDDDDDD', 2],
];
const documentFormat = weighted(DOCUMENT_FORMATS.map(([c, f, w]) => [[c, f] as const, w] as const));
const docType = weighted([['passport', 60], ['identity_card', 30], ['residence_permit', 5], ['visa', 4], ['other', 1]] as const);
const docStatus = weighted([['stolen', 45], ['lost', 45], ['stolen_blank', 5], ['revoked', 5]] as const);

// Real world manufacturer identifiers with the make and some models they build.
const WMIS: readonly (readonly [string, string, readonly string[]])[] = [
  ['WVW', 'Volkswagen', ['Golf', 'Polo', 'Passat', 'Tiguan']],
  ['WBA', 'BMW', ['320d', 'X5', '520d', 'X3']],
  ['WDD', 'Mercedes-Benz', ['C 220', 'E 300', 'GLC', 'A 180']],
  ['WAU', 'Audi', ['A4', 'A6', 'Q5', 'Q7']],
  ['VF1', 'Renault', ['Clio', 'Megane', 'Captur']],
  ['VF3', 'Peugeot', ['208', '308', '3008']],
  ['ZFA', 'Fiat', ['500', 'Panda', 'Tipo']],
  ['TMB', 'Skoda', ['Octavia', 'Fabia', 'Superb']],
  ['YV1', 'Volvo', ['XC60', 'XC90', 'V60']],
  ['SAL', 'Land Rover', ['Range Rover', 'Discovery', 'Defender']],
  ['JTD', 'Toyota', ['Yaris', 'Corolla', 'RAV4']],
  ['JHM', 'Honda', ['Civic', 'Jazz', 'CR-V']],
  ['KMH', 'Hyundai', ['i30', 'Tucson', 'Elantra']],
  ['1G1', 'Chevrolet', ['Malibu', 'Camaro', 'Cruze']],
  ['1FA', 'Ford', ['Mustang', 'Fusion', 'Focus']],
  ['2T1', 'Toyota', ['Corolla', 'Matrix']],
  ['3VW', 'Volkswagen', ['Jetta', 'Beetle']],
  ['5YJ', 'Tesla', ['Model 3', 'Model Y', 'Model S']],
];
const COLOURS = weighted([['white', 25], ['black', 20], ['grey', 18], ['silver', 12], ['blue', 9], ['red', 8], ['green', 3], ['brown', 3], ['yellow', 2]] as const);
const PLATES = weighted<readonly [string, string]>([
  [['FR', 'LL-DDD-LL'], 3],
  [['DE', 'LL-LL DDDD'], 3],
  [['IT', 'LLDDDLL'], 2],
  [['ES', 'DDDD LLL'], 2],
  [['GB', 'LLDD LLL'], 2],
  [['NL', 'DD-LLL-D'], 1],
  [['PL', 'LL DDDDD'], 1],
]);
const vehicleStatus = weighted([['stolen', 85], ['misappropriated', 10], ['wanted', 5]] as const);
const MODEL_YEAR_CODES = 'ABCDEFGHJKLMNPRSTVWXY123456789';

// Serial formats seen on firearms; each make keeps to one, as manufacturers do.
const SERIAL_FORMATS = ['LLLDDD', 'LLDDDDDD', 'DDDDDDD', 'LDDDDDDD', 'LLLDDDDL', 'DDDLLDDDD', 'DDLDDDDD'];
const firearmStatus = weighted([['stolen', 60], ['lost', 25], ['trafficked', 10], ['smuggled', 5]] as const);

// BIC owner codes of real carriers and lessors (the fourth letter, U, is the category).
const OWNER_CODES = ['MSC', 'MAE', 'MRK', 'CMA', 'CSQ', 'HLX', 'OOL', 'EGH', 'EIS', 'CBH', 'CCL', 'ONE', 'YML', 'ZIM', 'APZ', 'TGH', 'TCN', 'TRL', 'SEG', 'HAS', 'FSC', 'GES', 'TEM', 'CAI', 'BMO', 'FCI'];
const CONTAINER_REASONS = ['cocaine concealment', 'cigarette smuggling', 'counterfeit goods', 'undeclared waste', 'false declaration of origin', 'weapons concealment'];
const VESSEL_WORDS = ['Ocean', 'Star', 'Pacific', 'Atlantic', 'Express', 'Glory', 'Pioneer', 'Spirit', 'Horizon', 'Trader', 'Fortune', 'Eagle', 'Breeze', 'Venture'];
const FLAGS = weighted([['PA', 16], ['LR', 14], ['MH', 12], ['HK', 8], ['SG', 7], ['MT', 6], ['BS', 5], ['GR', 4], ['CN', 4], ['CY', 3], ['TG', 2], ['KM', 2]] as const);
const VESSEL_REASONS = ['ship-to-ship transfer of sanctioned oil', 'AIS switched off repeatedly', 'drug seizure on board', 'flag hopping', 'fuel smuggling'];

interface FirearmModel {
  make: string;
  name: string;
  firearmType: string;
  calibre: string | null;
}

/** Keys as recordKeys stores them (raw trimmed, the kind's normal form, its OCR fold; one per normal form). */
function keysOf(kind: KeyKind, raws: readonly string[], into: RecordKey[] = []): RecordKey[] {
  for (const raw of raws) {
    const norm = normaliseKey(kind, raw);
    if (norm && !into.some((k) => k.kind === kind && k.norm === norm)) into.push({ kind, raw: raw.trim(), norm, folded: foldKey(norm) });
  }
  return into;
}

function travelDocument(r: Rng, now: number, id: string): BulkRow {
  const [country, format] = documentFormat(r);
  const number = fill(r, format);
  const type = docType(r);
  const status = docStatus(r);
  // Stolen or lost within the last eight years, so every record is still before its review date.
  const stolen = now - int(r, 8 * 365) * DAY;
  // A blank was never issued: no issue or expiry date.
  const issued = status === 'stolen_blank' ? null : stolen - (30 + int(r, 9 * 365)) * DAY;
  const years = type === 'visa' ? 1 : type === 'residence_permit' ? 5 : 10;
  return {
    id,
    values: {
      number,
      docType: type,
      issuingCountry: country,
      status,
      issuedOn: issued === null ? null : isoDate(issued),
      expiresOn: issued === null ? null : isoDate(issued + years * 365.25 * DAY),
      stolenOn: isoDate(stolen),
      nationalReference: `${country}-${isoDate(stolen).slice(0, 4)}-${fill(r, 'DDDDDD')}`,
    },
    keys: keysOf('document_number', [number]),
    reviewOn: isoDate(stolen + 3652 * DAY),
  };
}

function vehicle(r: Rng, now: number, id: string): BulkRow {
  const [wmi, make, models] = pick(r, WMIS);
  const year = 2005 + int(r, 20);
  const yearCode = MODEL_YEAR_CODES[(year - 1980) % 30];
  // Position 9 (weight 0) is computed over the rest and then written in.
  const draft = `${wmi}${fill(r, 'VVVVV')}0${yearCode}${fill(r, 'V')}${fill(r, 'DDDDDD')}`;
  const vin = `${draft.slice(0, 8)}${vinCheckDigit(draft)}${draft.slice(9)}`;
  const plate = r() < 0.7 ? PLATES(r) : null;
  const plateNumber = plate ? fill(r, plate[1]) : null;
  const stolen = now - int(r, 5 * 365) * DAY;
  return {
    id,
    values: { vin, make, model: pick(r, models), year, colour: COLOURS(r), plateNumber, plateCountry: plate?.[0] ?? null, status: vehicleStatus(r), nationalReference: `VEH-${fill(r, 'DDDDDDD')}` },
    keys: keysOf('document_number', plateNumber ? [plateNumber] : [], keysOf('vin', [vin])),
    reviewOn: isoDate(stolen + 3652 * DAY),
  };
}

function firearm(r: Rng, now: number, models: readonly FirearmModel[], makes: readonly string[], id: string): BulkRow {
  const m = pick(r, models);
  const format = SERIAL_FORMATS[makes.indexOf(m.make) % SERIAL_FORMATS.length];
  // Some pistols carry a different number on slide or barrel.
  const serials = r() < 0.1 ? [fill(r, format), fill(r, format)] : [fill(r, format)];
  const lost = now - int(r, 8 * 365) * DAY;
  return {
    id,
    values: { serialNumbers: serials, make: m.make, model: m.name, calibre: m.calibre, firearmType: m.firearmType, status: firearmStatus(r), nationalReference: `FA-${fill(r, 'DDDDDDD')}` },
    keys: keysOf('firearm_serial', serials),
    reviewOn: isoDate(lost + 3652 * DAY),
  };
}

function container(r: Rng, id: string): BulkRow {
  const first10 = `${pick(r, OWNER_CODES)}U${fill(r, 'DDDDDD')}`;
  const number = `${first10}${containerCheckDigit(first10)}`;
  return { id, values: { number, reason: `${pick(r, CONTAINER_REASONS)} ${2019 + int(r, 6)}`, nationalReference: `CT-${fill(r, 'DDDDDD')}` }, keys: keysOf('container', [number]) };
}

function vessel(r: Rng, id: string): BulkRow {
  const six = `${pick(r, ['7', '8', '9', '9', '9'])}${fill(r, 'DDDDD')}`;
  const imo = `IMO ${six}${imoShipCheckDigit(six)}`;
  return {
    id,
    values: { imo, name: `${pick(r, VESSEL_WORDS)} ${pick(r, VESSEL_WORDS)}`.toUpperCase(), flag: FLAGS(r), reason: pick(r, VESSEL_REASONS), nationalReference: `VS-${fill(r, 'DDDDD')}` },
    keys: keysOf('imo', [imo]),
  };
}

/** Models from the firearms reference table, so that records carry its canonical names. */
async function firearmModels(database: Database): Promise<FirearmModel[]> {
  const rows = await database.rows<FirearmModel>(
    sql`SELECT make, name, firearm_type AS "firearmType", calibre FROM screening_firearm_reference WHERE kind = 'model' AND make IS NOT NULL ORDER BY make, name`,
  );
  return rows.map((m) => ({ ...m, firearmType: m.firearmType ?? 'other' }));
}

export async function generateWatchLists(database: Database, options: GenerateOptions, log: (message: string) => void = () => undefined): Promise<GenerateResult> {
  const seed = options.seed ?? 1;
  // A fixed "today" per run would change the lists from day to day; dates follow the clock, identifiers the seed.
  const now = Date.now();
  const nextId = orderedIds();
  const models = await firearmModels(database);
  if (options.firearms > 0 && !models.length) throw new Error('The firearms reference table is empty: load the migrations first.');
  const makes = [...new Set(models.map((m) => m.make))];
  const plan: [ListName, number, (r: Rng) => BulkRow][] = [
    ['travel_documents', options.travelDocuments, (r) => travelDocument(r, now, nextId())],
    ['vehicles', options.vehicles, (r) => vehicle(r, now, nextId())],
    ['firearms', options.firearms, (r) => firearm(r, now, models, makes, nextId())],
    ['containers', options.containers ?? 0, (r) => container(r, nextId())],
    ['vessels', options.vessels ?? 0, (r) => vessel(r, nextId())],
  ];
  const counts = { travel_documents: 0, vehicles: 0, firearms: 0, art: 0, containers: 0, vessels: 0 } satisfies Record<ListName, number>;
  const samples: GenerateResult['samples'] = {};
  for (const [index, [list, count, make]] of plan.entries()) {
    if (count <= 0) continue;
    // One stream per list: changing the size of one list leaves the others as they were.
    const r = rngOf(seed * 31 + index);
    const every = Math.max(1, Math.floor(count / SAMPLES));
    const keyField = LIST_DEFS[list].keys[0].field;
    const listSamples: string[] = (samples[list] = []);
    const started = performance.now();
    // The next batch is generated while the database stores the previous one (one batch in flight):
    // on PostgreSQL, generating and storing then take a core each instead of taking turns.
    let inFlight: Promise<void> | null = null;
    for (let done = 0; done < count; ) {
      const rows: BulkRow[] = [];
      for (let n = Math.min(BATCH, count - done); n > 0; n--, done++) {
        const row = make(r);
        if (done % every === 0 && listSamples.length < SAMPLES) {
          const v = row.values[keyField];
          listSamples.push(Array.isArray(v) ? (v[0] as string) : (v as string));
        }
        rows.push(row);
      }
      await inFlight;
      const stored = done;
      inFlight = bulkInsert(database.db, list, options.recordingOrgId, options.createdBy, rows).then(() => {
        counts[list] = stored;
        if (stored % 1_000_000 < BATCH || stored === count) log(`${list}: ${stored.toLocaleString('en')} of ${count.toLocaleString('en')} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
      });
      // A failed store surfaces at the next await; mark it handled until then so that it is not reported twice.
      inFlight.catch(() => undefined);
    }
    await inFlight;
  }
  return { counts, samples };
}
