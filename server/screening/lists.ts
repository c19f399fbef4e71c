import type { ListName } from './search-view.ts';

// The names live in the dependency-free view, which the web app imports too.
export { LISTS, type ListName } from './search-view.ts';

/**
 * The watch lists: for each, its table, its columns, the identifiers that become search keys and
 * the fields of the first-level reply. Records, search, batch, import and the generator all read
 * this one description, so a list is added here (and its name in search-view.ts) and nowhere else.
 */

/** The identifier kinds that are stored as search keys (an MRZ is read into its document number first). */
export type KeyKind = 'document_number' | 'vin' | 'firearm_serial' | 'container' | 'imo';

export type ColumnType = 'text' | 'date' | 'int' | 'country' | 'text[]';

export interface Column {
  field: string;
  column: string;
  type: ColumnType;
}

export interface KeySource {
  field: string;
  kind: KeyKind;
}

export interface ListDef {
  name: ListName;
  table: string;
  /** Columns set by the recording organisation (the common ones — id, org, dates — are added by the service). */
  columns: Column[];
  keys: KeySource[];
  /** The only fields a first-level reply shows (SLTD practice); the rest is second level. */
  firstLevel: string[];
}

const col = (field: string, type: ColumnType = 'text'): Column => ({ field, column: field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), type });

export const LIST_DEFS: Record<ListName, ListDef> = {
  travel_documents: {
    name: 'travel_documents',
    table: 'screening_travel_documents',
    columns: [col('number'), col('docType'), col('issuingCountry', 'country'), col('status'), col('issuedOn', 'date'), col('expiresOn', 'date'), col('stolenOn', 'date'), col('nationalReference')],
    keys: [{ field: 'number', kind: 'document_number' }],
    firstLevel: ['number', 'docType', 'issuingCountry'],
  },
  vehicles: {
    name: 'vehicles',
    table: 'screening_vehicles',
    columns: [col('vin'), col('make'), col('model'), col('year', 'int'), col('colour'), col('plateNumber'), col('plateCountry', 'country'), col('status'), col('nationalReference')],
    keys: [
      { field: 'vin', kind: 'vin' },
      { field: 'plateNumber', kind: 'document_number' },
    ],
    firstLevel: ['vin', 'make'],
  },
  firearms: {
    name: 'firearms',
    table: 'screening_firearms',
    columns: [col('serialNumbers', 'text[]'), col('make'), col('model'), col('calibre'), col('firearmType'), col('status'), col('nationalReference')],
    keys: [{ field: 'serialNumbers', kind: 'firearm_serial' }],
    firstLevel: ['serialNumbers', 'make', 'model'],
  },
  art: {
    name: 'art',
    table: 'screening_art',
    columns: [col('title'), col('artistOrCulture'), col('objectType'), col('materials'), col('dimensions'), col('description'), col('status'), col('nationalReference')],
    keys: [],
    firstLevel: ['title', 'objectType'],
  },
  containers: {
    name: 'containers',
    table: 'screening_containers',
    columns: [col('number'), col('reason'), col('nationalReference')],
    keys: [{ field: 'number', kind: 'container' }],
    firstLevel: ['number'],
  },
  vessels: {
    name: 'vessels',
    table: 'screening_vessels',
    columns: [col('imo'), col('name'), col('flag', 'country'), col('reason'), col('nationalReference')],
    keys: [{ field: 'imo', kind: 'imo' }],
    firstLevel: ['imo'],
  },
};

/** The lists that hold keys, with the kinds an identifier is read as when searching them. */
export function kindsOf(lists: readonly ListName[]): { list: ListName; kind: KeyKind }[] {
  const out: { list: ListName; kind: KeyKind }[] = [];
  for (const l of lists) for (const k of LIST_DEFS[l].keys) if (!out.some((o) => o.list === l && o.kind === k.kind)) out.push({ list: l, kind: k.kind });
  return out;
}
