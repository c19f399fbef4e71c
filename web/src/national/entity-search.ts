import type { EntityKind, EntitySearch } from './national-api.ts';

/** Which parameter of GET /entities one typed text goes to. */
export type SearchField = 'q' | 'identifier' | 'phone' | 'email';

const EMAIL = /^[^\s@]+@[^\s@]+$/;
const PHONE = /^\+?[\d\s().\-/]{6,}$/;
// A document number, plate, VIN, IMO or container number: letters and digits with at least one digit, no space.
const IDENTIFIER = /^(?=.*\d)[\p{L}\d\-/.]{3,}$/u;

/** The field one text is searched in: an e-mail address, a phone number, an identifier, or else a name. */
export function searchFieldOf(text: string): SearchField {
  const value = text.trim();
  if (EMAIL.test(value)) return 'email';
  if (PHONE.test(value) && (value.match(/\d/g)?.length ?? 0) >= 6) return 'phone';
  if (IDENTIFIER.test(value)) return 'identifier';
  return 'q';
}

/** The search of one text box and a kind filter, as GET /entities takes it; null when there is nothing to search. */
export function searchOf(text: string, kind: EntityKind | ''): EntitySearch | null {
  const value = text.trim();
  if (!value) return null;
  return { [searchFieldOf(value)]: value, ...(kind ? { kind } : {}) };
}
