import { z } from 'zod';
import { multilineText, plainText, requiredText } from '../platform/http/text-schema.ts';
import { ALERT_STATUSES, FEEDBACK, GLOBAL_STATUSES, HANDLING_CODES, RISK_AREAS, ROUTE_ROLES, SOURCE_RELIABILITY, TRANSPORT_MODES } from './alert-view.ts';

// The zod shapes of the alert routes: requests checked at the boundary, answers documented in the OpenAPI page.

const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { message: `must be one of: ${values.join(', ')}` });
const code = (max: number) => plainText(max).transform((s) => s.toUpperCase());
const day = z.iso.date('must be a date (YYYY-MM-DD)');

export const riskArea = oneOf(RISK_AREAS);
export const handling = oneOf(HANDLING_CODES);
export const sourceReliability = oneOf(SOURCE_RELIABILITY);
export const feedback = oneOf(FEEDBACK);
export const idParams = z.object({ id: z.uuid('must be a UUID') });
const hsCode = z.string().trim().regex(/^\d{2}(\d{2}(\d{2})?)?$/, 'must be an HS chapter, heading or subheading: 2, 4 or 6 digits');

export const commodityLine = z.object({ hsCode, description: plainText(300).default('') });
export const routeLeg = z.object({ role: oneOf(ROUTE_ROLES), country: code(2), place: plainText(100).default('') });

export const alertInput = z.object({
  title: requiredText(200),
  riskArea,
  language: z.string().trim().regex(/^[a-z]{2}$/, 'must be a two-letter language code (ISO 639-1)'),
  commodities: z.array(commodityLine).max(30).default([]),
  modusOperandi: multilineText(10_000).default(''),
  concealmentMethods: z.array(code(40)).max(20).default([]),
  detectionMethods: z.array(code(40)).max(20).default([]),
  route: z.array(routeLeg).max(20).default([]),
  transportMode: oneOf(TRANSPORT_MODES).nullable().default(null),
  conveyance: plainText(200).nullable().default(null),
  indicators: z.array(requiredText(500)).max(50).default([]),
  recommendedAction: multilineText(5000).default(''),
  validFrom: day,
  validUntil: day.nullable().default(null),
  handling,
  sourceReliability,
  infoCredibility: z.number().int().min(1, 'must be 1 to 4').max(4, 'must be 1 to 4'),
  seizureIds: z.array(z.uuid('must be a seizure id')).max(100).default([]),
  warningNumbers: z.array(code(40)).max(50).default([]),
});
export type AlertInput = z.infer<typeof alertInput>;

export const targets = z.object({
  regions: z.array(code(10)).max(10).default([]),
  orgIds: z.array(z.uuid('must be an organisation id')).max(500).default([]),
  listIds: z.array(z.uuid('must be a list id')).max(50).default([]),
  global: z.boolean().default(false),
});
export type TargetsInput = z.infer<typeof targets>;

const iso = z.string();
export const alertSummary = z.object({
  id: z.string(),
  reference: z.string(),
  status: z.enum(ALERT_STATUSES),
  title: z.string(),
  riskArea,
  handling,
  sourceReliability,
  infoCredibility: z.number(),
  authorOrgName: z.string(),
  riloCode: z.string().nullable(),
  validFrom: z.string(),
  validUntil: z.string().nullable(),
  circulatedAt: iso.nullable(),
  globalStatus: z.enum(GLOBAL_STATUSES),
  acknowledged: z.boolean().nullable(),
  updatedAt: iso,
});

export const alertView = alertSummary.extend({
  language: z.string(),
  commodities: z.array(z.object({ hsCode: z.string(), description: z.string() })),
  modusOperandi: z.string(),
  concealmentMethods: z.array(z.string()),
  detectionMethods: z.array(z.string()),
  route: z.array(z.object({ role: z.string(), country: z.string(), place: z.string() })),
  transportMode: z.string().nullable(),
  conveyance: z.string().nullable(),
  indicators: z.array(z.string()),
  recommendedAction: z.string(),
  seizures: z.array(z.object({ id: z.string(), reference: z.string(), seizedAt: z.string() })),
  warningNumbers: z.array(z.string()),
  authorOrgId: z.string(),
  authorName: z.string(),
  returnComment: z.string().nullable(),
  targets: z.object({ regions: z.array(z.string()), orgIds: z.array(z.string()), listIds: z.array(z.string()), global: z.boolean() }).nullable(),
  version: z.number(),
  files: z.array(z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number(), kind: z.enum(['photo', 'attachment']) })),
  /** What the reader may do with it (the buttons the web shows). */
  can: z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    review: z.boolean(),
    circulate: z.boolean(),
    decideGlobal: z.boolean(),
    acknowledge: z.boolean(),
    forward: z.boolean(),
    export: z.boolean(),
    withdraw: z.boolean(),
    seeAcks: z.boolean(),
  }),
  myAck: z.object({ acknowledgedAt: z.string(), feedback: feedback.nullable(), feedbackSeizureId: z.string().nullable(), feedbackComment: z.string().nullable() }).nullable(),
  history: z.array(z.object({ at: z.string(), userName: z.string().nullable(), action: z.string(), comment: z.string().nullable() })),
});

export const listQuery = z.object({
  box: z.enum(['inbox', 'mine', 'review', 'global']).default('inbox').describe('inbox: circulated to my administration; mine: written by it; review: to review (RILO); global: asking global circulation (I2C)'),
  q: plainText(200).optional(),
  riskArea: riskArea.optional(),
  region: code(10).optional().describe("The author's WCO region"),
  handling: handling.optional(),
  from: day.optional(),
  to: day.optional(),
  acknowledged: z.enum(['yes', 'no']).optional(),
  status: z.enum(ALERT_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const ackBody = z.object({
  feedback: feedback.nullable().default(null),
  seizureId: z.uuid('must be a seizure id').nullable().default(null),
  comment: multilineText(2000).nullable().default(null),
});

export const recipientRow = z.object({ orgId: z.string(), orgName: z.string(), country: z.string().nullable(), via: z.string(), addedAt: z.string(), acknowledgedAt: z.string().nullable() });
export const ackRow = z.object({
  orgId: z.string(),
  orgName: z.string(),
  userName: z.string(),
  acknowledgedAt: z.string(),
  feedback: feedback.nullable(),
  feedbackSeizure: z.object({ id: z.string(), reference: z.string() }).nullable(),
  feedbackComment: z.string().nullable(),
  feedbackAt: z.string().nullable(),
});

export const listInput = z.object({ name: requiredText(120), orgIds: z.array(z.uuid('must be an organisation id')).min(1, 'must name at least one organisation').max(1000) });
export const listView = z.object({ id: z.string(), name: z.string(), ownerOrgId: z.string(), orgIds: z.array(z.string()), orgCount: z.number(), updatedAt: z.string() });
