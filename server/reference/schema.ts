import { z } from 'zod';
import { REFERENCE_KINDS } from './reference-view.ts';
import { MAX_LIMIT, MAX_QUERY_LENGTH, UI_LANGS } from './service.ts';

export const kindParams = z.object({
  kind: z.enum(REFERENCE_KINDS, { message: `must be one of: ${REFERENCE_KINDS.join(', ')}` }),
});

export const itemParams = kindParams.extend({
  code: z.string().min(1).max(20, 'must be at most 20 characters'),
});

export const langQuery = z.object({
  lang: z.enum(UI_LANGS, { message: `must be one of: ${UI_LANGS.join(', ')}` }).default('en'),
});

export const searchQuery = langQuery.extend({
  q: z.string().max(MAX_QUERY_LENGTH, `must be at most ${MAX_QUERY_LENGTH} characters`).default(''),
  limit: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(MAX_LIMIT, `must be at most ${MAX_LIMIT}`).default(20),
});

/** Every item has a code and a label in the requested language; the other fields depend on the kind. */
export const referenceItem = z.looseObject({
  code: z.string(),
  label: z.string(),
});

export const searchReply = z.object({ items: z.array(referenceItem) });

export type SearchQuery = z.infer<typeof searchQuery>;
