import { z } from 'zod';
import { multilineText, plainText, requiredText } from '../../platform/http/text-schema.ts';
import { DOCUMENT_TYPES, ENTITY_KINDS, LEGAL_FORMS, PERSON_GENDERS, TRANSPORT_TYPES, type EntityKind } from '../entity-view.ts';

// The nominal fields of each kind of entity, checked at the boundary. What the standards say to warn on
// (check digits) is not refused here but reported by identifier-checks.ts.

const country = z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 country code, e.g. FR');
const isoDate = z.iso.date('must be a date as YYYY-MM-DD');
const pastDate = isoDate.refine((d) => d <= new Date().toISOString().slice(0, 10), 'must not be in the future');
const name = requiredText(300);
const identifier = requiredText(60);
const phone = plainText(40).regex(/^\+?[\d\s().\-/]{4,}$/, 'must be a phone number: digits, spaces, + ( ) - . /');
const email = plainText(200).pipe(z.email('must be an e-mail address'));
const notes = multilineText(4000).optional();
const list = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max, `must have at most ${max} entries`).optional();

const address = z.object({
  line: requiredText(300),
  city: plainText(120).optional(),
  postcode: plainText(20).optional(),
  country: country.optional(),
});

const identityDocument = z.object({
  type: z.enum(DOCUMENT_TYPES, { message: `must be one of: ${DOCUMENT_TYPES.join(', ')}` }),
  number: identifier,
  country: country.optional(),
  expiresOn: isoDate.optional(),
});

export const personFields = z
  .object({
    names: z.array(name).min(1, 'needs at least one name').max(20, 'must have at most 20 names'),
    birthDate: pastDate.optional(),
    birthYear: z.number().int().min(1900, 'must be 1900 or later').max(new Date().getUTCFullYear(), 'must not be in the future').optional(),
    birthPlace: plainText(200).optional(),
    nationalities: list(country, 5),
    gender: z.enum(PERSON_GENDERS).optional(),
    documents: list(identityDocument, 20),
    addresses: list(address, 20),
    phones: list(phone, 20),
    emails: list(email, 20),
    photoFileIds: list(z.uuid('must be a file id'), 10),
    notes,
  })
  .strict();

export const companyFields = z
  .object({
    names: z.array(name).min(1, 'needs at least one name').max(20, 'must have at most 20 names'),
    legalForm: z.enum(LEGAL_FORMS).optional(),
    registrationNumber: identifier.optional(),
    vatNumber: identifier.optional(),
    country: country.optional(),
    addresses: list(address, 20),
    phones: list(phone, 20),
    emails: list(email, 20),
    notes,
  })
  .strict();

export const transportFields = z
  .object({
    type: z.enum(TRANSPORT_TYPES, { message: `must be one of: ${TRANSPORT_TYPES.join(', ')}` }),
    plate: identifier.optional(),
    plateCountry: country.optional(),
    vin: identifier.optional(),
    imo: identifier.optional(),
    registration: identifier.optional(),
    containerNumber: identifier.optional(),
    name: plainText(200).optional(),
    notes,
  })
  .strict()
  .refine((t) => t.plate || t.vin || t.imo || t.registration || t.containerNumber || t.name, {
    message: 'needs a plate, VIN, IMO number, registration, container number or name',
    path: ['plate'],
  });

export const documentFields = identityDocument
  .extend({ holderName: plainText(300).optional(), notes })
  .strict();

export const FIELD_SCHEMAS = { person: personFields, company: companyFields, transport: transportFields, document: documentFields } as const;

export const entityKind = z.enum(ENTITY_KINDS, { message: `must be one of: ${ENTITY_KINDS.join(', ')}` });

/** A `purpose` is what the officer gives for reading nominal data; it goes to the audit chain. */
export const purpose = requiredText(300).describe('Why you read this nominal data (recorded in the audit log)');

/** Checks the fields of one kind; the errors name the field under `body.fields`. */
export function parseFields(kind: EntityKind, fields: unknown): { ok: true; fields: Record<string, unknown> } | { ok: false; errors: { field: string; message: string }[] } {
  const result = FIELD_SCHEMAS[kind].safeParse(fields);
  if (result.success) return { ok: true, fields: result.data as Record<string, unknown> };
  return { ok: false, errors: result.error.issues.map((i) => ({ field: ['body', 'fields', ...i.path.map(String)].join('.'), message: i.message })) };
}
