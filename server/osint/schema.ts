import { z } from 'zod';
import { OSINT_LANGUAGE_CODES } from './osint-view.ts';

// Not trimmed: the offsets of the places answered are offsets in the strings as sent.
const language = z.enum(OSINT_LANGUAGE_CODES, { message: `must be one of ${OSINT_LANGUAGE_CODES.join(', ')}` });

export const geotagBody = z.object({
  title: z.string({ message: 'is required (a string)' }).min(1, 'is required').max(1_000, 'must be at most 1,000 characters'),
  text: z.string({ message: 'must be a string' }).max(100_000, 'must be at most 100,000 characters').default(''),
  language: language.optional(),
});

export const geotagResponse = z.object({
  countries: z.array(z.string()),
  focus: z.string().nullable(),
  places: z.array(z.object({ name: z.string(), country: z.string(), start: z.number().int(), end: z.number().int(), field: z.enum(['title', 'text']) })),
  language: z.string(),
});

export const languageBody = z.object({
  text: z.string({ message: 'is required (a string)' }).min(1, 'is required').max(100_000, 'must be at most 100,000 characters'),
  /** The feed's declared language, taken when the text leaves the choice close. */
  prior: language.optional(),
  candidates: z.array(language).max(OSINT_LANGUAGE_CODES.length).optional(),
});

export const languageResponse = z.object({ language: z.string(), confidence: z.number() });
