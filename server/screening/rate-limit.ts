/**
 * Per-user token buckets, kept in the process: a bucket holds up to `perMinute` tokens and refills
 * at `perMinute` a minute, so a user may spend a minute's allowance at once and then goes at the
 * steady rate. Checking costs no database round trip. Each node of a deployment keeps its own
 * buckets (behind a load balancer a user gets the allowance on every node they reach).
 */
export interface Bucket {
  tokens: number;
  at: number;
}

export interface TakeResult {
  ok: boolean;
  /** Whole seconds until the cost would fit (0 when it fits now). */
  retryAfterSeconds: number;
  /** Tokens left after taking, or available when refused. */
  left: number;
}

export function createTokenBuckets(perMinute: number, now: () => number = Date.now) {
  const buckets = new Map<string, Bucket>();
  const ratePerMs = perMinute / 60_000;
  let sweptAt = now();

  /** Drops the buckets that have refilled completely: they hold nothing a fresh bucket would not. */
  function sweep(t: number) {
    if (t - sweptAt < 60_000) return;
    sweptAt = t;
    for (const [k, b] of buckets) if (b.tokens + (t - b.at) * ratePerMs >= perMinute) buckets.delete(k);
  }

  return {
    take(key: string, cost = 1): TakeResult {
      const t = now();
      sweep(t);
      const b = buckets.get(key) ?? { tokens: perMinute, at: t };
      const tokens = Math.min(perMinute, b.tokens + (t - b.at) * ratePerMs);
      if (tokens >= cost) {
        buckets.set(key, { tokens: tokens - cost, at: t });
        return { ok: true, retryAfterSeconds: 0, left: Math.floor(tokens - cost) };
      }
      buckets.set(key, { tokens, at: t });
      // A cost above the whole allowance never fits: the caller is told to wait a full minute.
      const wait = cost > perMinute ? 60 : Math.ceil((cost - tokens) / ratePerMs / 1000);
      return { ok: false, retryAfterSeconds: Math.max(1, wait), left: Math.floor(tokens) };
    },
    size: () => buckets.size,
  };
}

export type TokenBuckets = ReturnType<typeof createTokenBuckets>;
