import type { LegRole, Seizure, SeizureInput } from './seizures-api.ts';

/** The seizure form as the user edits it: text in inputs, numbers parsed on the way out. */
export interface LineState {
  key: number;
  /** The taxonomy code chosen: a category (DRUGS) or a subcategory (DRUGS.COCAINE). */
  commodity: string | null;
  hsCode: string | null;
  description: string;
  quantity: string;
  unit: string;
  value: string;
  currency: string | null;
  citesSpecies: string;
}

export interface LegState {
  key: number;
  role: LegRole;
  country: string | null;
  placeLocode: string | null;
  placeIata: string | null;
  placeText: string;
  date: string;
}

export interface OffenderState {
  key: number;
  nationality: string | null;
  gender: string;
  ageBand: string;
  count: string;
}

export interface FormState {
  seizedAt: string;
  country: string | null;
  placeLocode: string | null;
  placeIata: string | null;
  placeText: string;
  locationType: string;
  direction: string;
  transportMode: string;
  conveyanceType: string;
  detectionMethods: string[];
  concealmentMethods: string[];
  concealmentDetail: string;
  commodities: LineState[];
  route: LegState[];
  offenders: OffenderState[];
  narrative: string;
  externalRef: string;
}

let nextKey = 1;
export const newKey = () => nextKey++;

export const emptyLine = (): LineState => ({ key: newKey(), commodity: null, hsCode: null, description: '', quantity: '', unit: '', value: '', currency: null, citesSpecies: '' });
export const emptyLeg = (role: LegRole): LegState => ({ key: newKey(), role, country: null, placeLocode: null, placeIata: null, placeText: '', date: '' });
export const emptyOffender = (): OffenderState => ({ key: newKey(), nationality: null, gender: 'unknown', ageBand: 'unknown', count: '1' });

/** "2026-03-01T14:30" for a datetime-local input, in the browser's time zone. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A new record: now, in the reporting administration's country (an NCP records its own seizures). */
export function emptyForm(country: string | null = null): FormState {
  return {
    seizedAt: toLocalInput(new Date().toISOString()),
    country,
    placeLocode: null,
    placeIata: null,
    placeText: '',
    locationType: '',
    direction: '',
    transportMode: '',
    conveyanceType: '',
    detectionMethods: [],
    concealmentMethods: [],
    concealmentDetail: '',
    commodities: [emptyLine()],
    route: [],
    offenders: [],
    narrative: '',
    externalRef: '',
  };
}

export function fromSeizure(s: Seizure): FormState {
  return {
    seizedAt: toLocalInput(s.seizedAt),
    country: s.country,
    placeLocode: s.placeLocode,
    placeIata: s.placeIata,
    placeText: s.placeText ?? '',
    locationType: s.locationType,
    direction: s.direction,
    transportMode: s.transportMode ?? '',
    conveyanceType: s.conveyanceType ?? '',
    detectionMethods: [...s.detectionMethods],
    concealmentMethods: [...s.concealmentMethods],
    concealmentDetail: s.concealmentDetail ?? '',
    commodities: s.commodities.map((c) => ({
      key: newKey(),
      commodity: c.subcategory ?? c.category,
      hsCode: c.hsCode,
      description: c.description ?? '',
      quantity: String(c.quantity),
      unit: c.unit,
      value: c.value == null ? '' : String(c.value),
      currency: c.currency,
      citesSpecies: c.citesSpecies ?? '',
    })),
    route: s.route.map((l) => ({ key: newKey(), role: l.role, country: l.country, placeLocode: l.placeLocode, placeIata: l.placeIata, placeText: l.placeText ?? '', date: l.date ?? '' })),
    offenders: s.offenders.map((o) => ({ key: newKey(), nationality: o.nationality, gender: o.gender, ageBand: o.ageBand, count: String(o.count) })),
    narrative: s.narrative ?? '',
    externalRef: s.externalRef ?? '',
  };
}

const text = (v: string) => (v.trim() ? v.trim() : null);
/** A number as typed, in either decimal separator; NaN stays NaN so the server names the field. */
const num = (v: string) => (v.trim() === '' ? null : Number(v.trim().replace(/\s/g, '').replace(',', '.')));

/** Problems the browser can name before asking the server: missing choices and numbers that are not numbers. */
export function localErrors(f: FormState): Record<string, string> {
  const out: Record<string, string> = {};
  if (!f.seizedAt) out.seizedAt = 'required';
  if (!f.country) out.country = 'required';
  if (!f.locationType) out.locationType = 'required';
  if (!f.direction) out.direction = 'required';
  f.commodities.forEach((l, i) => {
    if (!l.commodity) out[`commodities.${i}.category`] = 'required';
    const q = num(l.quantity);
    if (q === null) out[`commodities.${i}.quantity`] = 'required';
    else if (Number.isNaN(q)) out[`commodities.${i}.quantity`] = 'number';
    if (!l.unit) out[`commodities.${i}.unit`] = 'required';
    const v = num(l.value);
    if (v !== null && Number.isNaN(v)) out[`commodities.${i}.value`] = 'number';
  });
  f.route.forEach((l, i) => {
    if (!l.country) out[`route.${i}.country`] = 'required';
  });
  f.offenders.forEach((o, i) => {
    const n = num(o.count);
    if (n === null || Number.isNaN(n) || !Number.isInteger(n)) out[`offenders.${i}.count`] = 'number';
  });
  return out;
}

export function toInput(f: FormState): SeizureInput {
  return {
    seizedAt: f.seizedAt ? new Date(f.seizedAt).toISOString() : '',
    country: f.country ?? '',
    placeLocode: f.placeLocode,
    placeIata: f.placeIata,
    placeText: text(f.placeText),
    locationType: f.locationType,
    direction: f.direction,
    transportMode: f.transportMode || null,
    conveyanceType: f.conveyanceType || null,
    detectionMethods: f.detectionMethods,
    concealmentMethods: f.concealmentMethods,
    concealmentDetail: text(f.concealmentDetail),
    commodities: f.commodities.map((l) => {
      const [category, sub] = (l.commodity ?? '').split('.');
      return {
        category: category ?? '',
        subcategory: sub ? l.commodity : null,
        hsCode: l.hsCode,
        description: text(l.description),
        quantity: num(l.quantity) ?? 0,
        unit: l.unit,
        value: num(l.value),
        currency: l.currency,
        citesSpecies: text(l.citesSpecies),
      };
    }),
    route: f.route.map((l) => ({ role: l.role, country: l.country ?? '', placeLocode: l.placeLocode, placeIata: l.placeIata, placeText: text(l.placeText), date: l.date || null })),
    offenders: f.offenders.map((o) => ({ nationality: o.nationality, gender: o.gender, ageBand: o.ageBand, count: num(o.count) ?? 0 })),
    narrative: text(f.narrative),
    externalRef: text(f.externalRef),
  };
}

/** Moves item `from` by `delta` places (−1 up, +1 down). */
export function move<T>(items: T[], from: number, delta: number): T[] {
  const to = from + delta;
  if (to < 0 || to >= items.length) return items;
  const out = [...items];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item);
  return out;
}
