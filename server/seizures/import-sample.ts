import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { FIELD_NAMES } from './import-fields.ts';

/**
 * Seizure files in the import layout for tests and benchmarks: plausible rows (two commodity lines
 * and a departure and destination each), with a broken row every `brokenEvery` rows when asked.
 * Deterministic: row i is always the same.
 */
const PROFILES = [
  { country: 'FR', place_locode: 'FRLEH', location_type: 'seaport', transport_mode: 'sea', conveyance_type: 'sea_container', cat: 'DRUGS', sub: 'COCAINE', hs: '293972', unit: 'kg', dep: 'EC', depPlace: 'ECGYE' },
  { country: 'NL', place_locode: 'NLRTM', location_type: 'seaport', transport_mode: 'sea', conveyance_type: 'sea_container', cat: 'DRUGS', sub: 'COCAINE', hs: '293972', unit: 'kg', dep: 'BR', depPlace: 'BRSSZ' },
  { country: 'KE', place_locode: 'KEMBA', location_type: 'seaport', transport_mode: 'sea', conveyance_type: 'sea_container', cat: 'ENVIRONMENT', sub: 'IVORY', hs: '050710', unit: 'kg', dep: 'UG', depPlace: 'UGKLA' },
  { country: 'DE', place_iata: 'FRA', location_type: 'airport', transport_mode: 'air', conveyance_type: 'baggage', cat: 'TOBACCO', sub: 'CIGARETTES', hs: '240220', unit: 'sticks', dep: 'AE', depPlace: 'DXB' },
  { country: 'ES', place_locode: 'ESALG', location_type: 'seaport', transport_mode: 'sea', conveyance_type: 'truck', cat: 'DRUGS', sub: 'CANNABIS_RESIN', hs: '1302', unit: 'kg', dep: 'MA', depPlace: '' },
  { country: 'BR', place_iata: 'GRU', location_type: 'airport', transport_mode: 'air', conveyance_type: 'passenger', cat: 'CASH', sub: 'UNDECLARED_CASH', hs: '', unit: 'pieces', dep: 'BR', depPlace: 'GRU' },
] as const;
const DETECTION = ['RISK_PROFILING', 'XRAY_SCANNER', 'CANINE', 'RANDOM_CHECK', 'INTELLIGENCE'];
const CONCEALMENT = ['CONTAINER_STRUCTURE', 'RIP_ON_RIP_OFF', 'LUGGAGE_FALSE_BOTTOM', 'CARGO_MIXED_LEGITIMATE', 'VEHICLE_BUILT_COMPARTMENT'];
const DESTINATIONS = ['FR', 'NL', 'DE', 'ES', 'IT', 'BE', 'GB', 'CN', 'US'];
const BREAKS: Record<string, string>[] = [
  { country: 'XX' },
  { commodity_1_quantity: '-1' },
  { commodity_1_hs_code: '999999' },
  { commodity_1_unit: 'heads' },
  { seized_at: 'yesterday' },
];

export function sampleRecord(i: number, brokenEvery = 0): Record<string, string> {
  const p = PROFILES[i % PROFILES.length];
  const day = new Date(Date.UTC(2015, 0, 1) + (i % 3650) * 86_400_000).toISOString().slice(0, 10);
  const r: Record<string, string> = {
    external_ref: `S-${i.toString().padStart(8, '0')}`,
    seized_at: `${day} ${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
    country: p.country,
    place_locode: 'place_locode' in p ? p.place_locode : '',
    place_iata: 'place_iata' in p ? p.place_iata : '',
    location_type: p.location_type,
    direction: 'import',
    detection_methods: `${DETECTION[i % 5]}|${DETECTION[(i + 2) % 5]}`,
    concealment_methods: CONCEALMENT[i % 5],
    transport_mode: p.transport_mode,
    conveyance_type: p.conveyance_type,
    departure_country: p.dep,
    departure_place: p.depPlace,
    destination_country: DESTINATIONS[i % DESTINATIONS.length],
    commodity_1_category: p.cat,
    commodity_1_subcategory: p.sub,
    commodity_1_hs_code: p.hs,
    commodity_1_description: `Consignment ${i % 977} found during a ${p.location_type} control`,
    commodity_1_quantity: String(1 + (i % 500) / 4),
    commodity_1_unit: p.unit,
    commodity_1_value: String(1000 + (i % 9000)),
    commodity_1_currency: 'EUR',
    commodity_2_category: 'CASH',
    commodity_2_subcategory: 'UNDECLARED_CASH',
    commodity_2_quantity: String(1 + (i % 40)),
    commodity_2_unit: 'pieces',
    offenders: `${p.dep}:male:26_35:${1 + (i % 3)}`,
    narrative: `Selected by ${DETECTION[i % 5].toLowerCase().replace('_', ' ')}; goods hidden in the load, seizure number ${i}.`,
  };
  if (brokenEvery && i % brokenEvery === brokenEvery - 1) Object.assign(r, BREAKS[Math.floor(i / brokenEvery) % BREAKS.length]);
  return r;
}

const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
export const sampleHeader = () => FIELD_NAMES.join(',') + '\n';
export const sampleLine = (i: number, brokenEvery = 0) => {
  const r = sampleRecord(i, brokenEvery);
  return FIELD_NAMES.map((f) => quote(r[f] ?? '')).join(',') + '\n';
};
/** Rows broken by sampleRecord among the first n. */
export const brokenCount = (n: number, brokenEvery: number) => (brokenEvery ? Math.floor(n / brokenEvery) : 0);

/** Writes n rows (from `from`) to a CSV file, streaming; returns its size in bytes. */
export async function writeSampleCsv(path: string, n: number, opts: { brokenEvery?: number; from?: number } = {}): Promise<number> {
  const out = createWriteStream(path);
  let size = 0;
  const write = async (s: string) => {
    size += Buffer.byteLength(s);
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(sampleHeader());
  const from = opts.from ?? 0;
  let chunk = '';
  for (let i = from; i < from + n; i++) {
    chunk += sampleLine(i, opts.brokenEvery);
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  if (chunk) await write(chunk);
  out.end();
  await once(out, 'finish');
  return size;
}
