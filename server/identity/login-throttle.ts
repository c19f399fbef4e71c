/**
 * Per-address limit on sign-in attempts, on top of the per-account lockout, so one
 * address cannot try many accounts. Kept in memory: each node limits on its own,
 * which bounds the total to N times the limit behind a load balancer.
 */
export function createLoginThrottle(limit = 30, windowMs = 5 * 60_000) {
  const hits = new Map<string, number[]>();
  return {
    /** Returns the time to wait in ms, or 0 when the attempt may go ahead. */
    attempt(ip: string, now = Date.now()): number {
      const recent = (hits.get(ip) ?? []).filter((t) => now - t < windowMs);
      if (recent.length >= limit) {
        hits.set(ip, recent);
        return windowMs - (now - recent[0]);
      }
      recent.push(now);
      hits.set(ip, recent);
      if (hits.size > 10_000) for (const [k, v] of hits) if (v.every((t) => now - t >= windowMs)) hits.delete(k);
      return 0;
    },
  };
}
