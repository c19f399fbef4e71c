import { z } from 'zod';
import { LISTS, MATCH_TYPES } from './search-view.ts';
import { MAX_BATCH_ITEMS } from './batch.ts';
import { FIREARM_TYPES, REFERENCE_KINDS } from './firearm-reference.ts';

const country = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 code in capitals, e.g. FR');
const date = z.iso.date('must be a date as YYYY-MM-DD');
const text = (max = 200) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const identifier = z.string().trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters');

export const listParams = z.object({ list: z.enum(LISTS, { message: `must be one of: ${LISTS.join(', ')}` }) });
export const recordParams = listParams.extend({ id: z.uuid('must be a UUID') });

const common = { nationalReference: text(100).optional(), reviewOn: date.optional().describe('Leaves the searchable set after this date (default: ten years after recording)') };

/** The fields a recording organisation sets, per list; the route picks the schema by the :list parameter. */
export const RECORD_INPUTS = {
  travel_documents: z.object({
    number: identifier,
    docType: z.enum(['passport', 'identity_card', 'visa', 'residence_permit', 'other']),
    issuingCountry: country,
    status: z.enum(['stolen', 'lost', 'stolen_blank', 'revoked']),
    issuedOn: date.optional(),
    expiresOn: date.optional(),
    stolenOn: date.optional(),
    ...common,
  }),
  vehicles: z.object({
    vin: identifier,
    make: text(80),
    model: text(80).optional(),
    year: z.number().int().min(1886).max(2100).optional(),
    colour: text(40).optional(),
    plateNumber: identifier.optional(),
    plateCountry: country.optional(),
    status: z.enum(['stolen', 'misappropriated', 'wanted']),
    ...common,
  }),
  firearms: z.object({
    serialNumbers: z.array(identifier).min(1, 'needs at least one serial number').max(10, 'at most 10 serial numbers'),
    make: text(80),
    model: text(80).optional(),
    calibre: text(60).optional(),
    firearmType: z.enum(FIREARM_TYPES),
    status: z.enum(['stolen', 'lost', 'trafficked', 'smuggled']),
    ...common,
  }),
  art: z.object({
    title: text(300),
    artistOrCulture: text(200).optional(),
    objectType: text(80),
    materials: text(200).optional(),
    dimensions: text(100).optional(),
    description: text(4000).optional(),
    status: z.enum(['stolen', 'looted', 'illicitly_exported']),
    ...common,
  }),
  containers: z.object({ number: identifier, reason: text(500), ...common }),
  vessels: z.object({ imo: identifier, name: text(120).optional(), flag: country.optional(), reason: text(500), ...common }),
} as const;

/** Any list's record input, for the OpenAPI document; the handler validates against the list's own schema. */
export const recordInput = z.union(Object.values(RECORD_INPUTS) as unknown as [z.ZodTypeAny, z.ZodTypeAny, ...z.ZodTypeAny[]]);
export const recordPatch = z.record(z.string(), z.unknown()).describe("Any fields of the list's record input; the others keep their values");

