import { sql } from 'drizzle-orm';
import { type Db, execRows } from '../platform/db/database.ts';
import { isoTime } from '../platform/db/timestamps.ts';
import { textArray, uuidArray } from '../platform/db/pg-array.ts';
import type { AlertContent, AlertStatus, GlobalStatus, Targets } from './alert-view.ts';
import type { AlertInput } from './schema.ts';

/** An alert as stored, with its author's names. */
export interface AlertRow extends AlertContent {
  id: string;
  reference: string;
  status: AlertStatus;
  authorOrgId: string;
  authorOrgName: string;
  authorId: string;
  authorName: string;
  region: string | null;
  riloCode: string | null;
  returnComment: string | null;
  targets: Targets | null;
  globalStatus: GlobalStatus;
  version: number;
  circulatedAt: string | null;
  updatedAt: string;
}

const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
const day = (v: unknown) => (v == null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

export const ALERT_COLUMNS = sql.raw(`a.id, a.reference, a.status, a.title, a.risk_area AS "riskArea", a.language, a.commodities,
  a.modus_operandi AS "modusOperandi", a.concealment_methods AS "concealmentMethods", a.detection_methods AS "detectionMethods", a.route,
  a.transport_mode AS "transportMode", a.conveyance, a.indicators, a.recommended_action AS "recommendedAction",
  a.valid_from::text AS "validFrom", a.valid_until::text AS "validUntil", a.handling, a.source_reliability AS "sourceReliability",
  a.info_credibility AS "infoCredibility", a.seizure_ids AS "seizureIds", a.warning_numbers AS "warningNumbers",
  a.author_org_id AS "authorOrgId", o.name AS "authorOrgName", a.author_id AS "authorId", coalesce(u.display_name, '') AS "authorName",
  a.region, a.rilo_code AS "riloCode", a.return_comment AS "returnComment", a.targets, a.global_status AS "globalStatus", a.version,
  a.circulated_at AS "circulatedAt", a.updated_at AS "updatedAt"`);
export const ALERT_FROM = sql.raw(`alerts a JOIN identity_organisations o ON o.id = a.author_org_id LEFT JOIN identity_users u ON u.id = a.author_id`);

export function shapeRow(r: Record<string, unknown>): AlertRow {
  return {
    ...(r as unknown as AlertRow),
    commodities: json(r.commodities),
    route: json(r.route),
    indicators: json(r.indicators),
    targets: r.targets == null ? null : json<Targets>(r.targets),
    validFrom: day(r.validFrom)!,
    validUntil: day(r.validUntil),
    circulatedAt: isoTime(r.circulatedAt as string | null),
    updatedAt: isoTime(r.updatedAt as string),
  };
}

export async function loadAlert(tx: Db, id: string, forUpdate = false): Promise<AlertRow | null> {
  const rows = await execRows(tx, sql`SELECT ${ALERT_COLUMNS} FROM ${ALERT_FROM} WHERE a.id = ${id}::uuid${forUpdate ? sql` FOR UPDATE OF a` : sql``}`);
  return rows[0] ? shapeRow(rows[0]) : null;
}

/** The columns an alert's content sets, with what is derived from it (HS codes and route countries for filters). */
export function contentValues(input: AlertInput) {
  return sql`title = ${input.title}, risk_area = ${input.riskArea}, language = ${input.language},
    commodities = ${JSON.stringify(input.commodities)}::jsonb, hs_codes = ${textArray(input.commodities.map((c) => c.hsCode))},
    modus_operandi = ${input.modusOperandi}, concealment_methods = ${textArray(input.concealmentMethods)},
    detection_methods = ${textArray(input.detectionMethods)}, route = ${JSON.stringify(input.route)}::jsonb,
    route_countries = ${textArray([...new Set(input.route.map((l) => l.country))])},
    transport_mode = ${input.transportMode}, conveyance = ${input.conveyance}, indicators = ${JSON.stringify(input.indicators)}::jsonb,
    recommended_action = ${input.recommendedAction}, valid_from = ${input.validFrom}::date, valid_until = ${input.validUntil}::date,
    handling = ${input.handling}, source_reliability = ${input.sourceReliability}, info_credibility = ${input.infoCredibility},
    seizure_ids = ${uuidArray(input.seizureIds)}, warning_numbers = ${textArray(input.warningNumbers)}`;
}

export async function addHistory(tx: Db, alertId: string, userId: string | null, action: string, comment: string | null = null) {
  await tx.execute(sql`INSERT INTO alert_history (alert_id, user_id, action, comment) VALUES (${alertId}, ${userId}, ${action}, ${comment})`);
}
