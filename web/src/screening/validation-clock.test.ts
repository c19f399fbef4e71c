import { describe, expect, it } from 'vitest';
import { minutesLeft } from './validation-clock.ts';

describe('minutesLeft', () => {
  const now = Date.parse('2026-01-01T10:00:00Z');
  it('counts whole minutes before the due time', () => {
    expect(minutesLeft('2026-01-01T10:45:10Z', now)).toBe(45);
  });
  it('goes negative once overdue', () => {
    expect(minutesLeft('2026-01-01T09:50:00Z', now)).toBe(-10);
  });
  it('never gives minus zero', () => {
    expect(Object.is(minutesLeft('2026-01-01T09:59:50Z', now), 0)).toBe(true);
  });
});
