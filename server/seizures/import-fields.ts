import type { FieldError } from '../platform/http/problem.ts';
import type { ReferenceSets } from '../reference/index.ts';
import { CONVEYANCE_TYPES, DIRECTIONS, LOCATION_TYPES, TRANSPORT_MODES, UNITS, type Seizure } from './schema.ts';

/**
 * The flat layout of a seizure file: one row per seizure, one column per field, up to five commodity
 * lines side by side. Imports read it, exports write it, the templates show it; an export therefore
 * imports again as it is.
 */
export const MAX_FILE_LINES = 5;
const LINE_PARTS = ['category', 'subcategory', 'hs_code', 'description', 'quantity', 'unit', 'value', 'currency', 'cites_species'] as const;
type LinePart = (typeof LINE_PARTS)[number];
const LINE_KEYS: Record<LinePart, string> = {
  category: 'category',
  subcategory: 'subcategory',
  hs_code: 'hsCode',
  description: 'description',
  quantity: 'quantity',
  unit: 'unit',
  value: 'value',
  currency: 'currency',
  cites_species: 'citesSpecies',
};

export interface ImportField {
  name: string;
  required: boolean;
  description: string;
  /** A closed list (or the reference codes) the cell must hold, when there is one. */
  values?: readonly string[];
}

const lineField = (n: number, part: LinePart): ImportField => {
  const first = n === 1;
  const d: Record<LinePart, string> = {
    category: `Commodity line ${n}: category code of the commodity taxonomy (e.g. DRUGS, TOBACCO, ENVIRONMENT); may be left out when the subcategory is given${first ? '' : '; fill it or the subcategory to add the line'}`,
    subcategory: `Commodity line ${n}: subcategory, CATEGORY.SUBCATEGORY or the subcategory code alone (e.g. COCAINE)`,
    hs_code: `Commodity line ${n}: HS 2022 chapter, heading or subheading (2, 4 or 6 digits; dots and spaces ignored)`,
    description: `Commodity line ${n}: free-text description (no personal data)`,
    quantity: `Commodity line ${n}: quantity, greater than zero (decimal point or comma)`,
    unit: `Commodity line ${n}: unit, one that fits the commodity`,
    value: `Commodity line ${n}: estimated value (needs a currency)`,
    currency: `Commodity line ${n}: ISO 4217 currency code (e.g. EUR, USD)`,
    cites_species: `Commodity line ${n}: CITES species, where relevant (e.g. Loxodonta africana)`,
  };
  // The category of line 1 is needed, but the subcategory implies it: the mapping needs one of the two (checkMapping).
  const required = first && (part === 'quantity' || part === 'unit');
  return { name: `commodity_${n}_${part}`, required, description: d[part], ...(part === 'unit' ? { values: UNITS } : {}) };
};

