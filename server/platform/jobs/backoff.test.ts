import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './backoff.ts';
import { nextCronTime } from './cron.ts';

describe('retry back-off', () => {
  it('doubles from the base and stops at the cap', () => {
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, 1000, 60_000))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(30, 1000, 60_000)).toBe(60_000);
  });
});

describe('cron times', () => {
  it('finds the next matching time strictly after the given one', () => {
    expect(nextCronTime('*/15 * * * *', 'UTC', new Date('2025-03-01T10:07:00Z')).toISOString()).toBe('2025-03-01T10:15:00.000Z');
    expect(nextCronTime('*/15 * * * *', 'UTC', new Date('2025-03-01T10:15:00Z')).toISOString()).toBe('2025-03-01T10:30:00.000Z');
  });

  it('counts in the given time zone', () => {
    // 06:00 in Brussels is 05:00 UTC in winter.
    expect(nextCronTime('0 6 * * *', 'Europe/Brussels', new Date('2025-01-10T12:00:00Z')).toISOString()).toBe('2025-01-11T05:00:00.000Z');
  });

  it('names the bad expression', () => {
    expect(() => nextCronTime('not a cron', 'UTC', new Date())).toThrow(/not a cron/);
    expect(() => nextCronTime('0 6 * * *', 'Mars/Olympus', new Date())).toThrow();
  });
});
