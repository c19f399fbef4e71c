import { z } from 'zod';
import type { App } from '../../platform/context.ts';
import type { Access, Role } from '../../platform/http/access.ts';
import { compareNames } from './compare.ts';
import { NAME_KINDS, type NameKind } from './normalise.ts';

export const MAX_NAME_LENGTH = 300;

const name = z
  .string({ message: 'must be a string' })
  .trim()
  .min(1, 'must not be empty')
  .max(MAX_NAME_LENGTH, `must be at most ${MAX_NAME_LENGTH} characters`)
  // eslint-disable-next-line no-control-regex
  .refine((s) => !/[\u0000-\u001F\u007F-\u009F]/.test(s), 'must not contain control characters');

const compareBody = z.object({
  kind: z.enum(NAME_KINDS as [NameKind, ...NameKind[]], { message: `must be one of: ${NAME_KINDS.join(', ')}` }),
  a: name,
  b: name,
});

const compareReply = z.object({
  score: z.number().min(0).max(1).describe('0..1; 1 for the same normalised name'),
  match: z.boolean().describe('the score reaches the threshold of the kind and no number differs'),
  reasons: z.array(z.string()).describe('why: transliteration, phonetic, initial, typo, word order, joined words, title, legal form, …'),
});

/**
 * Who may compare names: national officers with access to nominal data. The national module passes
 * its own access when it registers the route.
 */
export const NAME_COMPARE_ACCESS: readonly Role[] = ['ncp', 'admin'];

export function registerNameRoutes(app: App, access: Access = NAME_COMPARE_ACCESS) {
  app.post(
    '/api/v1/national/names/compare',
    {
      config: { access },
      schema: {
        tags: ['national'],
        summary: 'Compare two names of a person, company, organisation or vessel',
        description:
          'The scorer that ranks entity candidates: names in Latin, Cyrillic, Greek, Arabic, Persian or romanised Chinese, robust to word order, legal forms, initials, typos, joined words and titles. Answers the score (0..1), whether it is a match for the kind, and the reasons.',
        body: compareBody,
        response: { 200: compareReply },
      },
    },
    async (request) => {
      const body = request.body as z.infer<typeof compareBody>;
      return compareNames(body.kind, body.a, body.b);
    },
  );
}