export const IMPORT_FIELDS: ImportField[] = [
  { name: 'external_ref', required: true, description: 'Your own reference of the seizure; importing the same reference again adds nothing' },
  { name: 'seized_at', required: true, description: 'Date or date and time (UTC): YYYY-MM-DD, YYYY-MM-DD HH:MM, DD/MM/YYYY [HH:MM], ISO 8601, or an Excel date' },
  { name: 'country', required: true, description: 'Country of the seizure, ISO 3166 alpha-2 (e.g. FR)' },
  { name: 'place_locode', required: false, description: 'Place of the seizure as a UN/LOCODE (e.g. FRLEH), in the seizure country' },
  { name: 'place_iata', required: false, description: 'Airport of the seizure as an IATA code (e.g. CDG)' },
  { name: 'place_text', required: false, description: 'Place of the seizure in words, when it has no code' },
  { name: 'lat', required: false, description: 'Latitude in decimal degrees (with lng)' },
  { name: 'lng', required: false, description: 'Longitude in decimal degrees (with lat)' },
  { name: 'location_type', required: true, description: 'Type of location', values: LOCATION_TYPES },
  { name: 'direction', required: true, description: 'Direction of the goods', values: DIRECTIONS },
  { name: 'detection_methods', required: false, description: 'Detection method codes, separated by | or ;' },
  { name: 'concealment_methods', required: false, description: 'Concealment method codes, separated by | or ;' },
  { name: 'concealment_detail', required: false, description: 'How the goods were hidden, in words (no personal data)' },
  { name: 'transport_mode', required: false, description: 'Means of transport', values: TRANSPORT_MODES },
  { name: 'conveyance_type', required: false, description: 'Conveyance type', values: CONVEYANCE_TYPES },
  { name: 'departure_country', required: false, description: 'Country of departure, ISO 3166 alpha-2 (taken from departure_place when that is a UN/LOCODE)' },
  { name: 'departure_place', required: false, description: 'Place of departure: UN/LOCODE, IATA airport code or words' },
  { name: 'transit_countries', required: false, description: 'Transit countries in route order, ISO 3166 alpha-2, separated by |' },
  { name: 'destination_country', required: false, description: 'Country of destination, ISO 3166 alpha-2 (taken from destination_place when that is a UN/LOCODE)' },
  { name: 'destination_place', required: false, description: 'Place of destination: UN/LOCODE, IATA airport code or words' },
  ...Array.from({ length: MAX_FILE_LINES }, (_, i) => LINE_PARTS.map((p) => lineField(i + 1, p))).flat(),
  {
    name: 'offenders',
    required: false,
    description:
      'Offender counts as NATIONALITY:GENDER:AGE_BAND:COUNT separated by | (e.g. NG:male:26_35:2|FR:female:18_25:1); nationality may be empty; gender male, female or unknown; age band under_18, 18_25, 26_35, 36_45, 46_55, 56_plus or unknown',
  },
  { name: 'narrative', required: false, description: 'What happened, in words (no names, phone numbers, e-mail addresses or document numbers)' },
];
export const FIELD_NAMES = IMPORT_FIELDS.map((f) => f.name);
export const REQUIRED_FIELDS = IMPORT_FIELDS.filter((f) => f.required).map((f) => f.name);
/** Fields a mapping needs one of at least: the category of line 1, or its subcategory that implies it. */
export const REQUIRED_ONE_OF: readonly (readonly string[])[] = [['commodity_1_category', 'commodity_1_subcategory']];

/** Subcategory codes alone (COCAINE) by their category, where only one category has the code; per reference set. */
const categoryByBareSubcategory = new WeakMap<ReferenceSets, Map<string, string | null>>();

/**
 * The category a subcategory implies: DRUGS for DRUGS.COCAINE, and for a subcategory code alone (COCAINE)
 * the one category of the taxonomy that has it; null when it implies none (unknown or ambiguous).
 */
export function categoryOfSubcategory(subcategory: string, ref: ReferenceSets): string | null {
  const sub = subcategory.trim().toUpperCase();
  if (!sub) return null;
  const dot = sub.indexOf('.');
  if (dot > 0) return sub.slice(0, dot);
  let index = categoryByBareSubcategory.get(ref);
  if (!index) {
    index = new Map();
    for (const key of ref.subcategories.keys()) {
      const [category, code] = [key.slice(0, key.indexOf('.')), key.slice(key.indexOf('.') + 1)];
      index.set(code, index.has(code) && index.get(code) !== category ? null : category);
    }
    categoryByBareSubcategory.set(ref, index);
  }
  return index.get(sub) ?? null;
}
const FIELD_INDEX = new Map(FIELD_NAMES.map((n, i) => [n, i]));
const F = (name: string) => FIELD_INDEX.get(name)!;

/** Columns an export adds after the template's: what the database assigned. An import ignores them. */
export const EXPORT_EXTRA_COLUMNS = ['reference', 'status', 'provenance', 'organisation', 'region', 'rilo', 'created_at', 'updated_at'];

// ---------------------------------------------------------------------------------------------
// Suggesting a mapping from the file's header names

/** Lower case, accents off, anything but letters and digits to one underscore: "Date de saisie" → date_de_saisie. */
export function normaliseHeader(h: string): string {
  return h
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
}

