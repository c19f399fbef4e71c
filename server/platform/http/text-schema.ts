import { z } from 'zod';

// C0 and C1 control characters and NUL: never meant in a field, and NUL breaks PostgreSQL text.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex
const CONTROL_OR_BREAK = /[\u0000-\u001F\u007F-\u009F]/;

/** One line of text, trimmed, at most `max` characters, with no control character (a 400 names the field). */
export function plainText(max: number) {
  return z
    .string({ message: 'must be a string' })
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !CONTROL_OR_BREAK.test(s), 'must not contain control characters or line breaks');
}

/** Free text of several lines (tabs and line breaks allowed), trimmed, at most `max` characters, no other control character. */
export function multilineText(max: number) {
  return z
    .string({ message: 'must be a string' })
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !CONTROL.test(s), 'must not contain control characters');
}

/** Like plainText, and not empty. */
export function requiredText(max: number) {
  return plainText(max).refine((s) => s.length > 0, 'is required');
}
