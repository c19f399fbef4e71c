import { z } from 'zod';
import { multilineText, plainText, requiredText } from '../../platform/http/text-schema.ts';
import { TRANSPORT_MODES } from '../alert-view.ts';
import { handling, riskArea } from '../schema.ts';
import { CONVEYANCE_TYPES, UNITS } from '../../seizures/index.ts';

// The zod shapes of the intelligence-profile routes.

const code = (max: number) => plainText(max).transform((s) => s.toUpperCase());
const day = z.iso.date('must be a date (YYYY-MM-DD)');
const list = <T extends z.ZodType>(item: T, max = 50) => z.array(item).max(max).default([]);

export const indicators = z.object({
  hsPrefixes: list(z.string().trim().regex(/^\d{2}(\d{2}(\d{2})?)?$/, 'must be an HS chapter, heading or subheading: 2, 4 or 6 digits')),
  countries: list(code(2)).describe('The country of seizure'),
  routeCountries: list(code(2)).describe('Any country of the route'),
  concealmentMethods: list(code(40)),
  detectionMethods: list(code(40)),
  transportModes: list(z.enum(TRANSPORT_MODES, { message: `must be one of: ${TRANSPORT_MODES.join(', ')}` })),
  conveyanceTypes: list(z.enum(CONVEYANCE_TYPES, { message: `must be one of: ${CONVEYANCE_TYPES.join(', ')}` })),
  places: list(z.string().trim().toUpperCase().regex(/^([A-Z]{2}[A-Z2-9]{3}|[A-Z]{3})$/, 'must be a UN/LOCODE (5 characters) or an IATA code (3 letters)')),
  minQuantity: z.number().positive('must be more than 0').nullable().default(null),
  quantityUnit: z.enum(UNITS, { message: `must be one of: ${UNITS.join(', ')}` }).nullable().default(null),
  periodFrom: day.nullable().default(null),
  periodTo: day.nullable().default(null),
});
export type Indicators = z.infer<typeof indicators>;

export const profileInput = z.object({
  title: requiredText(200),
  narrative: multilineText(20_000).default(''),
  riskArea,
  handling,
  active: z.boolean().default(true),
  indicators,
  recipients: z.object({ orgIds: list(z.uuid('must be an organisation id'), 500), listIds: list(z.uuid('must be a list id'), 50), regions: list(code(10), 10) }).default({ orgIds: [], listIds: [], regions: [] }),
});
export type ProfileInput = z.infer<typeof profileInput>;

export const profileSummary = z.object({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  riskArea,
  handling,
  active: z.boolean(),
  ownerOrgName: z.string(),
  matches: z.number(),
  lastMatchAt: z.string().nullable(),
  updatedAt: z.string(),
});

const strings = z.array(z.string());
/** The indicators as answered (the request shape has defaults and normalising transforms). */
export const indicatorsView = z.object({
  hsPrefixes: strings,
  countries: strings,
  routeCountries: strings,
  concealmentMethods: strings,
  detectionMethods: strings,
  transportModes: z.array(z.enum(TRANSPORT_MODES)),
  conveyanceTypes: z.array(z.enum(CONVEYANCE_TYPES)),
  places: strings,
  minQuantity: z.number().nullable(),
  quantityUnit: z.enum(UNITS).nullable(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
});

export const profileView = profileSummary.extend({
  narrative: z.string(),
  indicators: indicatorsView,
  recipientOrgs: z.array(z.object({ id: z.string(), name: z.string() })),
  ownerOrgId: z.string(),
  canEdit: z.boolean(),
});

export const matchRow = z.object({ seizureId: z.string(), reference: z.string(), seizedAt: z.string(), country: z.string(), reasons: z.array(z.string()), matchedAt: z.string().nullable() });
export const backTestBody = z.object({ indicators, from: day.nullable().default(null), to: day.nullable().default(null), limit: z.number().int().min(1).max(1000).default(100) });
export const backTestResult = z.object({ total: z.number(), share: z.number().describe('Of all validated seizures in the period'), seizures: z.array(matchRow) });