/** Header names other systems and other languages use (normalised), per field. */
const SYNONYMS: Record<string, string[]> = {
  external_ref: ['ref', 'reference', 'external_reference', 'your_reference', 'case_number', 'case_no', 'case_ref', 'file_number', 'id', 'reference_externe', 'ref_externe', 'numero_de_dossier', 'referencia', 'referencia_externa', 'numero_de_caso', 'referencia_interna', 'номер', 'ссылка'],
  seized_at: ['date', 'seizure_date', 'date_of_seizure', 'seized_on', 'datetime', 'date_time', 'date_de_saisie', 'date_saisie', 'fecha', 'fecha_de_incautacion', 'fecha_incautacion', 'fecha_de_decomiso', 'data', 'data_da_apreensao', 'data_apreensao', 'дата', 'дата_изъятия'],
  country: ['seizure_country', 'country_of_seizure', 'reporting_country', 'country_code', 'pays', 'pays_de_saisie', 'pais', 'pais_de_incautacion', 'pais_da_apreensao', 'страна'],
  place_locode: ['locode', 'un_locode', 'unlocode', 'place_code', 'code_lieu', 'codigo_lugar'],
  place_iata: ['iata', 'airport', 'airport_code', 'aeroport', 'aeropuerto', 'aeroporto'],
  place_text: ['place', 'location', 'place_of_seizure', 'lieu', 'lieu_de_saisie', 'lugar', 'lugar_de_incautacion', 'local', 'место'],
  lat: ['latitude', 'latitud'],
  lng: ['lon', 'long', 'longitude', 'longitud'],
  location_type: ['type_of_location', 'location_kind', 'place_type', 'type_de_lieu', 'tipo_de_lugar', 'tipo_de_local'],
  direction: ['flow', 'traffic_direction', 'flux', 'sens', 'direccion', 'direcao', 'sentido', 'направление'],
  detection_methods: ['detection', 'detection_method', 'detected_by', 'methode_de_detection', 'methodes_de_detection', 'detection_methode', 'metodo_de_deteccion', 'metodo_de_deteccao', 'deteccion', 'deteccao'],
  concealment_methods: ['concealment', 'concealment_method', 'modus_operandi', 'dissimulation', 'methode_de_dissimulation', 'ocultacion', 'metodo_de_ocultacion', 'ocultacao', 'metodo_de_ocultacao'],
  concealment_detail: ['concealment_details', 'concealment_description', 'detail_dissimulation', 'details_de_la_dissimulation', 'detalle_ocultacion', 'detalhe_ocultacao'],
  transport_mode: ['transport', 'mode_of_transport', 'means_of_transport', 'mode_de_transport', 'moyen_de_transport', 'medio_de_transporte', 'modo_de_transporte', 'meio_de_transporte', 'транспорт'],
  conveyance_type: ['conveyance', 'type_of_conveyance', 'vehicle_type', 'type_de_vecteur', 'tipo_de_vehiculo', 'tipo_de_veiculo'],
  departure_country: ['departure', 'origin', 'origin_country', 'country_of_origin', 'country_of_departure', 'from_country', 'from', 'provenance', 'pays_de_provenance', 'pays_d_origine', 'pays_de_depart', 'origine', 'pais_de_origen', 'pais_de_procedencia', 'origen', 'pais_de_origem', 'origem', 'pais_de_partida'],
  departure_place: ['departure_port', 'departure_airport', 'place_of_departure', 'port_of_loading', 'lieu_de_depart', 'lugar_de_salida', 'local_de_partida'],
  transit_countries: ['transit', 'transit_country', 'via', 'pays_de_transit', 'paises_de_transito', 'transito'],
  destination_country: ['destination', 'to_country', 'to', 'country_of_destination', 'pays_de_destination', 'pais_de_destino', 'destino'],
  destination_place: ['destination_port', 'destination_airport', 'place_of_destination', 'port_of_discharge', 'lieu_de_destination', 'lugar_de_destino', 'local_de_destino'],
  offenders: ['offender', 'offender_counts', 'suspects', 'contrevenants', 'auteurs', 'infractores', 'infratores', 'нарушители'],
  narrative: ['summary', 'remarks', 'comments', 'comment', 'notes', 'note', 'details', 'resume', 'recit', 'observations', 'commentaire', 'resumen', 'observaciones', 'narrativa', 'resumo', 'observacoes', 'описание'],
};
/** For commodity line fields; a header ending in a digit (quantity_2, "Quantité 2") maps to that line. */
const LINE_SYNONYMS: Record<LinePart, string[]> = {
  category: ['category', 'commodity', 'commodity_category', 'goods', 'categorie', 'marchandise', 'categoria', 'mercancia', 'mercadoria', 'товар', 'категория'],
  subcategory: ['subcategory', 'sub_category', 'commodity_type', 'sous_categorie', 'subcategoria', 'type'],
  hs_code: ['hs', 'hs_code', 'hscode', 'tariff_code', 'code_sh', 'sh', 'nomenclature', 'codigo_sa', 'sa', 'codigo_ncm', 'тн_вэд'],
  description: ['description', 'goods_description', 'commodity_description', 'designation', 'descripcion', 'descricao', 'описание_товара'],
  quantity: ['quantity', 'qty', 'amount', 'weight', 'quantite', 'cantidad', 'quantidade', 'количество'],
  unit: ['unit', 'units', 'uom', 'unit_of_measure', 'unite', 'unidad', 'unidade', 'единица'],
  value: ['value', 'estimated_value', 'valeur', 'valeur_estimee', 'valor', 'valor_estimado', 'стоимость'],
  currency: ['currency', 'devise', 'monnaie', 'moneda', 'moeda', 'валюта'],
  cites_species: ['cites', 'species', 'cites_species', 'espece', 'especie', 'especies', 'вид'],
};

