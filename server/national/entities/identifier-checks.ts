import { validateIdentifier, type IdentifierKind } from '../../screening/index.ts';
import type { FieldWarning } from '../entity-view.ts';

type Fields = Record<string, unknown>;

/** The identifiers of an entity that a standard checks, with the path of each in the fields. */
export function checkedIdentifiers(kind: string, fields: Fields): { path: string; kind: IdentifierKind; value: string }[] {
  const out: { path: string; kind: IdentifierKind; value: string }[] = [];
  // Travel and identity documents follow ICAO 9303; a driving licence or another paper has no common rule.
  const icao = (type: unknown) => type === 'passport' || type === 'identity_card' || type === 'residence_permit' || type === 'visa';
  if (kind === 'person') {
    (fields.documents as { type: string; number: string }[] | undefined)?.forEach((d, i) => {
      if (icao(d.type)) out.push({ path: `documents.${i}.number`, kind: 'document_number', value: d.number });
    });
  }
  if (kind === 'document' && icao(fields.type)) out.push({ path: 'number', kind: 'document_number', value: String(fields.number) });
  if (kind === 'transport') {
    if (fields.vin) out.push({ path: 'vin', kind: 'vin', value: String(fields.vin) });
    if (fields.imo) out.push({ path: 'imo', kind: 'imo', value: String(fields.imo) });
    if (fields.containerNumber) out.push({ path: 'containerNumber', kind: 'container', value: String(fields.containerNumber) });
  }
  return out;
}

/** What the standards refuse (errors, the entity is not stored) and what they only warn on. */
export function checkIdentifiers(kind: string, fields: Fields): { errors: { field: string; message: string }[]; warnings: FieldWarning[] } {
  const errors: { field: string; message: string }[] = [];
  const warnings: FieldWarning[] = [];
  for (const id of checkedIdentifiers(kind, fields)) {
    const result = validateIdentifier(id.kind, id.value);
    for (const e of result.errors) errors.push({ field: `body.fields.${id.path}`, message: e.message });
    for (const w of result.warnings) warnings.push({ field: id.path, message: w });
  }
  return { errors, warnings };
}
