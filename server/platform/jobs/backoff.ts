/**
 * Delay before retry number `attempt` (1 = the first retry): doubles each time
 * from `baseMs`, capped at `maxMs`, so a flaky partner is not hammered while a
 * short outage still recovers quickly.
 */
export function retryDelayMs(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}
