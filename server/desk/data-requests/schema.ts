import { z } from 'zod';
import { multilineText, plainText } from '../../platform/http/text-schema.ts';
import { EXTRACT_CATEGORIES } from '../../seizures/index.ts';
import { DATA_REQUEST_STATUSES, DECISIONS, EXTRACT_FORMATS, EXTRACT_REGIONS } from './data-requests-view.ts';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD').refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'must be a real date');
const riskAreas = z.array(z.enum(EXTRACT_CATEGORIES, { message: `must be one of ${EXTRACT_CATEGORIES.join(', ')}` })).max(EXTRACT_CATEGORIES.length).default([]);
const regions = z.array(z.enum(EXTRACT_REGIONS, { message: `must be one of ${EXTRACT_REGIONS.join(', ')}` })).max(EXTRACT_REGIONS.length).default([]);
// Names are checked against the seizure database's allowlist by the service: a field outside it is a 422 naming it.
const fields = z.array(plainText(60)).min(1, 'name at least one field').max(40);

const scope = z
  .object({ from: date, to: date, riskAreas, regions, fields })
  .refine((s) => s.to >= s.from, { message: 'must not be before the start of the period', path: ['to'] });
export type ScopeInput = z.infer<typeof scope>;

export const requestInput = z
  .object({
    purpose: multilineText(4000).refine((s) => s.length >= 20, 'describe the analytical purpose (at least 20 characters)'),
    from: date,
    to: date,
    riskAreas,
    regions,
    fields,
    format: z.enum(EXTRACT_FORMATS, { message: 'must be csv or xlsx' }).default('csv'),
  })
  .refine((s) => s.to >= s.from, { message: 'must not be before the start of the period', path: ['to'] });
export type RequestInput = z.infer<typeof requestInput>;

export const decisionInput = z.object({
  decision: z.enum(DECISIONS, { message: 'must be approve, narrow or refuse' }),
  reason: multilineText(2000).default(''),
  /** For "narrow": the scope approved, within the one requested. */
  scope: scope.optional(),
});
export type DecisionInput = z.infer<typeof decisionInput>;

export const listQuery = z.object({
  status: z.enum(DATA_REQUEST_STATUSES, { message: `must be one of ${DATA_REQUEST_STATUSES.join(', ')}` }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type ListQuery = z.infer<typeof listQuery>;

const scopeView = z.object({ from: z.string(), to: z.string(), riskAreas: z.array(z.string()), regions: z.array(z.string()), fields: z.array(z.string()) });
export const requestView = z.object({
  id: z.string(),
  reference: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  orgShortName: z.string(),
  requesterId: z.string(),
  requesterName: z.string(),
  recordLevel: z.boolean(),
  purpose: z.string(),
  format: z.enum(EXTRACT_FORMATS),
  requested: scopeView,
  approved: scopeView.nullable(),
  status: z.enum(DATA_REQUEST_STATUSES),
  decisionReason: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  fulfilledAt: z.string().nullable(),
  download: z.object({ path: z.string(), dictionaryPath: z.string(), expiresAt: z.string(), expired: z.boolean() }).nullable(),
  downloads: z.number(),
  createdAt: z.string(),
});
