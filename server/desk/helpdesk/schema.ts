import { z } from 'zod';
import { multilineText, plainText, requiredText } from '../../platform/http/text-schema.ts';
import { LISTS } from '../../screening/index.ts';
import { ENTRY_KINDS, PRIORITIES, REQUEST_TYPES, STATUSES, type HelpdeskStats, type RequestDetail, type RequestSummary } from './helpdesk-view.ts';

const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { message: `must be one of ${values.join(', ')}` });
const watchListSearch = z.object({
  identifier: requiredText(200),
  list: oneOf(LISTS).nullable().default(null),
});

export const requestInput = z
  .object({
    type: oneOf(REQUEST_TYPES),
    priority: oneOf(PRIORITIES).default('normal'),
    subject: requiredText(200),
    body: multilineText(10_000).refine((s) => s.length > 0, 'is required'),
    search: watchListSearch.nullable().default(null),
  })
  .refine((r) => r.type !== 'watch_list_search' || r.search !== null, { message: 'a watch-list search names the identifier to search', path: ['search'] })
  .refine((r) => r.type === 'watch_list_search' || r.search === null, { message: 'only a watch-list search request carries a search', path: ['search'] });
export type RequestInput = z.infer<typeof requestInput>;

export const messageInput = z.object({
  body: multilineText(10_000).refine((s) => s.length > 0, 'is required'),
  /** An internal note of the I2C, never shown to the member. */
  internal: z.boolean().default(false),
});

export const statusInput = z.object({ status: oneOf(STATUSES), note: multilineText(2000).default('') });
export const manageInput = z
  .object({ assigneeId: z.uuid('must be a user id').nullable().optional(), priority: oneOf(PRIORITIES).optional() })
  .refine((m) => m.assigneeId !== undefined || m.priority !== undefined, { message: 'give an assignee or a priority', path: ['assigneeId'] });
export const closeInput = z.object({
  satisfaction: z.number({ message: 'must be 1 to 5' }).int('must be 1 to 5').min(1, 'must be 1 to 5').max(5, 'must be 1 to 5').nullable().default(null),
  comment: multilineText(2000).default(''),
});

const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).max(20)).optional();
export const queueQuery = z.object({
  status: list(oneOf(STATUSES)),
  type: list(oneOf(REQUEST_TYPES)),
  priority: list(oneOf(PRIORITIES)),
  /** "me", "none" or an officer's id. */
  assignee: z.union([z.enum(['me', 'none']), z.uuid()], { message: 'must be me, none or a user id' }).optional(),
  region: list(z.string().regex(/^[A-Z]{2,4}$/, 'must be a WCO region code')),
  overdue: z.enum(['true', 'false']).optional(),
  q: plainText(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type QueueQuery = z.infer<typeof queueQuery>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD');
export const statsQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() }).refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be before from', path: ['to'] });

const clock = z.object({
  target: z.enum(['first_response', 'resolution', 'none']),
  dueAt: z.string().nullable(),
  paused: z.boolean(),
  overdue: z.boolean(),
  firstResponseMet: z.boolean().nullable(),
  resolutionMet: z.boolean().nullable(),
});
export const requestSummary = z.object({
  id: z.string(),
  reference: z.string(),
  type: z.enum(REQUEST_TYPES),
  priority: z.enum(PRIORITIES),
  status: z.enum(STATUSES),
  subject: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  country: z.string().nullable(),
  region: z.string().nullable(),
  createdBy: z.string(),
  createdByName: z.string(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  firstResponseAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  satisfaction: z.number().nullable(),
  clock,
});
const screeningLink = z.object({
  queryId: z.string(),
  identifier: z.string(),
  list: z.string().nullable(),
  hits: z.array(z.object({ list: z.string(), recordId: z.string(), match: z.string(), detail: z.string() })),
});
const threadEntry = z.object({
  id: z.string(),
  kind: z.enum(ENTRY_KINDS),
  authorId: z.string(),
  authorName: z.string(),
  authorOrgName: z.string(),
  fromI2c: z.boolean(),
  body: z.string(),
  detail: z.object({
    status: z.enum(STATUSES).optional(),
    from: z.enum(STATUSES).optional(),
    assigneeName: z.string().nullable().optional(),
    priority: z.enum(PRIORITIES).optional(),
    fileId: z.string().optional(),
    fileName: z.string().optional(),
    size: z.number().optional(),
    screening: screeningLink.optional(),
  }),
  createdAt: z.string(),
});
export const requestDetail = requestSummary.extend({
  search: z.object({ identifier: z.string(), list: z.string().nullable() }).nullable(),
  satisfactionComment: z.string(),
  entries: z.array(threadEntry),
  can: z.object({ reply: z.boolean(), note: z.boolean(), manage: z.boolean(), runSearch: z.boolean(), close: z.boolean() }),
});
export const statsView = z.object({
  from: z.string(),
  to: z.string(),
  total: z.number(),
  open: z.number(),
  byType: z.array(z.object({ type: z.enum(REQUEST_TYPES), count: z.number() })),
  byRegion: z.array(z.object({ region: z.string().nullable(), count: z.number() })),
  byStatus: z.array(z.object({ status: z.enum(STATUSES), count: z.number() })),
  medianFirstResponseMinutes: z.number().nullable(),
  medianResolutionMinutes: z.number().nullable(),
  firstResponseWithinTarget: z.number().nullable(),
  satisfactionAverage: z.number().nullable(),
  satisfactionCount: z.number(),
});

// The wire types of helpdesk-view.ts (read by the web app) and these schemas describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const SCHEMAS_MATCH_VIEWS: [Same<z.infer<typeof requestSummary>, RequestSummary>, Same<z.infer<typeof requestDetail>, RequestDetail>, Same<z.infer<typeof statsView>, HelpdeskStats>] = [true, true, true];
