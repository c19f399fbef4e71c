import type { ListName } from './screening-api.ts';

/** How a record field is entered: the form picks its control by this. */
export type FieldKind = 'text' | 'longText' | 'identifier' | 'serials' | 'date' | 'year' | 'country' | 'choice';

export interface FieldDef {
  name: string;
  kind: FieldKind;
  required?: boolean;
  /** For a choice: the values the API accepts; their labels are locale keys under `screening.values`. */
  options?: readonly string[];
}

export const DOC_TYPES = ['passport', 'identity_card', 'visa', 'residence_permit', 'other'] as const;
export const FIREARM_TYPES = ['pistol', 'revolver', 'rifle', 'shotgun', 'submachine_gun', 'machine_gun', 'other'] as const;

const common: FieldDef[] = [
  { name: 'nationalReference', kind: 'text' },
  { name: 'reviewOn', kind: 'date' },
];

/** The fields a recording organisation sets, per list (server/screening/schema.ts, RECORD_INPUTS). */
export const RECORD_FIELDS: Record<ListName, FieldDef[]> = {
  travel_documents: [
    { name: 'number', kind: 'identifier', required: true },
    { name: 'docType', kind: 'choice', required: true, options: DOC_TYPES },
    { name: 'issuingCountry', kind: 'country', required: true },
    { name: 'status', kind: 'choice', required: true, options: ['stolen', 'lost', 'stolen_blank', 'revoked'] },
    { name: 'issuedOn', kind: 'date' },
    { name: 'expiresOn', kind: 'date' },
    { name: 'stolenOn', kind: 'date' },
    ...common,
  ],
  vehicles: [
    { name: 'vin', kind: 'identifier', required: true },
    { name: 'make', kind: 'text', required: true },
    { name: 'model', kind: 'text' },
    { name: 'year', kind: 'year' },
    { name: 'colour', kind: 'text' },
    { name: 'plateNumber', kind: 'identifier' },
    { name: 'plateCountry', kind: 'country' },
    { name: 'status', kind: 'choice', required: true, options: ['stolen', 'misappropriated', 'wanted'] },
    ...common,
  ],
  firearms: [
    { name: 'serialNumbers', kind: 'serials', required: true },
    { name: 'make', kind: 'text', required: true },
    { name: 'model', kind: 'text' },
    { name: 'calibre', kind: 'text' },
    { name: 'firearmType', kind: 'choice', required: true, options: FIREARM_TYPES },
    { name: 'status', kind: 'choice', required: true, options: ['stolen', 'lost', 'trafficked', 'smuggled'] },
    ...common,
  ],
  art: [
    { name: 'title', kind: 'text', required: true },
    { name: 'artistOrCulture', kind: 'text' },
    { name: 'objectType', kind: 'text', required: true },
    { name: 'materials', kind: 'text' },
    { name: 'dimensions', kind: 'text' },
    { name: 'description', kind: 'longText' },
    { name: 'status', kind: 'choice', required: true, options: ['stolen', 'looted', 'illicitly_exported'] },
    ...common,
  ],
  containers: [{ name: 'number', kind: 'identifier', required: true }, { name: 'reason', kind: 'longText', required: true }, ...common],
  vessels: [
    { name: 'imo', kind: 'identifier', required: true },
    { name: 'name', kind: 'text' },
    { name: 'flag', kind: 'country' },
    { name: 'reason', kind: 'longText', required: true },
    ...common,
  ],
};

/** The identifying fields a first-level reply shows (server/screening/lists.ts), also the columns of the records table. */
export const FIRST_LEVEL: Record<ListName, string[]> = {
  travel_documents: ['number', 'docType', 'issuingCountry'],
  vehicles: ['vin', 'make'],
  firearms: ['serialNumbers', 'make', 'model'],
  art: ['title', 'objectType'],
  containers: ['number'],
  vessels: ['imo'],
};

/** The structured fields a search may give for one list (server/screening/structured-fields.ts). */
export const SEARCH_FIELDS: Record<ListName, FieldDef[]> = {
  travel_documents: [
    { name: 'issuingCountry', kind: 'country' },
    { name: 'docType', kind: 'choice', options: DOC_TYPES },
  ],
  vehicles: [
    { name: 'make', kind: 'text' },
    { name: 'model', kind: 'text' },
    { name: 'colour', kind: 'text' },
    { name: 'year', kind: 'year' },
  ],
  firearms: [
    { name: 'make', kind: 'text' },
    { name: 'model', kind: 'text' },
    { name: 'calibre', kind: 'text' },
    { name: 'firearmType', kind: 'choice', options: FIREARM_TYPES },
  ],
  art: [
    { name: 'title', kind: 'text' },
    { name: 'artistOrCulture', kind: 'text' },
    { name: 'objectType', kind: 'text' },
  ],
  containers: [],
  vessels: [],
};

/** Fields whose values are codes with translated labels. */
export const CODED_FIELDS = new Set(['docType', 'status', 'firearmType']);
