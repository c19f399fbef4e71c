import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../platform/context.ts';
import type { Principal } from '../platform/http/access.ts';
import { forbidden, notFound } from '../platform/http/problem.ts';
import { isoTime } from '../platform/db/timestamps.ts';
import { seizureLabels } from '../seizures/index.ts';
import { readable, scopeOf } from './access.ts';
import type { AlertAck, AlertRecipient, AlertSummary } from './alert-view.ts';
import type { alertView, listQuery } from './schema.ts';
import { ALERT_COLUMNS, ALERT_FROM, shapeRow, type AlertRow } from './store.ts';
import { permissions, type Workflow } from './workflow.ts';

type Ctx = Pick<AppContext, 'database' | 'audit'>;
type Meta = { ip?: string; requestId?: string };

function summary(a: AlertRow, acknowledged: boolean | null): AlertSummary {
  const { id, reference, status, title, riskArea, handling, sourceReliability, infoCredibility, authorOrgName, riloCode, validFrom, validUntil, circulatedAt, globalStatus, updatedAt } = a;
  return { id, reference, status, title, riskArea, handling, sourceReliability, infoCredibility, authorOrgName, riloCode, validFrom, validUntil, circulatedAt, globalStatus, acknowledged, updatedAt };
}

/** Reading alerts: the boxes (inbox, mine, to review, global requests), one alert, who it reached and what they said. */
export function createAlertReads(ctx: Ctx, workflow: Workflow) {
  const { database, audit } = ctx;

  async function list(actor: Principal, q: z.infer<typeof listQuery>): Promise<AlertSummary[]> {
    const s = await scopeOf(database, actor);
    const box: Record<typeof q.box, SQL> = {
      inbox: sql`a.circulated_at IS NOT NULL AND EXISTS (SELECT 1 FROM alert_recipients r WHERE r.alert_id = a.id AND r.org_id = ${s.orgId}::uuid)`,
      mine: sql`a.author_org_id = ${s.orgId}::uuid`,
      review: s.rilo ? sql`a.rilo_code = ${s.rilo} AND a.status <> 'draft' AND a.author_org_id <> ${s.orgId}::uuid` : sql`false`,
      global: s.i2c ? sql`a.global_status <> 'none'` : sql`false`,
    };
    const where: SQL[] = [readable(s), box[q.box]];
    if (q.q) where.push(sql`a.search @@ plainto_tsquery('simple', ${q.q})`);
    if (q.riskArea) where.push(sql`a.risk_area = ${q.riskArea}`);
    if (q.region) where.push(sql`a.region = ${q.region}`);
    if (q.handling) where.push(sql`a.handling = ${q.handling}`);
    if (q.status) where.push(sql`a.status = ${q.status}`);
    if (q.from) where.push(sql`coalesce(a.valid_until, 'infinity'::date) >= ${q.from}::date`);
    if (q.to) where.push(sql`a.valid_from <= ${q.to}::date`);
    const acked = sql`EXISTS (SELECT 1 FROM alert_acks k WHERE k.alert_id = a.id AND k.org_id = ${s.orgId}::uuid)`;
    if (q.acknowledged) where.push(q.acknowledged === 'yes' ? acked : sql`NOT ${acked}`);
    const rows = await database.rows<Record<string, unknown>>(sql`SELECT ${ALERT_COLUMNS}, ${acked} AS acked FROM ${ALERT_FROM}
      WHERE ${sql.join(where, sql` AND `)} ORDER BY coalesce(a.circulated_at, a.updated_at) DESC, a.id LIMIT ${q.limit}`);
    return rows.map((r) => summary(shapeRow(r), q.box === 'inbox' ? !!r.acked : null));
  }

  /** One alert, for a reader allowed to see it (404 otherwise, whatever exists); the read is audited. */
  async function get(actor: Principal, id: string, meta: Meta = {}): Promise<z.infer<typeof alertView>> {
    const s = await scopeOf(database, actor);
    const [row] = await database.rows<Record<string, unknown>>(sql`SELECT ${ALERT_COLUMNS} FROM ${ALERT_FROM} WHERE a.id = ${id}::uuid AND ${readable(s)}`);
    if (!row) throw notFound('Alert');
    const a = shapeRow(row);
    const recipient = a.circulatedAt !== null && (await workflow.isRecipient(database.db, id, s.orgId));
    const can = permissions(a, s, recipient);
    const [labels, files, history, acks] = await Promise.all([
      seizureLabels(database, a.seizureIds),
      database.rows<{ id: string; name: string; mime: string; size: number; kind: 'photo' | 'attachment' }>(sql`SELECT f.file_id AS id, s.name, s.mime, s.size::int AS size, f.kind
        FROM alert_files f JOIN files s ON s.id = f.file_id WHERE f.alert_id = ${id} ORDER BY f.added_at`),
      database.rows<{ at: Date | string; userName: string | null; action: string; comment: string | null }>(sql`SELECT h.at, u.display_name AS "userName", h.action, h.comment
        FROM alert_history h LEFT JOIN identity_users u ON u.id = h.user_id WHERE h.alert_id = ${id} ORDER BY h.id`),
      database.rows<{ acknowledgedAt: Date | string; feedback: string | null; feedbackSeizureId: string | null; feedbackComment: string | null }>(sql`SELECT acknowledged_at AS "acknowledgedAt",
        feedback, feedback_seizure_id AS "feedbackSeizureId", feedback_comment AS "feedbackComment" FROM alert_acks WHERE alert_id = ${id} AND org_id = ${s.orgId}`),
    ]);
    await audit.record({ actor, action: 'alert.read', targetType: 'alert', targetId: id, ...meta });
    const { seizureIds, authorId: _author, region: _region, ...rest } = a;
    return {
      ...summary(a, recipient ? acks.length > 0 : null),
      ...rest,
      seizures: seizureIds.flatMap((sid) => {
        const l = labels.get(sid);
        return l ? [{ id: l.id, reference: l.reference, seizedAt: l.seizedAt }] : [];
      }),
      files,
      history: history.map((h) => ({ ...h, at: isoTime(h.at) })),
      myAck: acks[0] ? { ...acks[0], acknowledgedAt: isoTime(acks[0].acknowledgedAt), feedback: acks[0].feedback as never } : null,
      can,
    };
  }

  async function forAcks(actor: Principal, id: string) {
    const s = await scopeOf(database, actor);
    const [row] = await database.rows<Record<string, unknown>>(sql`SELECT ${ALERT_COLUMNS} FROM ${ALERT_FROM} WHERE a.id = ${id}::uuid AND ${readable(s)}`);
    if (!row) throw notFound('Alert');
    const a = shapeRow(row);
    if (!permissions(a, s, false).seeAcks) throw forbidden('Only the author, the reviewing RILO and the I2C see who acknowledged an alert.');
    return a;
  }

  async function recipients(actor: Principal, id: string): Promise<AlertRecipient[]> {
    await forAcks(actor, id);
    const rows = await database.rows<AlertRecipient & { addedAt: Date | string; acknowledgedAt: Date | string | null }>(sql`SELECT r.org_id AS "orgId", o.name AS "orgName",
        o.country, r.via, r.added_at AS "addedAt", k.acknowledged_at AS "acknowledgedAt"
      FROM alert_recipients r JOIN identity_organisations o ON o.id = r.org_id LEFT JOIN alert_acks k ON k.alert_id = r.alert_id AND k.org_id = r.org_id
      WHERE r.alert_id = ${id} ORDER BY o.name`);
    return rows.map((r) => ({ ...r, addedAt: isoTime(r.addedAt), acknowledgedAt: isoTime(r.acknowledgedAt) }));
  }

  async function acks(actor: Principal, id: string): Promise<AlertAck[]> {
    await forAcks(actor, id);
    const rows = await database.rows<Record<string, unknown>>(sql`SELECT k.org_id AS "orgId", o.name AS "orgName", coalesce(u.display_name, '') AS "userName",
        k.acknowledged_at AS "acknowledgedAt", k.feedback, k.feedback_seizure_id AS "seizureId", k.feedback_comment AS "feedbackComment", k.feedback_at AS "feedbackAt"
      FROM alert_acks k JOIN identity_organisations o ON o.id = k.org_id LEFT JOIN identity_users u ON u.id = k.user_id
      WHERE k.alert_id = ${id} ORDER BY k.acknowledged_at`);
    const labels = await seizureLabels(database, rows.map((r) => r.seizureId as string).filter(Boolean));
    return rows.map((r) => {
      const l = r.seizureId ? labels.get(r.seizureId as string) : undefined;
      return {
        orgId: r.orgId as string,
        orgName: r.orgName as string,
        userName: r.userName as string,
        acknowledgedAt: isoTime(r.acknowledgedAt as string),
        feedback: (r.feedback as AlertAck['feedback']) ?? null,
        feedbackSeizure: l ? { id: l.id, reference: l.reference } : null,
        feedbackComment: (r.feedbackComment as string | null) ?? null,
        feedbackAt: isoTime(r.feedbackAt as string | null),
      };
    });
  }

  return { list, get, recipients, acks };
}

export type AlertReads = ReturnType<typeof createAlertReads>;
