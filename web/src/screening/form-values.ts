import type { FieldDef } from './list-fields.ts';

/** Form state: every control holds text; serial numbers one per line. */
export type FormValues = Record<string, string>;

/** The API body from a form: trimmed, empty fields left out, years as numbers, serials as a list. */
export function toApiValues(defs: readonly FieldDef[], values: FormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const def of defs) {
    const raw = (values[def.name] ?? '').trim();
    if (!raw) continue;
    if (def.kind === 'serials') {
      const serials = raw
        .split(/\r?\n/)
        .map((s) => s.trim())
        .filter(Boolean);
      if (serials.length) out[def.name] = serials;
    } else if (def.kind === 'year') out[def.name] = /^\d+$/.test(raw) ? Number(raw) : raw;
    else if (def.kind === 'country') out[def.name] = raw.toUpperCase();
    else out[def.name] = raw;
  }
  return out;
}

/** A stored record as form state. */
export function fromRecord(defs: readonly FieldDef[], record: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const def of defs) {
    const v = record[def.name];
    if (v === null || v === undefined) out[def.name] = '';
    else if (Array.isArray(v)) out[def.name] = v.map(String).join('\n');
    else out[def.name] = def.kind === 'date' ? String(v).slice(0, 10) : String(v);
  }
  return out;
}

/** Form field names from API error fields: `serialNumbers.0` belongs to `serialNumbers`, `fields.make` to `make`. */
export function byFormField(errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    const name = field.replace(/^fields\./, '').replace(/\.\d+$/, '');
    out[name] = out[name] ? `${out[name]}; ${message}` : message;
  }
  return out;
}