const SYNONYM_TO_FIELD = new Map<string, string>();
for (const [field, names] of Object.entries(SYNONYMS)) for (const n of names) SYNONYM_TO_FIELD.set(n, field);
const LINE_SYNONYM_TO_PART = new Map<string, LinePart>();
for (const [part, names] of Object.entries(LINE_SYNONYMS) as [LinePart, string[]][]) for (const n of names) LINE_SYNONYM_TO_PART.set(n, part);

function guessField(header: string): string | null {
  const h = normaliseHeader(header);
  if (FIELD_INDEX.has(h)) return h;
  const direct = SYNONYM_TO_FIELD.get(h);
  if (direct) return direct;
  // commodity 2 quantity, quantity_2, qty2, "2 quantity"
  const m = /^(?:commodity_|line_|ligne_|linea_|linha_)?(\d)_?(.+)$/.exec(h) ?? /^(.+?)_?(\d)$/.exec(h);
  if (m) {
    const [n, base] = /^\d$/.test(m[1]) ? [Number(m[1]), m[2]] : [Number(m[2]), m[1]];
    const part = LINE_SYNONYM_TO_PART.get(base) ?? ((LINE_PARTS as readonly string[]).includes(base) ? (base as LinePart) : undefined);
    if (part && n >= 1 && n <= MAX_FILE_LINES) return `commodity_${n}_${part}`;
  }
  const part = LINE_SYNONYM_TO_PART.get(h.replace(/^commodity_/, ''));
  return part ? `commodity_1_${part}` : null;
}

