import { v5 as uuidv5 } from 'uuid';
import { TLP_OF, type HandlingCode } from '../alert-view.ts';
import type { AlertRow } from '../store.ts';
import type { Bundle, StixObject } from './schema.ts';

/** The namespace of OpenCEN's STIX identifiers: an object's id is a UUID v5 of what it stands for, so that re-export is stable. */
const NAMESPACE = 'a3f5c1e2-6b4d-5e8f-9a0b-1c2d3e4f5a6b';
const stixId = (type: string, name: string) => `${type}--${uuidv5(name, NAMESPACE)}`;
export const reportId = (alertId: string) => stixId('report', `alert:${alertId}`);
export const indicatorId = (alertId: string) => stixId('indicator', `alert:${alertId}`);
export const identityId = (orgId: string) => stixId('identity', `organisation:${orgId}`);

/** The TLP 2.0 marking definitions (FIRST TLP 2.0, as published for STIX 2.1 by the OASIS CTI TC). */
export const TLP2_EXTENSION = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';
export const TLP2_MARKINGS = {
  clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'amber+strict': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
} as const;
/** The TLP 1.0 marking definitions of the STIX 2.1 specification (section 7.2.1.4), read on import. */
export const TLP1_MARKINGS = {
  white: 'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9',
  green: 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da',
  amber: 'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82',
  red: 'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed',
} as const;

export function tlpMarkingOf(code: HandlingCode): string {
  return TLP2_MARKINGS[TLP_OF[code]];
}

export function tlpMarkingDefinition(code: HandlingCode): StixObject {
  const level = TLP_OF[code];
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: TLP2_MARKINGS[level],
    created: '2022-10-01T00:00:00.000Z',
    name: `TLP:${level.toUpperCase()}`,
    extensions: { [TLP2_EXTENSION]: { extension_type: 'property-extension', tlp_2_0: level } },
  };
}

/** What the export needs beside the stored alert: when it was made and its author's directory entry. */
export interface ExportAlert extends AlertRow {
  createdAt: string;
  authorOrgCountry: string | null;
  authorOrgCreatedAt: string;
}

const quote = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const CONSIGNMENT = 'x-opencen-consignment';

/**
 * The alert's targeting as a STIX pattern over a custom observable, a consignment: its goods' HS codes
 * (any of them, as a prefix), every country of its route, its mode of transport.
 */
export function alertPattern(a: Pick<AlertRow, 'commodities' | 'route' | 'transportMode' | 'riskArea'>): string {
  const groups: string[] = [];
  const hs = [...new Set(a.commodities.map((c) => c.hsCode))];
  if (hs.length) groups.push(hs.map((h) => `${CONSIGNMENT}:goods[*].hs_code LIKE ${quote(`${h}%`)}`).join(' OR '));
  const countries = [...new Set(a.route.map((l) => l.country))];
  if (countries.length) groups.push(countries.map((c) => `${CONSIGNMENT}:route[*].country = ${quote(c)}`).join(' AND '));
  if (a.transportMode) groups.push(`${CONSIGNMENT}:transport_mode = ${quote(a.transportMode)}`);
  if (!groups.length) groups.push(`${CONSIGNMENT}:risk_area = ${quote(a.riskArea)}`);
  return `[${groups.map((g) => (groups.length > 1 ? `(${g})` : g)).join(' AND ')}]`;
}

const ms = (iso: string) => new Date(iso).toISOString();
const dayStart = (day: string) => `${day}T00:00:00.000Z`;
const nextDayStart = (day: string) => new Date(Date.parse(dayStart(day)) + 86_400_000).toISOString();

function description(a: AlertRow): string {
  const parts: string[] = [];
  if (a.modusOperandi) parts.push(`Modus operandi:\n${a.modusOperandi}`);
  if (a.indicators.length) parts.push(`Risk indicators:\n${a.indicators.map((i) => `- ${i}`).join('\n')}`);
  if (a.recommendedAction) parts.push(`Recommended action:\n${a.recommendedAction}`);
  return parts.join('\n\n') || a.title;
}

/** The author's administration as a STIX identity. */
export function authorIdentity(a: ExportAlert): StixObject {
  const created = ms(a.authorOrgCreatedAt);
  return {
    type: 'identity',
    spec_version: '2.1',
    id: identityId(a.authorOrgId),
    created,
    modified: created,
    name: a.authorOrgName,
    identity_class: 'organization',
    sectors: ['government-national'],
    object_marking_refs: [tlpMarkingOf(a.handling)],
    ...(a.authorOrgCountry ? { x_opencen_country: a.authorOrgCountry } : {}),
  };
}

/** The STIX objects of one alert: its report, its indicator and its author's identity (marking definitions apart). */
export function alertObjects(a: ExportAlert): StixObject[] {
  const marking = [tlpMarkingOf(a.handling)];
  const created = ms(a.createdAt);
  const modified = new Date(Math.max(Date.parse(a.updatedAt), Date.parse(a.createdAt))).toISOString();
  const author = identityId(a.authorOrgId);
  const indicator: StixObject = {
    type: 'indicator',
    spec_version: '2.1',
    id: indicatorId(a.id),
    created_by_ref: author,
    created,
    modified,
    name: `${a.reference}: ${a.title}`,
    ...(a.indicators.length ? { description: a.indicators.join('\n') } : {}),
    indicator_types: ['suspicious-activity'],
    pattern: alertPattern(a),
    pattern_type: 'stix',
    pattern_version: '2.1',
    valid_from: dayStart(a.validFrom),
    ...(a.validUntil ? { valid_until: nextDayStart(a.validUntil) } : {}),
    labels: [a.riskArea],
    object_marking_refs: marking,
  };
  const report: StixObject = {
    type: 'report',
    spec_version: '2.1',
    id: reportId(a.id),
    created_by_ref: author,
    created,
    modified,
    name: a.title,
    description: description(a),
    published: ms(a.circulatedAt ?? a.updatedAt),
    report_types: ['threat-report', 'indicator'],
    labels: ['customs-alert', `risk-area:${a.riskArea}`],
    lang: a.language,
    object_refs: [indicator.id],
    external_references: [{ source_name: 'opencen', external_id: a.reference }],
    object_marking_refs: marking,
    x_opencen_reference: a.reference,
    x_opencen_status: a.status,
    x_opencen_handling: a.handling,
    x_opencen_source_reliability: a.sourceReliability,
    x_opencen_info_credibility: a.infoCredibility,
    x_opencen_grading: `${a.sourceReliability}${a.infoCredibility}`,
    x_opencen_risk_area: a.riskArea,
    x_opencen_language: a.language,
    x_opencen_commodities: a.commodities,
    x_opencen_route: a.route,
    x_opencen_transport_mode: a.transportMode,
    x_opencen_conveyance: a.conveyance,
    x_opencen_concealment_methods: a.concealmentMethods,
    x_opencen_detection_methods: a.detectionMethods,
    x_opencen_modus_operandi: a.modusOperandi,
    x_opencen_indicators: a.indicators,
    x_opencen_recommended_action: a.recommendedAction,
    x_opencen_valid_from: a.validFrom,
    x_opencen_valid_until: a.validUntil,
    x_opencen_warning_numbers: a.warningNumbers,
  };
  return [authorIdentity(a), report, indicator];
}

/** A bundle of one alert: the TLP marking definition, the author's identity, the report and its indicator. */
export function alertBundle(a: ExportAlert): Bundle {
  return {
    type: 'bundle',
    id: stixId('bundle', `alert:${a.id}:${a.version}`),
    objects: [tlpMarkingDefinition(a.handling), ...alertObjects(a)],
  };
}
