import type { Quantity } from './seizures-api.ts';

/** "12.5 kg · 3,000 sticks": quantities per unit, in the interface language. */
export function formatQuantities(quantities: Quantity[], number: (n: number) => string, unit: (u: string) => string): string {
  return quantities.map((q) => `${number(Math.round(q.quantity * 100) / 100)} ${unit(q.unit)}`).join(' · ');
}

/** The change from last year, as "+12 %" or "−5 %"; empty when there was nothing last year. */
export function change(now: number, before: number, locale: string): string {
  if (!before) return '';
  const ratio = (now - before) / before;
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(ratio);
}

/** Month labels of one year in the interface language: Jan … Dec. */
export function monthLabels(locale: string): string[] {
  const f = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, m) => f.format(new Date(Date.UTC(2000, m, 1))));
}

/** SI symbols are the same in every language; the other units are words to translate. */
const SYMBOLS = new Set(['kg', 'g', 'l']);
export function unitLabel(u: string, t: (key: string, options?: Record<string, unknown>) => string): string {
  return SYMBOLS.has(u) ? u : t(`seizures.unitsShort.${u}`, { defaultValue: u });
}
