import { useCallback } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api.ts';
import { useErrorMessage } from '../app/forms.tsx';
import { SCREENING_PROBLEM_PREFIX, SCREENING_PROBLEMS } from '../../../server/screening/problem-codes.ts';

/**
 * The server writes its field messages in English; the screening ones an officer meets most are
 * shown in the interface language, any other as the server wrote it.
 */
const KNOWN: { match: RegExp; key: string; params?: (m: RegExpMatchArray) => Record<string, string> }[] = [
  { match: /^needs at least (\d+) fixed characters besides \? and \*$/, key: 'screening.messages.wildcardTooBroad', params: (m) => ({ min: m[1] }) },
  { match: /^is required without fields$/, key: 'screening.messages.identifierOrFields' },
  { match: /^is not a known organisation$/, key: 'screening.messages.unknownOrganisation' },
  { match: /^must be a UUID$/, key: 'screening.messages.uuid' },
  { match: /^must hold at least one item$/, key: 'screening.messages.batchEmpty' },
  { match: /^must hold at most (\d+) items$/, key: 'screening.messages.batchTooLarge', params: (m) => ({ max: m[1] }) },
  { match: /^must be a date as YYYY-MM-DD$/, key: 'screening.messages.date' },
  { match: /^needs at least one serial number$/, key: 'screening.messages.serialRequired' },
];

export function localiseScreeningMessage(message: string, t: TFunction): string {
  for (const known of KNOWN) {
    const m = message.match(known.match);
    if (m) return t(known.key, known.params?.(m) ?? {});
  }
  return message;
}

export function localiseScreeningFields(fields: Record<string, string>, t: TFunction): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([field, message]) => [field, localiseScreeningMessage(message, t)]));
}

/** The sentence for a screening problem in the interface language, or null for any other error. */
export function localiseScreeningProblem(error: unknown, t: TFunction): string | null {
  const type = error instanceof ApiError ? error.problem.type : undefined;
  if (!type?.startsWith(SCREENING_PROBLEM_PREFIX)) return null;
  const code = type.slice(SCREENING_PROBLEM_PREFIX.length);
  return (SCREENING_PROBLEMS as readonly string[]).includes(code) ? t(`screening.problems.${code}`) : null;
}

/** Like useErrorMessage, with the screening problems worded in the interface language. */
export function useScreeningErrorMessage() {
  const { t } = useTranslation();
  const generic = useErrorMessage();
  return useCallback((error: unknown) => localiseScreeningProblem(error, t) ?? generic(error), [t, generic]);
}
