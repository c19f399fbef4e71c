import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScreeningHit } from './screening-api.ts';

const MINUTE = 60_000;

/** The present, refreshed every half minute, so that a validation clock counts down by itself. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), MINUTE / 2);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/** Whole minutes left until a date: positive before it, negative after, never “minus zero”. */
export function minutesLeft(dueAt: string, now: number): number {
  const minutes = Math.round((new Date(dueAt).getTime() - now) / MINUTE);
  return minutes === 0 ? 0 : minutes;
}

/** What the one-hour validation clock of a hit shows: time left, overdue, or nothing once decided. */
export function useValidationClock() {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const relative = new Intl.RelativeTimeFormat(i18n.language, { numeric: 'auto' });
  return (hit: Pick<ScreeningHit, 'status' | 'validationDueAt' | 'overdue'>): { text: string; overdue: boolean } | null => {
    if (hit.status !== 'pending') return null;
    const minutes = minutesLeft(hit.validationDueAt, now);
    if (hit.overdue || minutes < 0) return { text: t('screening.hitList.overdue', { when: relative.format(Math.min(minutes, 0), 'minute') }), overdue: true };
    return { text: t('screening.hitList.dueIn', { when: relative.format(minutes, 'minute') }), overdue: false };
  };
}
