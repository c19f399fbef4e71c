import { z } from 'zod';

export * from './vocabulary.ts';
import { AGE_BANDS, CONVEYANCE_TYPES, DIRECTIONS, GENDERS, LEG_ROLES, LOCATION_TYPES, MAX_LEGS, MAX_LINES, PROVENANCES, STATUSES, TRANSPORT_MODES, UNITS } from './vocabulary.ts';

/** Absurd quantities are refused: no seizure weighs more than a large bulk carrier's cargo. */
export const MAX_QUANTITY = 1e9;

const enumOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { message: `must be one of: ${values.join(', ')}` });
const country = z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 country code, e.g. FR');
const code = (max: number) => z.string().trim().toUpperCase().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const optionalText = (max: number) => text(max).optional().nullable().transform((v) => (v ? v : null));
const hsCode = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s.]/g, ''))
  .pipe(z.string().regex(/^\d{2}(\d{2}){0,2}$/, 'must be an HS chapter, heading or subheading: 2, 4 or 6 digits'));

export const commodityLine = z.object({
  category: code(40),
  subcategory: code(80).optional().nullable().describe('CATEGORY.SUBCATEGORY or the subcategory code alone'),
  hsCode: hsCode.optional().nullable(),
  description: optionalText(500),
  quantity: z.number('must be a number').positive('must be greater than zero').max(MAX_QUANTITY, `must be at most ${MAX_QUANTITY}`),
  unit: enumOf(UNITS),
  value: z.number('must be a number').min(0, 'must not be negative').max(1e13, 'is not a plausible value').optional().nullable(),
  currency: code(3).optional().nullable(),
  citesSpecies: optionalText(200),
});

export const routeLeg = z.object({
  role: enumOf(LEG_ROLES),
  country,
  placeLocode: code(6).optional().nullable(),
  placeIata: code(4).optional().nullable(),
  placeText: optionalText(200),
  date: z.iso.date('must be a date as YYYY-MM-DD').optional().nullable(),
});

export const offenderCount = z.object({
  nationality: country.optional().nullable(),
  gender: enumOf(GENDERS),
  ageBand: enumOf(AGE_BANDS),
  count: z.number().int('must be a whole number').min(1, 'must be at least 1').max(10_000, 'must be at most 10000'),
});

/** What a reporting administration writes. No field can hold nominal data by design; free text is checked. */
export const seizureInput = z.object({
  seizedAt: z.iso.datetime({ offset: true, message: 'must be a date and time in ISO 8601, e.g. 2026-03-01T14:30:00Z' }),
  country,
  placeLocode: code(6).optional().nullable(),
  placeIata: code(4).optional().nullable(),
  placeText: optionalText(200),
  lat: z.number().min(-90).max(90).optional().nullable(),
  lng: z.number().min(-180).max(180).optional().nullable(),
  locationType: enumOf(LOCATION_TYPES),
  direction: enumOf(DIRECTIONS),
  detectionMethods: z.array(code(40)).max(10).default([]),
  concealmentMethods: z.array(code(40)).max(10).default([]),
  concealmentDetail: optionalText(1000),
  transportMode: enumOf(TRANSPORT_MODES).optional().nullable(),
  conveyanceType: enumOf(CONVEYANCE_TYPES).optional().nullable(),
  route: z.array(routeLeg).max(MAX_LEGS, `at most ${MAX_LEGS} legs`).default([]),
  commodities: z.array(commodityLine).min(1, 'needs at least one commodity line').max(MAX_LINES, `at most ${MAX_LINES} lines`),
  offenders: z.array(offenderCount).max(100).default([]),
  narrative: optionalText(10_000),
  externalRef: optionalText(100),
  /** The user saw the warnings about text that looks like personal data and confirms it is not. */
  acceptNominalWarnings: z.boolean().optional(),
});
export type SeizureInput = z.infer<typeof seizureInput>;

const photo = z.object({ id: z.uuid(), name: z.string(), mime: z.string(), size: z.number(), caption: z.string().nullable(), createdAt: z.string() });

