import { firearmSerialMatchKey, foldKey, normaliseKey, validateIdentifier } from './identifiers/index.ts';
import type { FieldError } from '../platform/http/problem.ts';
import { LIST_DEFS, type KeyKind, type ListName } from './lists.ts';

/** One search key of a record, in the three forms screening_keys stores. */
export interface RecordKey {
  kind: KeyKind;
  raw: string;
  norm: string;
  folded: string;
}

/**
 * The keys of a record about to be stored, or the field errors that refuse it: an identifier with
 * characters its standard forbids is refused; a warning (e.g. a VIN check digit that European VINs
 * do not carry) is kept for the reply and never refuses.
 */
export function recordKeys(list: ListName, input: Record<string, unknown>): { keys: RecordKey[]; errors: FieldError[]; warnings: string[] } {
  const keys: RecordKey[] = [];
  const errors: FieldError[] = [];
  const warnings: string[] = [];
  for (const source of LIST_DEFS[list].keys) {
    const value = input[source.field];
    const values = Array.isArray(value) ? (value as string[]) : typeof value === 'string' && value.trim() ? [value] : [];
    values.forEach((raw, i) => {
      const field = Array.isArray(value) ? `body.${source.field}.${i}` : `body.${source.field}`;
      const result = validateIdentifier(source.kind, raw);
      for (const e of result.errors) errors.push({ field, message: e.message });
      for (const w of result.warnings) warnings.push(`${source.field}: ${w}`);
      if (!result.errors.length && result.normalised && !keys.some((k) => k.kind === source.kind && k.norm === result.normalised))
        keys.push({ kind: source.kind, raw: raw.trim(), norm: result.normalised, folded: result.folded });
    });
  }
  return { keys, errors, warnings };
}

/**
 * The extra key a firearm serial is also stored and searched under (screening_keys.ncic): its normal
 * form without the letters embedded between digits, as NCIC matches serials (3J6K9257 and 369257 meet).
 * It is a column of its own, so the normal and folded keys that exact, folded and wildcard searches
 * read stay as they are. Null for every other kind of key.
 */
export function ncicKey(kind: KeyKind, norm: string): string | null {
  return kind === 'firearm_serial' ? firearmSerialMatchKey(norm) : null;
}

/**
 * A searched value read as one kind of key. Search is lenient where recording is strict: a value that
 * the rules of a kind cannot read (null) simply cannot match records of that kind.
 */
export function searchKey(kind: KeyKind, value: string): { norm: string; folded: string } | null {
  let norm: string;
  try {
    norm = normaliseKey(kind, value);
  } catch {
    return null;
  }
  if (!norm) return null;
  return { norm, folded: foldKey(norm) };
}
