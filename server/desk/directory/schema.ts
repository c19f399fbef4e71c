import { z } from 'zod';
import { plainText, requiredText, multilineText } from '../../platform/http/text-schema.ts';
import { RISK_AREAS } from '../../alerts/index.ts';
import { CONTACT_KINDS, SECURE_CHANNELS } from './directory-view.ts';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day, HH:MM');

/** A valid IANA time zone (the one Intl knows). */
const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz.length > 0;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as Europe/Paris');

const hours = z
  .array(z.object({ day: z.number().int().min(1, 'must be 1 (Monday) to 7 (Sunday)').max(7, 'must be 1 (Monday) to 7 (Sunday)'), opens: time, closes: time }).refine((h) => h.opens < h.closes, { message: 'must close after it opens', path: ['closes'] }))
  .max(21);

export const entryInput = z
  .object({
    kind: z.enum(CONTACT_KINDS, { message: `must be one of ${CONTACT_KINDS.join(', ')}` }),
    name: requiredText(200),
    unit: plainText(200).default(''),
    riskAreas: z.array(z.enum(RISK_AREAS, { message: `must be one of ${RISK_AREAS.join(', ')}` })).max(RISK_AREAS.length).default([]),
    languages: z.array(z.string().regex(/^[a-z]{2}$/, 'must be a two-letter language code (ISO 639-1)')).max(20).default([]),
    timeZone,
    alwaysOpen: z.boolean().default(false),
    hours: hours.default([]),
    phone: plainText(60).refine((p) => p === '' || /^\+?[0-9 ().-]{5,}$/.test(p), 'must be a telephone number such as +33 1 44 74 44 74').default(''),
    email: z.union([z.literal(''), z.email('must be an e-mail address').max(200)]).default(''),
    secureChannels: z.array(z.enum(SECURE_CHANNELS, { message: `must be one of ${SECURE_CHANNELS.join(', ')}` })).max(SECURE_CHANNELS.length).default([]),
    notes: multilineText(2000).default(''),
  })
  .refine((e) => e.phone !== '' || e.email !== '', { message: 'give a telephone number or an e-mail address', path: ['phone'] });
export type EntryInput = z.infer<typeof entryInput>;

const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).max(50)).optional();

export const searchQuery = z.object({
  q: plainText(100).optional(),
  country: list(z.string().regex(/^[A-Z]{2}$/, 'must be a country code')),
  region: list(z.string().regex(/^[A-Z]{2,4}$/, 'must be a WCO region code')),
  kind: list(z.enum(CONTACT_KINDS)),
  riskArea: list(z.enum(RISK_AREAS)),
  language: list(z.string().regex(/^[a-z]{2}$/, 'must be a two-letter language code')),
  openNow: z.enum(['true', 'false']).optional(),
  orgId: z.uuid().optional(),
  stale: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type SearchQuery = z.infer<typeof searchQuery>;

export const entryView = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  orgShortName: z.string(),
  orgKind: z.string(),
  country: z.string().nullable(),
  region: z.string().nullable(),
  kind: z.enum(CONTACT_KINDS),
  name: z.string(),
  unit: z.string(),
  riskAreas: z.array(z.string()),
  languages: z.array(z.string()),
  timeZone: z.string(),
  alwaysOpen: z.boolean(),
  hours: z.array(z.object({ day: z.number(), opens: z.string(), closes: z.string() })),
  phone: z.string(),
  email: z.string(),
  secureChannels: z.array(z.string()),
  notes: z.string(),
  confirmedAt: z.string(),
  updatedAt: z.string(),
  stale: z.boolean(),
  openNow: z.boolean(),
});
