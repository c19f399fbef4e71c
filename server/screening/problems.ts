import { Problem, type FieldError } from '../platform/http/problem.ts';
import { SCREENING_PROBLEM_PREFIX, type ScreeningProblemCode } from './problem-codes.ts';

/**
 * The screening module's expected failures, each with its own RFC 9457 `type`, so that a client
 * (the web app, a national system) can tell them apart and word them in its own language; `detail`
 * stays an English sentence for people reading the raw answer.
 */
export const problemType = (code: ScreeningProblemCode) => `${SCREENING_PROBLEM_PREFIX}${code}`;

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  403: 'Forbidden',
  409: 'Conflict',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
};

export function screeningProblem(status: number, code: ScreeningProblemCode, detail: string, errors?: FieldError[]): Problem {
  return new Problem(status, TITLES[status] ?? 'Error', detail, errors, problemType(code));
}

/** A 429 that also says, in a Retry-After header, when the caller may try again. */
export class RateLimited extends Problem {
  constructor(
    detail: string,
    public retryAfterSeconds: number,
  ) {
    super(429, 'Too Many Requests', detail, undefined, problemType('rate-limited'));
  }
}
