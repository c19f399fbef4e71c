import { z } from 'zod';
import { ITEM_STATUSES, MIN_POLL_MINUTES, OSINT_LANGUAGE_CODES, RELIABILITY_GRADES, SOURCE_KINDS } from '../osint-view.ts';

const countryCode = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code (upper case)');

// The scheme is checked by the service (a 422 naming the field); here only the shape of the request.
export const sourceInput = z.object({
  url: z.string({ message: 'is required (an http:// or https:// address)' }).trim().min(1, 'is required').max(2_000, 'must be at most 2,000 characters'),
  kind: z.enum(SOURCE_KINDS, { message: `must be one of ${SOURCE_KINDS.join(', ')}` }),
  name: z.string({ message: 'is required' }).trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
  language: z.enum(OSINT_LANGUAGE_CODES, { message: `must be one of ${OSINT_LANGUAGE_CODES.join(', ')}` }).nullable().default(null),
  country: countryCode.nullable().default(null),
  categoryHints: z.array(z.string().trim().min(1).max(60)).max(20, 'at most 20 hints').default([]),
  pollMinutes: z.number().int().min(MIN_POLL_MINUTES, `must be at least ${MIN_POLL_MINUTES} minutes`).max(7 * 24 * 60, 'must be at most a week').default(15),
  reliability: z.enum(RELIABILITY_GRADES, { message: 'must be A, B, C, D or X' }).default('X'),
  enabled: z.boolean().default(true),
});
export type SourceInput = z.infer<typeof sourceInput>;

const placeView = z.object({ name: z.string(), country: z.string(), start: z.number().int(), end: z.number().int(), field: z.enum(['title', 'text']) });

export const sourceView = z.object({
  id: z.string(),
  url: z.string(),
  kind: z.enum(SOURCE_KINDS),
  name: z.string(),
  language: z.string().nullable(),
  country: z.string().nullable(),
  categoryHints: z.array(z.string()),
  pollMinutes: z.number(),
  reliability: z.enum(RELIABILITY_GRADES),
  enabled: z.boolean(),
  lastFetchAt: z.string().nullable(),
  lastOkAt: z.string().nullable(),
  lastError: z.string().nullable(),
  consecutiveFailures: z.number(),
  nextPollAt: z.string(),
  itemCount: z.number(),
});

export const itemView = z.object({
  id: z.string(),
  sourceId: z.string(),
  sourceName: z.string(),
  title: z.string(),
  summary: z.string(),
  body: z.string(),
  url: z.string(),
  publishedAt: z.string().nullable(),
  fetchedAt: z.string(),
  language: z.string(),
  countries: z.array(z.string()),
  focusCountry: z.string().nullable(),
  places: z.array(placeView),
  status: z.enum(ITEM_STATUSES),
  note: z.string(),
});

export const pollOutcome = z.object({ outcome: z.enum(['ok', 'not-modified', 'failed']), newItems: z.number(), error: z.string().nullable(), source: sourceView });

export const itemQuery = z.object({
  status: z.enum(ITEM_STATUSES, { message: `must be one of ${ITEM_STATUSES.join(', ')}` }).optional(),
  source: z.uuid('must be a source id').optional(),
  language: z.string().regex(/^[a-z]{2,3}$/, 'must be an ISO 639-1 code').optional(),
  country: countryCode.optional(),
  q: z.string().trim().min(1).max(200, 'must be at most 200 characters').optional(),
  limit: z.coerce.number().int().min(1, 'must be at least 1').max(500, 'must be at most 500').default(50),
});
export type ItemQuery = z.infer<typeof itemQuery>;

export const itemPatch = z
  .object({
    status: z.enum(['validated', 'rejected'], { message: 'must be validated or rejected' }).optional(),
    note: z.string().max(5_000, 'must be at most 5,000 characters').optional(),
  })
  .refine((p) => p.status !== undefined || p.note !== undefined, 'give a status, a note or both');
export type ItemPatch = z.infer<typeof itemPatch>;