/** field → column: exact field names first, then synonyms; a column serves one field, a field one column. */
export function suggestMapping(columns: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const used = new Set<string>();
  for (const c of columns) {
    const h = normaliseHeader(c);
    if (FIELD_INDEX.has(h) && !out[h]) {
      out[h] = c;
      used.add(c);
    }
  }
  for (const c of columns) {
    if (used.has(c)) continue;
    const f = guessField(c);
    if (f && !out[f]) {
      out[f] = c;
      used.add(c);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// One row → a seizure input

/** Which column holds each field, by field position in IMPORT_FIELDS (-1: not mapped). */
export type Layout = Int32Array;

export function compileLayout(mapping: Record<string, string>, columns: string[]): Layout {
  const pos = new Map(columns.map((c, i) => [c, i]));
  const layout = new Int32Array(FIELD_NAMES.length).fill(-1);
  for (const [field, column] of Object.entries(mapping)) {
    const f = FIELD_INDEX.get(field);
    const c = pos.get(column);
    if (f !== undefined && c !== undefined) layout[f] = c;
  }
  return layout;
}

/** A date and time in UTC from the forms people type and spreadsheets write; null when it is none of them. */
export function parseDateTime(v: string): string | null {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(v);
  let y: number, mo: number, d: number;
  let h = 0,
    mi = 0,
    s = 0;
  let zone: string | undefined;
  if (m) {
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (m[4] !== undefined) [h, mi, s] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
    zone = m[7];
  } else if ((m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(v))) {
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (m[4] !== undefined) [h, mi, s] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  } else if (/^\d{4,5}(\.\d+)?$/.test(v)) {
    // An Excel serial date (days since 1899-12-30), as a spreadsheet saved without its date format gives it.
    const serial = Number(v);
    if (serial < 20_000 || serial > 80_000) return null;
    const ms = Math.round((serial - 25_569) * 86_400_000);
    return new Date(ms).toISOString().replace('.000Z', 'Z');
  } else return null;
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return null;
  const t = Date.UTC(y, mo - 1, d, h, mi, s);
  if (new Date(t).getUTCDate() !== d) return null; // 31/02
  if (zone && zone !== 'Z') {
    const zm = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
    const off = (Number(zm[2]) * 60 + Number(zm[3])) * 60_000 * (zm[1] === '+' ? 1 : -1);
    return new Date(t - off).toISOString().replace('.000Z', 'Z');
  }
  return new Date(t).toISOString().replace('.000Z', 'Z');
}

/** 1234.5, 1 234,5, 1,234.5, 1.234,5 → 1234.5; NaN when it is not a number. */
export function parseNumber(v: string): number {
  let s = v.replace(/[\s\u00a0\u202f']/g, '');
  const comma = s.lastIndexOf(',');
  const dot = s.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) s = comma > dot ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  else if (comma >= 0) s = /^-?\d{1,3}(,\d{3})+$/.test(s) && s.indexOf(',') !== comma ? s.replace(/,/g, '') : s.replace(',', '.');
  if (!/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return NaN;
  return Number(s);
}

const splitCodes = (v: string) => {
  const out: string[] = [];
  for (const p of v.split(/[|;,]/)) {
    const t = p.trim();
    if (t) out.push(t);
  }
  return out;
};
const enumValue = (v: string) => v.trim().toLowerCase().replace(/[\s-]+/g, '_');

export interface ConvertedRow {
  /** The object handed to seizureInput; conversion failures leave a field out and add an error. */
  input: Record<string, unknown>;
  errors: FieldError[];
  /** commodities[i] came from commodity_{lineSlots[i]}_… */
  lineSlots: number[];
  /** route[i] came from departure_…, transit_countries or destination_… */
  legKinds: ('departure' | 'transit' | 'destination')[];
}

/** A place cell: a known UN/LOCODE, a known IATA code, or words. */
function place(v: string, ref: ReferenceSets): { placeLocode?: string; placeIata?: string; placeText?: string } {
  const u = v.toUpperCase().replace(/\s+/g, '');
  if (u.length === 5 && ref.locodes.has(u)) return { placeLocode: u };
  if (u.length === 3 && ref.airports.has(u)) return { placeIata: u };
  return { placeText: v };
}

/** The trimmed cell of field f, or '' when the field is not mapped or the cell is empty. */
function cell(cells: readonly string[], layout: Layout, f: number): string {
  const c = layout[f];
  if (c < 0) return '';
  const v = cells[c];
  return v ? v.trim() : '';
}
function putText(target: Record<string, unknown>, key: string, v: string) {
  if (v) target[key] = v;
}
function putNumber(errors: FieldError[], target: Record<string, unknown>, key: string, f: number, v: string) {
  if (!v) return;
  const n = parseNumber(v);
  if (Number.isNaN(n)) errors.push({ field: FIELD_NAMES[f], message: `"${v.slice(0, 40)}" is not a number` });
  else target[key] = n;
}
/** A departure or destination leg from its country and place cells. */
function endLeg(
  cells: readonly string[],
  layout: Layout,
  ref: ReferenceSets,
  kind: 'departure' | 'destination',
  fCountry: number,
  fPlace: number,
  route: Record<string, unknown>[],
  legKinds: ConvertedRow['legKinds'],
  errors: FieldError[],
) {
  const country = cell(cells, layout, fCountry);
  const where = cell(cells, layout, fPlace);
  if (!country && !where) return;
  const leg: Record<string, unknown> = { role: kind, ...(where ? place(where, ref) : {}) };
  leg.country = country || (typeof leg.placeLocode === 'string' ? leg.placeLocode.slice(0, 2) : undefined);
  if (!leg.country) errors.push({ field: `${kind}_country`, message: `is required with ${kind}_place (or give a UN/LOCODE)` });
  route.push(leg);
  legKinds.push(kind);
}

/**
 * The cells of one row, through the layout, as a seizure input (before the schema and the checks).
 * Only shape conversions here: dates, numbers, lists, the route from its columns. Every rule on
 * values stays in the schema and in checkSeizure.
 */
export function convertRow(cells: readonly string[], layout: Layout, ref: ReferenceSets): ConvertedRow {
  const errors: FieldError[] = [];
  const input: Record<string, unknown> = {};
  putText(input, 'externalRef', cell(cells, layout, F_EXTERNAL_REF));
  const when = cell(cells, layout, F_SEIZED_AT);
  if (when) {
    const iso = parseDateTime(when);
    if (iso) input.seizedAt = iso;
    else errors.push({ field: 'seized_at', message: `"${when.slice(0, 40)}" is not a date: use YYYY-MM-DD, YYYY-MM-DD HH:MM or DD/MM/YYYY` });
  }
  putText(input, 'country', cell(cells, layout, F_COUNTRY));
  putText(input, 'placeLocode', cell(cells, layout, F_PLACE_LOCODE));
  putText(input, 'placeIata', cell(cells, layout, F_PLACE_IATA));
  putText(input, 'placeText', cell(cells, layout, F_PLACE_TEXT));
  putNumber(errors, input, 'lat', F_LAT, cell(cells, layout, F_LAT));
  putNumber(errors, input, 'lng', F_LNG, cell(cells, layout, F_LNG));
  const lt = cell(cells, layout, F_LOCATION_TYPE);
  if (lt) input.locationType = enumValue(lt);
  const dir = cell(cells, layout, F_DIRECTION);
  if (dir) input.direction = enumValue(dir);
  const det = cell(cells, layout, F_DETECTION);
  if (det) input.detectionMethods = splitCodes(det);
  const con = cell(cells, layout, F_CONCEALMENT);
  if (con) input.concealmentMethods = splitCodes(con);
  putText(input, 'concealmentDetail', cell(cells, layout, F_CONCEALMENT_DETAIL));
  const tm = cell(cells, layout, F_TRANSPORT);
  if (tm) input.transportMode = enumValue(tm);
  const ct = cell(cells, layout, F_CONVEYANCE);
  if (ct) input.conveyanceType = enumValue(ct);
  putText(input, 'narrative', cell(cells, layout, F_NARRATIVE));

  // The route: departure, transits in order, destination.
  const route: Record<string, unknown>[] = [];
  const legKinds: ConvertedRow['legKinds'] = [];
  endLeg(cells, layout, ref, 'departure', F_DEPARTURE_COUNTRY, F_DEPARTURE_PLACE, route, legKinds, errors);
  const transit = cell(cells, layout, F_TRANSIT);
  if (transit)
    for (const c of splitCodes(transit)) {
      route.push({ role: 'transit', country: c });
      legKinds.push('transit');
    }
  endLeg(cells, layout, ref, 'destination', F_DESTINATION_COUNTRY, F_DESTINATION_PLACE, route, legKinds, errors);
  if (route.length) input.route = route;

  const lines: Record<string, unknown>[] = [];
  const lineSlots: number[] = [];
  for (let n = 1; n <= MAX_FILE_LINES; n++) {
    const base = F_LINES[n - 1];
    let any = false;
    for (let k = 0; k < LINE_PARTS.length; k++) if (cell(cells, layout, base + k)) any = true;
    if (!any) continue;
    const line: Record<string, unknown> = {};
    for (let k = 0; k < LINE_PARTS.length; k++) {
      const part = LINE_PARTS[k];
      if (part === 'quantity' || part === 'value') putNumber(errors, line, LINE_KEYS[part], base + k, cell(cells, layout, base + k));
      else if (part === 'unit') {
        const u = cell(cells, layout, base + k);
        if (u) line.unit = u.toLowerCase();
      } else {
        const v = cell(cells, layout, base + k);
        if (v) line[LINE_KEYS[part]] = v;
      }
    }
    if (!line.category && typeof line.subcategory === 'string') {
      const category = categoryOfSubcategory(line.subcategory, ref);
      if (category) line.category = category;
    }
    lines.push(line);
    lineSlots.push(n);
  }
  input.commodities = lines;

  const off = cell(cells, layout, F_OFFENDERS);
  if (off) {
    const list: Record<string, unknown>[] = [];
    for (const part of off.split(/[|;]/)) {
      const p = part.trim();
      if (!p) continue;
      const [nat, gender, age, count] = p.split(':').map((x) => x.trim());
      const n = count === undefined || count === '' ? 1 : Number(count);
      if (gender === undefined || age === undefined || !Number.isFinite(n)) {
        errors.push({ field: 'offenders', message: `"${p.slice(0, 40)}" is not NATIONALITY:GENDER:AGE_BAND:COUNT` });
        continue;
      }
      list.push({ nationality: nat ? nat : null, gender: gender.toLowerCase() || 'unknown', ageBand: enumValue(age) || 'unknown', count: n });
    }
    input.offenders = list;
  }
  return { input, errors, lineSlots, legKinds };
}

const F_EXTERNAL_REF = F('external_ref');
const F_SEIZED_AT = F('seized_at');
const F_COUNTRY = F('country');
const F_PLACE_LOCODE = F('place_locode');
const F_PLACE_IATA = F('place_iata');
const F_PLACE_TEXT = F('place_text');
const F_LAT = F('lat');
const F_LNG = F('lng');
const F_LOCATION_TYPE = F('location_type');
const F_DIRECTION = F('direction');
const F_DETECTION = F('detection_methods');
const F_CONCEALMENT = F('concealment_methods');
const F_CONCEALMENT_DETAIL = F('concealment_detail');
const F_TRANSPORT = F('transport_mode');
const F_CONVEYANCE = F('conveyance_type');
const F_DEPARTURE_COUNTRY = F('departure_country');
const F_DEPARTURE_PLACE = F('departure_place');
const F_TRANSIT = F('transit_countries');
const F_DESTINATION_COUNTRY = F('destination_country');
const F_DESTINATION_PLACE = F('destination_place');
const F_LINES = Array.from({ length: MAX_FILE_LINES }, (_, i) => F(`commodity_${i + 1}_category`));
const F_OFFENDERS = F('offenders');
const F_NARRATIVE = F('narrative');

const SIMPLE_PATHS: Record<string, string> = {
  seizedAt: 'seized_at',
  country: 'country',
  placeLocode: 'place_locode',
  placeIata: 'place_iata',
  placeText: 'place_text',
  lat: 'lat',
  lng: 'lng',
  locationType: 'location_type',
  direction: 'direction',
  detectionMethods: 'detection_methods',
  concealmentMethods: 'concealment_methods',
  concealmentDetail: 'concealment_detail',
  transportMode: 'transport_mode',
  conveyanceType: 'conveyance_type',
  offenders: 'offenders',
  narrative: 'narrative',
  externalRef: 'external_ref',
};
const LINE_PATHS: Record<string, LinePart> = Object.fromEntries(Object.entries(LINE_KEYS).map(([part, key]) => [key, part as LinePart]));

/** The template field a schema or check path names ("commodities.1.unit" → commodity_2_unit when line 2 is the second filled). */
export function fieldOfPath(path: string, row: Pick<ConvertedRow, 'lineSlots' | 'legKinds'>): string {
  const parts = path.split('.');
  const head = parts[0];
  if (SIMPLE_PATHS[head]) return SIMPLE_PATHS[head];
  if (head === 'commodities') {
    if (parts.length < 2) return 'commodity_1_category';
    const slot = row.lineSlots[Number(parts[1])] ?? Number(parts[1]) + 1;
    const part = LINE_PATHS[parts[2]] ?? 'category';
    return `commodity_${slot}_${part}`;
  }
  if (head === 'route') {
    if (parts.length < 2) return 'route';
    const kind = row.legKinds[Number(parts[1])];
    if (kind === 'transit' || !kind) return 'transit_countries';
    return parts[2] === 'country' || parts[2] === 'role' ? `${kind}_country` : `${kind}_place`;
  }
  return head || 'row';
}

// ---------------------------------------------------------------------------------------------
// A stored seizure → one row of the layout (exports)

const cellNumber = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
const placeOf = (l: { placeLocode: string | null; placeIata: string | null; placeText: string | null }) => l.placeLocode ?? l.placeIata ?? l.placeText ?? '';

export function seizureToRow(s: Seizure): string[] {
  const row: string[] = new Array(FIELD_NAMES.length).fill('');
  const set = (f: number, v: string | null | undefined) => {
    row[f] = v ?? '';
  };
  set(F_EXTERNAL_REF, s.externalRef);
  set(F_SEIZED_AT, new Date(s.seizedAt).toISOString().replace('.000Z', 'Z'));
  set(F_COUNTRY, s.country);
  set(F_PLACE_LOCODE, s.placeLocode);
  set(F_PLACE_IATA, s.placeIata);
  set(F_PLACE_TEXT, s.placeText);
  set(F_LAT, cellNumber(s.lat));
  set(F_LNG, cellNumber(s.lng));
  set(F_LOCATION_TYPE, s.locationType);
  set(F_DIRECTION, s.direction);
  set(F_DETECTION, s.detectionMethods.join('|'));
  set(F_CONCEALMENT, s.concealmentMethods.join('|'));
  set(F_CONCEALMENT_DETAIL, s.concealmentDetail);
  set(F_TRANSPORT, s.transportMode);
  set(F_CONVEYANCE, s.conveyanceType);
  const dep = s.route.find((l) => l.role === 'departure');
  const dest = s.route.find((l) => l.role === 'destination');
  if (dep) {
    set(F_DEPARTURE_COUNTRY, dep.country);
    set(F_DEPARTURE_PLACE, placeOf(dep));
  }
  set(F_TRANSIT, s.route.filter((l) => l.role === 'transit').map((l) => l.country).join('|'));
  if (dest) {
    set(F_DESTINATION_COUNTRY, dest.country);
    set(F_DESTINATION_PLACE, placeOf(dest));
  }
  s.commodities.slice(0, MAX_FILE_LINES).forEach((l, i) => {
    const base = F_LINES[i];
    set(base, l.category);
    set(base + 1, l.subcategory);
    set(base + 2, l.hsCode);
    set(base + 3, l.description);
    set(base + 4, cellNumber(Number(l.quantity)));
    set(base + 5, l.unit);
    set(base + 6, l.value === null ? '' : cellNumber(Number(l.value)));
    set(base + 7, l.currency);
    set(base + 8, l.citesSpecies);
  });
  set(F_OFFENDERS, s.offenders.map((o) => `${o.nationality ?? ''}:${o.gender}:${o.ageBand}:${o.count}`).join('|'));
  set(F_NARRATIVE, s.narrative);
  return row;
}

export function extraCells(s: Seizure): string[] {
  return [s.reference, s.status, s.provenance, s.orgName, s.region ?? '', s.rilo ?? '', s.createdAt, s.updatedAt];
}

/** Two rows that import as they are: the example of the templates. */
export const TEMPLATE_EXAMPLES: Record<string, string>[] = [
  {
    external_ref: 'LEH-2026-0042',
    seized_at: '2026-03-01 14:30',
    country: 'FR',
    place_locode: 'FRLEH',
    location_type: 'seaport',
    direction: 'import',
    detection_methods: 'RISK_PROFILING|XRAY_SCANNER',
    concealment_methods: 'RIP_ON_RIP_OFF',
    concealment_detail: 'Bags behind the container doors',
    transport_mode: 'sea',
    conveyance_type: 'sea_container',
    departure_country: 'EC',
    departure_place: 'ECGYE',
    transit_countries: 'PA',
    destination_country: 'FR',
    destination_place: 'FRLEH',
    commodity_1_category: 'DRUGS',
    commodity_1_subcategory: 'COCAINE',
    commodity_1_hs_code: '293972',
    commodity_1_description: 'Bricks of cocaine hydrochloride',
    commodity_1_quantity: '120',
    commodity_1_unit: 'kg',
    commodity_1_value: '3600000',
    commodity_1_currency: 'EUR',
    offenders: 'EC:male:26_35:2',
    narrative: 'Container of bananas selected by risk profiling; the X-ray image showed anomalies.',
  },
  {
    external_ref: 'CDG-2026-0107',
    seized_at: '15/02/2026',
    country: 'FR',
    place_iata: 'CDG',
    location_type: 'airport',
    direction: 'transit',
    detection_methods: 'XRAY_SCANNER',
    concealment_methods: 'LUGGAGE_FALSE_BOTTOM',
    transport_mode: 'air',
    conveyance_type: 'baggage',
    departure_country: 'NG',
    departure_place: 'LOS',
    destination_country: 'CN',
    commodity_1_category: 'ENVIRONMENT',
    commodity_1_subcategory: 'IVORY',
    commodity_1_description: 'Worked ivory pieces',
    commodity_1_quantity: '12.5',
    commodity_1_unit: 'kg',
    commodity_1_cites_species: 'Loxodonta africana',
    commodity_2_category: 'ENVIRONMENT',
    commodity_2_subcategory: 'PANGOLIN',
    commodity_2_quantity: '3',
    commodity_2_unit: 'kg',
    offenders: 'NG:female:36_45:1',
    narrative: 'Two suitcases with false bottoms, passenger in transit.',
  },
];
