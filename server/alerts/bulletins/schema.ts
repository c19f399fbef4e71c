import { z } from 'zod';
import { multilineText, plainText, requiredText } from '../../platform/http/text-schema.ts';
import { handling, targets } from '../schema.ts';

// The zod shapes of the analysis-bulletin routes.

const day = z.iso.date('must be a date (YYYY-MM-DD)');
export const BULLETIN_KINDS = ['monthly', 'quarterly', 'ad_hoc'] as const;

export const bulletinInput = z.object({
  title: requiredText(200),
  kind: z.enum(BULLETIN_KINDS, { message: `must be one of: ${BULLETIN_KINDS.join(', ')}` }),
  region: plainText(10).transform((s) => s.toUpperCase()).nullable().default(null).describe('The WCO region the figures cover; null for the world'),
  periodFrom: day,
  periodTo: day,
  language: z.string().trim().regex(/^[a-z]{2}$/, 'must be a two-letter language code (ISO 639-1)'),
  handling,
  sections: z.array(z.object({ heading: requiredText(200), body: multilineText(20_000) })).min(1, 'write at least one section').max(30),
});
export type BulletinInput = z.infer<typeof bulletinInput>;

export const bulletinSummary = z.object({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  kind: z.enum(BULLETIN_KINDS),
  region: z.string().nullable(),
  periodFrom: z.string(),
  periodTo: z.string(),
  handling,
  status: z.enum(['draft', 'published']),
  authorOrgName: z.string(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
});

const counted = z.object({ code: z.string(), seizures: z.number() });
export const bulletinView = bulletinSummary.extend({
  language: z.string(),
  sections: z.array(z.object({ heading: z.string(), body: z.string() })),
  canEdit: z.boolean(),
  figures: z.object({
    seizures: z.number(),
    byCategory: z.array(z.object({ category: z.string(), seizures: z.number() })),
    monthly: z.array(z.object({ month: z.string(), seizures: z.number() })),
    topRoutes: z.array(z.object({ departure: z.string(), destination: z.string(), seizures: z.number() })),
    topConcealment: z.array(counted),
    topDetection: z.array(counted),
    byCountry: z.array(counted),
  }),
  alerts: z.array(z.object({ id: z.string(), reference: z.string(), title: z.string(), riskArea: z.string(), handling, circulatedAt: z.string() })),
});
export type BulletinView = z.infer<typeof bulletinView>;

export const bulletinListQuery = z.object({ q: plainText(200).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) });
export const publishBody = targets;