export const seizure = z.object({
  id: z.uuid(),
  reference: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  status: enumOf(STATUSES),
  provenance: enumOf(PROVENANCES),
  externalRef: z.string().nullable(),
  seizedAt: z.string(),
  country: z.string(),
  region: z.string().nullable(),
  rilo: z.string().nullable(),
  placeLocode: z.string().nullable(),
  placeIata: z.string().nullable(),
  placeText: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  locationType: z.string(),
  direction: z.string(),
  detectionMethods: z.array(z.string()),
  concealmentMethods: z.array(z.string()),
  concealmentDetail: z.string().nullable(),
  transportMode: z.string().nullable(),
  conveyanceType: z.string().nullable(),
  route: z.array(routeLeg.extend({ placeLocode: z.string().nullable(), placeIata: z.string().nullable(), placeText: z.string().nullable(), date: z.string().nullable() })),
  commodities: z.array(
    z.object({
      category: z.string(),
      subcategory: z.string().nullable(),
      hsCode: z.string().nullable(),
      description: z.string().nullable(),
      quantity: z.number(),
      unit: z.string(),
      value: z.number().nullable(),
      currency: z.string().nullable(),
      citesSpecies: z.string().nullable(),
    }),
  ),
  offenders: z.array(offenderCount.extend({ nationality: z.string().nullable() })),
  narrative: z.string().nullable(),
  returnComment: z.string().nullable(),
  photos: z.array(photo),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  validatedAt: z.string().nullable(),
});
export type Seizure = z.infer<typeof seizure>;

export const nominalWarning = z.object({ field: z.string(), kind: z.string(), excerpt: z.string() });
export const seizureWithWarnings = seizure.extend({ warnings: z.array(nominalWarning) });

const csv = <T extends z.ZodType<string>>(inner: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v), z.array(inner).max(50, 'at most 50 values'));

export const SORTS = ['seizedAt', '-seizedAt', 'reference', '-reference', 'country', '-country', 'updatedAt', '-updatedAt'] as const;

/** The search filters, as query parameters (lists comma-separated). The same shape is saved as a saved search. */
export const searchFilters = z.object({
  from: z.iso.date('must be a date as YYYY-MM-DD').optional(),
  to: z.iso.date('must be a date as YYYY-MM-DD').optional(),
  country: csv(country).optional(),
  region: csv(code(10)).optional(),
  routeCountry: csv(country).optional().describe('Any leg of the route (departure, transit or destination)'),
  departure: csv(country).optional(),
  destination: csv(country).optional(),
  category: csv(code(40)).optional(),
  hs: z.string().trim().regex(/^\d{2}(\d{2}){0,2}$/, 'must be 2, 4 or 6 digits').optional().describe('HS code prefix'),
  detection: csv(code(40)).optional(),
  concealment: csv(code(40)).optional(),
  transport: csv(enumOf(TRANSPORT_MODES)).optional(),
  status: csv(enumOf(STATUSES)).optional(),
  org: z.uuid('must be a UUID').optional(),
  q: z.string().trim().max(200, 'must be at most 200 characters').optional().describe('Free text: narrative, descriptions, concealment detail, places'),
  externalRef: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(100, 'must be at most 100 characters')
    .optional()
    .describe("Your administration's own reference, exactly (an import row, a national node's seizure id): finds the seizure stored under it"),
});
export type SearchFilters = z.infer<typeof searchFilters>;

export const listQuery = searchFilters.extend({
  sort: enumOf(SORTS).default('-seizedAt'),
  page: z.coerce.number().int().min(1, 'must be at least 1').max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1, 'must be at least 1').max(200, 'must be at most 200').default(25),
});
export type ListQuery = z.infer<typeof listQuery>;

export const summary = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: z.string(),
  orgName: z.string(),
  seizedAt: z.string(),
  country: z.string(),
  region: z.string().nullable(),
  locationType: z.string(),
  categories: z.array(z.string()),
  departureCountry: z.string().nullable(),
  destinationCountry: z.string().nullable(),
  headline: z.string().describe('The first commodity line, e.g. "120 kg DRUGS.COCAINE"'),
});
/** `total` is exact up to 1,000; beyond it `totalCapped` is true ("1,000+ results"). */
export const summaryPage = z.object({
  items: z.array(summary),
  total: z.number(),
  totalCapped: z.boolean(),
  page: z.number(),
  pageSize: z.number(),
});

export const idParams = z.object({ id: z.uuid('must be a UUID') });
export const reviewBody = z.object({ comment: z.string().trim().max(2000, 'must be at most 2000 characters').optional() });
export const returnBody = z.object({ comment: z.string().trim().min(1, 'a comment saying what to correct is required').max(2000, 'must be at most 2000 characters') });
export const historyEntry = z.object({
  id: z.number(),
  at: z.string(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  action: z.string(),
  changes: z.record(z.string(), z.unknown()),
  comment: z.string().nullable(),
});
export const queueItem = summary.extend({ submittedAt: z.string().nullable(), ageHours: z.number() });
export const savedSearchInput = z.object({ name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'), query: searchFilters });
export const savedSearch = savedSearchInput.extend({ id: z.uuid(), createdAt: z.string() });
