import { HANDLING_CODES, RISK_AREAS, type HandlingCode } from '../alert-view.ts';
import { alertInput, type AlertInput } from '../schema.ts';
import { Problem, type FieldError } from '../../platform/http/problem.ts';
import { TLP1_MARKINGS, TLP2_MARKINGS } from './export.ts';
import type { Bundle, StixObject } from './schema.ts';

const HANDLING_OF_MARKING = new Map<string, HandlingCode>([
  [TLP2_MARKINGS.clear, 'H0'],
  [TLP2_MARKINGS.green, 'H1'],
  [TLP2_MARKINGS.amber, 'H2'],
  [TLP2_MARKINGS['amber+strict'], 'H2'],
  [TLP2_MARKINGS.red, 'H3'],
  [TLP1_MARKINGS.white, 'H0'],
  [TLP1_MARKINGS.green, 'H1'],
  [TLP1_MARKINGS.amber, 'H2'],
  [TLP1_MARKINGS.red, 'H3'],
]);

const unprocessable = (errors: FieldError[]) => new Problem(422, 'Unprocessable Content', `The STIX bundle cannot make an alert: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`, errors);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const day = (iso: unknown) => (typeof iso === 'string' ? new Date(iso).toISOString().slice(0, 10) : undefined);
/** An exclusive end (the start of the next day, as OpenCEN exports it) back to the last valid day. */
const lastDay = (iso: unknown) => (typeof iso === 'string' ? new Date(Date.parse(iso) - 1).toISOString().slice(0, 10) : undefined);

/** HS codes and route countries read back from a pattern OpenCEN wrote (or one written alike). */
function fromPattern(pattern: string) {
  const hs = [...pattern.matchAll(/hs_code\s+(?:LIKE|=)\s+'(\d{2}(?:\d{2}(?:\d{2})?)?)\d*%?'/g)].map((m) => m[1]);
  const countries = [...pattern.matchAll(/route\[\*\]\.country\s+=\s+'([A-Z]{2})'/g)].map((m) => m[1]);
  return { hs: [...new Set(hs)], countries: [...new Set(countries)] };
}

/**
 * A draft alert from a STIX bundle: its (first) report and the indicators it refers to. What OpenCEN exported
 * (its x_opencen_ properties) comes back as it was; a foreign bundle gives what STIX can say (name,
 * description, validity, HS codes and countries of OpenCEN-like patterns, the TLP marking as handling code),
 * the grading defaults to X4 (cannot be judged, not known). Answers the alert's input, validated, or 422.
 */
export function alertFromBundle(b: Bundle): AlertInput {
  const objects = (b.objects ?? []) as StixObject[];
  const report = objects.find((o) => o.type === 'report');
  if (!report) throw unprocessable([{ field: 'objects', message: 'the bundle has no report (an alert is imported from a STIX report)' }]);
  const refs = new Set((report.object_refs as string[]) ?? []);
  const indicators = objects.filter((o) => o.type === 'indicator' && refs.has(o.id));
  const x = (name: string) => report[`x_opencen_${name}`];
  const errors: FieldError[] = [];

  const markings = [...((report.object_marking_refs as string[] | undefined) ?? [])];
  const fromMarking = markings.map((m) => HANDLING_OF_MARKING.get(m)).filter((h): h is HandlingCode => !!h);
  const givenHandling = str(x('handling'));
  // The strictest TLP marking given wins; an x_opencen_handling at least as strict is kept.
  const strictest = fromMarking.sort().at(-1);
  let handling: HandlingCode | undefined = HANDLING_CODES.includes(givenHandling as HandlingCode) ? (givenHandling as HandlingCode) : undefined;
  if (strictest && (!handling || strictest > handling)) handling = strictest;
  if (!handling) errors.push({ field: 'handling', message: 'the report carries no TLP marking (object_marking_refs) and no x_opencen_handling: an alert needs a handling code' });

  const patterns = indicators.map((i) => fromPattern(String(i.pattern ?? '')));
  const hs = [...new Set(patterns.flatMap((p) => p.hs))];
  const countries = [...new Set(patterns.flatMap((p) => p.countries))];
  const validFrom = str(x('valid_from')) ?? day(indicators[0]?.valid_from) ?? day(report.published);
  const risk = str(x('risk_area')) ?? ((report.labels as string[] | undefined) ?? []).map((l) => l.replace(/^risk-area:/, '')).find((l) => RISK_AREAS.includes(l as never)) ?? 'other';
  const lang = str(x('language')) ?? str(report.lang)?.slice(0, 2).toLowerCase() ?? 'en';
  const indicatorLines = Array.isArray(x('indicators'))
    ? x('indicators')
    : indicators.flatMap((i) => (str(i.description) ?? str(i.name) ?? '').split('\n')).map((l) => l.trim().slice(0, 500)).filter(Boolean).slice(0, 50);

  const candidate = {
    title: String(report.name ?? '').trim().slice(0, 200),
    riskArea: risk,
    language: /^[a-z]{2}$/.test(lang) ? lang : 'en',
    commodities: x('commodities') ?? hs.map((hsCode) => ({ hsCode, description: '' })),
    modusOperandi: x('modus_operandi') ?? String(report.description ?? '').slice(0, 10_000),
    concealmentMethods: x('concealment_methods') ?? [],
    detectionMethods: x('detection_methods') ?? [],
    route: x('route') ?? countries.map((country) => ({ role: 'transit', country, place: '' })),
    transportMode: x('transport_mode') ?? null,
    conveyance: x('conveyance') ?? null,
    indicators: indicatorLines,
    recommendedAction: x('recommended_action') ?? '',
    validFrom,
    validUntil: x('valid_until') !== undefined ? x('valid_until') : (lastDay(indicators[0]?.valid_until) ?? null),
    handling,
    sourceReliability: x('source_reliability') ?? 'X',
    infoCredibility: x('info_credibility') ?? 4,
    seizureIds: [],
    warningNumbers: x('warning_numbers') ?? [],
  };
  if (!validFrom) errors.push({ field: 'validFrom', message: 'no validity: give the indicator a valid_from' });
  const parsed = alertInput.safeParse(candidate);
  if (!parsed.success)
    for (const i of parsed.error.issues) {
      const field = i.path.join('.');
      if (!errors.some((e) => e.field === field)) errors.push({ field, message: i.message });
    }
  if (errors.length || !parsed.success) throw unprocessable(errors);
  return parsed.data;
}