export const record = z.looseObject({
  id: z.uuid(),
  orgId: z.uuid(),
  createdBy: z.uuid().nullable(),
  reviewOn: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const recordWithWarnings = record.extend({ warnings: z.array(z.string()) });
export const pageQuery = z.object({
  page: z.coerce.number().int().min(1, 'must be at least 1').default(1),
  pageSize: z.coerce.number().int().min(1, 'must be at least 1').max(200, 'must be at most 200').default(50),
});
export const recordPage = z.object({ items: z.array(record), total: z.number(), page: z.number(), pageSize: z.number() });

export const searchFields = z
  .object({
    issuingCountry: country,
    docType: z.string().max(40),
    make: text(80),
    model: text(80),
    calibre: text(60),
    firearmType: z.enum(FIREARM_TYPES),
    colour: text(40),
    year: z.number().int().min(1886).max(2100),
    title: text(300),
    artistOrCulture: text(200),
    objectType: text(80),
  })
  .partial()
  .strict();

export const searchBody = z.object({
  identifier: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(100, 'must be at most 100 characters')
    .optional()
    .describe('Any identifier; ? and * are wildcards (at least 3 other characters); an MRZ (2 or 3 lines) is read and searched as the travel document it names'),
  list: listParams.shape.list.optional(),
  fields: searchFields.optional(),
  oneEdit: z.boolean().default(true),
  limit: z.number().int().min(1).max(200).default(50),
  onBehalfOfOrgId: z.uuid('must be a UUID').optional().describe('I2C officers only: the member administration the search is made for'),
});

const matchReason = z.object({
  type: z.enum(MATCH_TYPES),
  key: z.string().optional(),
  edit: z.looseObject({ op: z.string(), position: z.number() }).optional(),
  detail: z.string(),
});

export const searchHit = z.object({
  list: z.enum(LISTS),
  recordId: z.uuid(),
  match: matchReason,
  firstLevel: z.record(z.string(), z.unknown()).describe('Only the identifying fields; open the record for the rest (audited)'),
});
export const mrzReading = z.object({
  format: z.string(),
  valid: z.boolean().describe('Every check digit holds'),
  documentType: z.string().nullable(),
  documentNumber: z.string(),
  issuingState: z.string().nullable().describe('As written in the zone (ICAO code)'),
  issuingCountry: z.string().nullable().describe('The ISO 3166 country it stands for, searched with the number'),
  expiryDate: z.string().describe('YYMMDD as written'),
  checks: z.object({ documentNumber: z.boolean(), expiryDate: z.boolean(), composite: z.boolean().nullable() }),
  errors: z.array(z.object({ field: z.string(), message: z.string() })),
  warnings: z.array(z.string()),
});
export const searchReply = z.object({
  queryId: z.uuid(),
  hits: z.array(searchHit),
  mrz: mrzReading.optional().describe("When the identifier was an MRZ: the document it names (the holder's data is left out)"),
});

export const batchBody = z.object({
  items: z
    .array(z.object({ ref: z.string().max(100).optional(), identifier, list: listParams.shape.list.optional() }))
    .min(1, 'must hold at least one item')
    .max(MAX_BATCH_ITEMS, `must hold at most ${MAX_BATCH_ITEMS} items`),
  list: listParams.shape.list.optional(),
  oneEdit: z.boolean().default(false),
  onBehalfOfOrgId: z.uuid('must be a UUID').optional(),
});
export const batchReply = z.object({
  queryId: z.uuid(),
  items: z.number(),
  hits: z.array(searchHit.extend({ item: z.number().describe('Index of the item in the request'), ref: z.string().optional() })),
});

export const queriesQuery = pageQuery.extend({
  userId: z.uuid().optional(),
  orgId: z.uuid().optional(),
  forOrgId: z.uuid().optional(),
  mode: z.enum(['search', 'batch']).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export const queriesReply = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      at: z.string(),
      userId: z.uuid(),
      orgId: z.uuid(),
      onBehalfOfOrgId: z.uuid().nullable(),
      forOrgId: z.uuid(),
      mode: z.enum(['search', 'batch']),
      list: z.string().nullable(),
      query: z.record(z.string(), z.unknown()),
      items: z.number(),
      hits: z.number(),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const referenceInput = z.object({
  kind: z.enum(REFERENCE_KINDS),
  name: text(120),
  aliases: z.array(text(120)).max(50).default([]),
  make: text(120).nullable().default(null),
  country: country.nullable().default(null),
  firearmType: z.enum(FIREARM_TYPES).nullable().default(null),
  calibre: text(60).nullable().default(null),
  note: text(1000).nullable().default(null),
});
export const referenceEntry = referenceInput.extend({ id: z.uuid() });
export const referenceQuery = z.object({ kind: z.enum(REFERENCE_KINDS).optional(), q: z.string().max(100).optional() });
export const referenceParams = z.object({ id: z.uuid('must be a UUID') });

export const importQuery = z.object({
  mode: z.enum(['all_or_nothing', 'valid_rows']).default('all_or_nothing').describe('all_or_nothing: one bad row stores nothing; valid_rows: store the good rows'),
});
export const importReply = z.object({
  importId: z.uuid(),
  list: z.enum(LISTS),
  mode: z.enum(['all_or_nothing', 'valid_rows']),
  status: z.enum(['running', 'done', 'failed']),
  rows: z.number(),
  stored: z.number(),
  errors: z.array(z.object({ row: z.number(), field: z.string(), message: z.string() })),
});
export const importParams = z.object({ id: z.uuid('must be a UUID') });

export const imageOwnerParams = z.object({ id: z.uuid('must be a UUID') });
export const imageParams = z.object({ id: z.uuid('must be a UUID'), imageId: z.uuid('must be a UUID') });
export const imageQuery = z.object({ name: z.string().trim().min(1).max(200, 'must be at most 200 characters').optional().describe('The file name to keep with the image') });
export const artImage = z.object({ id: z.uuid(), name: z.string(), mime: z.string(), size: z.number(), createdAt: z.string() });
