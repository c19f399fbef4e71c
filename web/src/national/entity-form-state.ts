import type { CompanyFields, DocumentFields, EntityFields, EntityKind, PersonFields, TransportFields } from './national-api.ts';

/** The form of one entity: its kind and its fields as the API has them, blanks allowed while typing. */
export type Draft =
  | { kind: 'person'; fields: PersonFields }
  | { kind: 'company'; fields: CompanyFields }
  | { kind: 'transport'; fields: TransportFields }
  | { kind: 'document'; fields: DocumentFields };

export function emptyDraft(kind: EntityKind): Draft {
  switch (kind) {
    case 'person':
      return { kind, fields: { names: [''] } };
    case 'company':
      return { kind, fields: { names: [''] } };
    case 'transport':
      return { kind, fields: { type: 'vehicle' } };
    case 'document':
      return { kind, fields: { type: 'passport', number: '' } };
  }
}

export function draftOf(kind: EntityKind, fields: EntityFields): Draft {
  return { kind, fields } as Draft;
}

const isBlank = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (typeof value === 'number' && Number.isNaN(value)) ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0);

/** Strings trimmed; blank values, blank list items and empty objects left out. */
export function withoutBlanks<T>(value: T): T {
  if (typeof value === 'string') return value.trim() as T;
  if (Array.isArray(value)) return value.map(withoutBlanks).filter((v) => !isBlank(v)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      const cleaned = withoutBlanks(v);
      if (!isBlank(cleaned)) out[key] = cleaned;
    }
    return out as T;
  }
  return value;
}

/** The fields to save: blanks out, and a row of documents or addresses that has only its defaults dropped. */
export function fieldsToSave(draft: Draft): EntityFields {
  if (draft.kind === 'person' || draft.kind === 'company') {
    const f = draft.fields as PersonFields;
    const documents = f.documents?.filter((d) => d.number.trim() !== '');
    const addresses = f.addresses?.filter((a) => [a.line, a.city, a.postcode].some((v) => (v ?? '').trim() !== ''));
    return withoutBlanks({ ...draft.fields, ...(documents ? { documents } : {}), ...(addresses ? { addresses } : {}) });
  }
  return withoutBlanks(draft.fields);
}

/**
 * The fields that tell whether the record is already known (names, birth date, document and registration
 * numbers, vehicle and vessel identifiers), or null while there is nothing to compare yet.
 */
export function matchingFields(draft: Draft): EntityFields | null {
  const saved = fieldsToSave(draft);
  switch (draft.kind) {
    case 'person': {
      const f = saved as PersonFields;
      const match: PersonFields = withoutBlanks({ names: f.names ?? [], birthDate: f.birthDate, birthYear: f.birthYear, nationalities: f.nationalities, documents: f.documents });
      return match.names?.length || match.documents?.length ? match : null;
    }
    case 'company': {
      const f = saved as CompanyFields;
      const match: CompanyFields = withoutBlanks({ names: f.names ?? [], registrationNumber: f.registrationNumber, vatNumber: f.vatNumber, country: f.country });
      return match.names?.length || match.registrationNumber || match.vatNumber ? match : null;
    }
    case 'transport': {
      const f = saved as TransportFields;
      const { notes: _notes, ...match } = f;
      return Object.keys(match).some((key) => key !== 'type') ? match : null;
    }
    case 'document': {
      const f = saved as DocumentFields;
      const { notes: _notes, ...match } = f;
      return match.number ? match : null;
    }
  }
}

/** Field errors of the API (`fields.names.0`) keyed as the kind's form names them (`names.0`). */
export function fieldErrorsOf(errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) if (key.startsWith('fields.')) out[key.slice('fields.'.length)] = message;
  return out;
}

/** The errors of one list or group (`names`, `documents`), keyed by what follows it (`0`, `1.number`; `''` for the whole). */
export function errorsUnder(errors: Record<string, string>, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) {
    if (key === prefix) out[''] = message;
    else if (key.startsWith(`${prefix}.`)) out[key.slice(prefix.length + 1)] = message;
  }
  return out;
}
