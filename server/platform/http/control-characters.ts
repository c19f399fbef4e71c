import type { FastifyInstance } from 'fastify';
import { Problem } from './problem.ts';

// C0 controls but tab, line feed and carriage return, and DEL. PostgreSQL refuses NUL in text (a 500 before
// this guard); the others are never meant in a field and hide text from the people who read it.
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** The dotted path of the first string holding a control character, or null. Buffers and streams are not walked. */
export function firstControlCharacter(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return CONTROL_CHARACTERS.test(value) ? path : null;
  if (depth > 32 || value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = firstControlCharacter(value[i], `${path}.${i}`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (typeof (value as { pipe?: unknown }).pipe === 'function') return null;
  for (const [key, v] of Object.entries(value)) {
    const found = firstControlCharacter(v, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * Every text field of every route, at the boundary: a JSON body or query string value with a control
 * character is refused with 400 naming the field, before the route's schema or handler sees it (so after
 * the access check, which runs on request).
 */
export function refuseControlCharacters(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const field = firstControlCharacter(request.body, 'body') ?? firstControlCharacter(request.query, 'querystring') ?? firstControlCharacter(request.params, 'params');
    if (field) throw new Problem(400, 'Bad Request', `${field}: must not contain control characters`, [{ field, message: 'must not contain control characters' }]);
  });
}
