import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../platform/context.ts';
import { execRows } from '../platform/db/database.ts';
import type { Principal } from '../platform/http/access.ts';
import { conflict, notFound } from '../platform/http/problem.ts';
import { label, readerLang } from './formatted-fields.ts';
import { MAY, type Meta, type Operations } from './operations.ts';
import { WARNING, type TemplateDefinition } from './templates-schema.ts';
import { isoTime } from '../platform/db/timestamps.ts';

type Ctx = Pick<AppContext, 'database' | 'audit' | 'events'>;
const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());
const num = (v: unknown) => (v == null ? null : Math.round(Number(v)));
const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);

export const caseQuery = z.object({
  status: z.enum(['open', 'closed']).default('open'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const closeCaseInput = z.object({ note: z.string().trim().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters') });
export const caseItem = z.object({
  warningId: z.uuid(),
  number: z.string().nullable(),
  subject: z.string(),
  senderName: z.string(),
  senderCountry: z.string().nullable(),
  sentAt: z.string(),
  status: z.enum(['open', 'closed']),
  ageSeconds: z.number().nullable().describe('open cases: time since the warning was sent'),
  responseSeconds: z.number().nullable().describe('answered cases: from the warning to its first linked answer'),
  closedBy: z.enum(['answer', 'hand']).nullable(),
  closedAt: z.string().nullable(),
  closedByName: z.string().nullable(),
  closeNote: z.string().nullable(),
  answers: z.number(),
  firstAnswer: z.object({ id: z.uuid(), number: z.string().nullable(), templateCode: z.string(), sentAt: z.string() }).nullable(),
});
/** A warning as the case query reads it (timestamps as the driver gives them). */
interface CaseRow {
  warningId: string;
  number: string | null;
  subject: string;
  senderName: string;
  senderCountry: string | null;
  sentAt: Date | string;
  answers: number;
  age: number | string | null;
  response: number | string | null;
  closedAt: Date | string | null;
  closedByName: string | null;
  closeNote: string | null;
  firstId: string | null;
  firstNumber: string | null;
  firstCode: string | null;
  firstAt: Date | string | null;
}
export const casePage = z.object({ items: z.array(caseItem), total: z.number(), page: z.number(), pageSize: z.number() });
const counted = z.object({ code: z.string(), label: z.string(), count: z.number() });
export const operationStats = z.object({
  messages: z.object({ total: z.number(), plain: z.number().describe('messages without a template'), byTemplate: z.array(counted) }),
  warnings: z.object({ total: z.number(), open: z.number(), closed: z.number(), answered: z.number() }),
  responseTime: z.object({ answered: z.number(), medianSeconds: z.number().nullable(), meanSeconds: z.number().nullable() }),
  seizures: z.object({ total: z.number(), byCommodity: z.array(counted), byCountry: z.array(z.object({ country: z.string(), count: z.number() })), byPrecursor: z.array(counted) }),
});

/**
 * Cases: a sent WARNING is a case, closed by its first linked FEEDBACK or SEIZURE (its response time runs
 * from the warning to that answer) or by hand by the OCU. The OCU also sees the operation's statistics.
 */
export function createCases(ctx: Ctx, operations: Operations) {
  const { database, audit, events } = ctx;

  const FIRST = sql`LEFT JOIN LATERAL (SELECT count(*)::int AS n, min(x.sent_at) AS first_at FROM comm_messages x
      WHERE x.linked_warning_id = w.id AND x.status = 'sent') a ON true`;
  const warnings = (opId: string, joins = sql``) => sql`FROM comm_messages w JOIN comm_templates wt ON wt.id = w.template_id AND wt.code = ${WARNING}
    ${FIRST}${joins}
    WHERE w.operation_id = ${opId} AND w.status = 'sent'`;
  // The first answer, the sender and whoever closed it by hand.
  const DETAIL_JOINS = sql`
    LEFT JOIN LATERAL (SELECT x.id, x.number, x.template_id, x.sent_at FROM comm_messages x WHERE x.linked_warning_id = w.id AND x.status = 'sent'
      ORDER BY x.sent_at, x.id LIMIT 1) f ON true
    LEFT JOIN comm_templates ft ON ft.id = f.template_id
    JOIN identity_users su ON su.id = w.sender_id JOIN identity_organisations so ON so.id = su.org_id LEFT JOIN identity_users cu ON cu.id = w.case_closed_by`;
  const DETAIL = sql`w.id AS "warningId", w.number, w.subject, su.display_name AS "senderName", so.country::text AS "senderCountry",
    w.sent_at AS "sentAt", a.n AS answers, extract(epoch FROM now() - w.sent_at) AS age, extract(epoch FROM a.first_at - w.sent_at) AS response,
    w.case_closed_at AS "closedAt", cu.display_name AS "closedByName", w.case_close_note AS "closeNote",
    f.id AS "firstId", f.number AS "firstNumber", ft.code AS "firstCode", f.sent_at AS "firstAt"`;
  const closed = sql`(a.n > 0 OR w.case_closed_at IS NOT NULL)`;

  async function list(p: Principal, opId: string, q: z.infer<typeof caseQuery>) {
    await operations.requireMember(p, opId, MAY.seeEverything);
    const filter = q.status === 'closed' ? closed : sql`NOT ${closed}`;
    // Open cases oldest first (the ones waiting longest); closed ones most recently closed first.
    const order = q.status === 'closed' ? sql`coalesce(a.first_at, w.case_closed_at) DESC, w.id` : sql`w.sent_at, w.id`;
    const [rows, [{ n }]] = await Promise.all([
      database.rows<CaseRow>(sql`SELECT ${DETAIL} ${warnings(opId, DETAIL_JOINS)} AND ${filter}
        ORDER BY ${order} LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`),
      database.rows<{ n: number }>(sql`SELECT count(*)::int AS n ${warnings(opId)} AND ${filter}`),
    ]);
    return { items: rows.map(shape), total: n, page: q.page, pageSize: q.pageSize };
  }

  function shape(r: CaseRow): z.infer<typeof caseItem> {
    const answered = r.answers > 0;
    const isClosed = answered || r.closedAt != null;
    return {
      warningId: r.warningId,
      number: r.number,
      subject: r.subject,
      senderName: r.senderName,
      senderCountry: r.senderCountry,
      sentAt: isoTime(r.sentAt),
      status: isClosed ? 'closed' : 'open',
      ageSeconds: isClosed ? null : num(r.age),
      responseSeconds: answered ? num(r.response) : null,
      closedBy: answered ? 'answer' : r.closedAt != null ? 'hand' : null,
      closedAt: answered ? iso(r.firstAt) : iso(r.closedAt),
      closedByName: answered ? null : (r.closedByName ?? null),
      closeNote: r.closeNote ?? null,
      answers: r.answers,
      firstAnswer: r.firstId && r.firstCode && r.firstAt ? { id: r.firstId, number: r.firstNumber, templateCode: r.firstCode, sentAt: isoTime(r.firstAt) } : null,
    };
  }

  async function one(opId: string, warningId: string) {
    const [r] = await database.rows<CaseRow>(sql`SELECT ${DETAIL} ${warnings(opId, DETAIL_JOINS)} AND w.id = ${warningId}`);
    return r ? shape(r) : null;
  }

  /** "Close case": the OCU closes a warning that nobody answered, with a note saying why. */
  async function close(p: Principal, opId: string, warningId: string, note: string, meta: Meta = {}) {
    await operations.requireMember(p, opId, MAY.seeEverything);
    await database.db.transaction(async (tx) => {
      const [w] = await execRows<{ closed: boolean; answered: boolean }>(tx, sql`SELECT w.case_closed_at IS NOT NULL AS closed,
          EXISTS (SELECT 1 FROM comm_messages x WHERE x.linked_warning_id = w.id AND x.status = 'sent') AS answered
        FROM comm_messages w JOIN comm_templates wt ON wt.id = w.template_id AND wt.code = ${WARNING}
        WHERE w.id = ${warningId} AND w.operation_id = ${opId} AND w.status = 'sent' FOR UPDATE OF w`);
      if (!w) throw notFound('Warning');
      if (w.closed || w.answered) throw conflict('This case is already closed.');
      await tx.execute(sql`UPDATE comm_messages SET case_closed_at = now(), case_closed_by = ${p.userId}, case_close_note = ${note} WHERE id = ${warningId}`);
      await audit.record({ actor: p, action: 'comm.case.close', targetType: 'operation', targetId: opId, detail: { warningId }, ...meta }, tx);
    });
    const coordinators = await database.rows<{ id: string }>(sql`SELECT user_id AS id FROM comm_members WHERE operation_id = ${opId} AND role IN ('ocu_plus', 'ocu')`);
    await events.publish('comm.case', { operationId: opId, warningId }, { userIds: coordinators.map((c) => c.id) });
    return (await one(opId, warningId))!;
  }

  /** Messages by template, open warnings, response times, and seizures by commodity and country (from SEIZURE fields). */
  async function stats(p: Principal, opId: string) {
    await operations.requireMember(p, opId, MAY.seeEverything);
    const [lang] = await database.rows<{ language: string }>(sql`SELECT language FROM identity_users WHERE id = ${p.userId}`);
    return statsFor(opId, lang?.language);
  }

  /** The statistics with labels in one language, without a reader (the newsletter and the exports call it). */
  async function statsFor(opId: string, language: string | null | undefined) {
    const l = readerLang(language);
    const tpls = await database.rows<{ code: string; names: unknown; definition: unknown }>(sql`SELECT code, names, definition FROM comm_templates WHERE operation_id = ${opId}`);
    const tplName = new Map(tpls.map((t) => [t.code, label(json(t.names), l)]));
    const seizureDef = tpls.find((t) => t.code === 'SEIZURE');
    const optionLabel = (key: string, code: string) => {
      const def = seizureDef ? (json(seizureDef.definition) as TemplateDefinition) : null;
      const f = def?.sections.flatMap((s) => s.fields).find((x) => x.key === key);
      const o = f && (f.type === 'select' || f.type === 'multi_select') ? f.options.find((x) => x.code === code) : undefined;
      return o ? label(o.labels, l) : code;
    };

    const [byTemplate, [warn], [rt], commodities, countries, precursors] = await Promise.all([
      database.rows<{ code: string | null; count: number }>(sql`SELECT t.code, count(*)::int AS count FROM comm_messages m LEFT JOIN comm_templates t ON t.id = m.template_id
        WHERE m.operation_id = ${opId} AND m.status = 'sent' GROUP BY t.code ORDER BY count(*) DESC, t.code`),
      database.rows<{ total: number; open: number; answered: number }>(sql`SELECT count(*)::int AS total, count(*) FILTER (WHERE NOT ${closed})::int AS open,
          count(*) FILTER (WHERE a.n > 0)::int AS answered ${warnings(opId)}`),
      database.rows<{ n: number; median: number | null; mean: number | null }>(sql`SELECT count(*)::int AS n,
          percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM a.first_at - w.sent_at)) AS median,
          avg(extract(epoch FROM a.first_at - w.sent_at)) AS mean
        ${warnings(opId)} AND a.n > 0`),
      database.rows<{ code: string; count: number }>(sql`SELECT m.fields->>'commodity_type' AS code, count(*)::int AS count FROM comm_messages m
        JOIN comm_templates t ON t.id = m.template_id AND t.code = 'SEIZURE'
        WHERE m.operation_id = ${opId} AND m.status = 'sent' AND m.fields ? 'commodity_type' GROUP BY 1 ORDER BY 2 DESC, 1`),
      database.rows<{ country: string; count: number }>(sql`SELECT m.fields->>'seizure_country' AS country, count(*)::int AS count FROM comm_messages m
        JOIN comm_templates t ON t.id = m.template_id AND t.code = 'SEIZURE'
        WHERE m.operation_id = ${opId} AND m.status = 'sent' AND m.fields ? 'seizure_country' GROUP BY 1 ORDER BY 2 DESC, 1`),
      database.rows<{ code: string; count: number }>(sql`SELECT c.code, count(*)::int AS count FROM comm_messages m
        JOIN comm_templates t ON t.id = m.template_id AND t.code = 'SEIZURE'
        CROSS JOIN LATERAL jsonb_array_elements_text(CASE WHEN jsonb_typeof(m.fields->'precursors') = 'array' THEN m.fields->'precursors' ELSE '[]'::jsonb END) AS c(code)
        WHERE m.operation_id = ${opId} AND m.status = 'sent' GROUP BY 1 ORDER BY 2 DESC, 1`),
    ]);
    const total = byTemplate.reduce((s, r) => s + r.count, 0);
    const seizures = byTemplate.find((r) => r.code === 'SEIZURE')?.count ?? 0;
    return {
      messages: {
        total,
        plain: byTemplate.find((r) => r.code === null)?.count ?? 0,
        byTemplate: byTemplate.filter((r) => r.code !== null).map((r) => ({ code: r.code!, label: tplName.get(r.code!) ?? r.code!, count: r.count })),
      },
      warnings: { total: warn.total, open: warn.open, closed: warn.total - warn.open, answered: warn.answered },
      responseTime: { answered: rt.n, medianSeconds: num(rt.median), meanSeconds: num(rt.mean) },
      seizures: {
        total: seizures,
        byCommodity: commodities.map((r) => ({ code: r.code, label: optionLabel('commodity_type', r.code), count: r.count })),
        byCountry: countries,
        byPrecursor: precursors.map((r) => ({ code: r.code, label: optionLabel('precursors', r.code), count: r.count })),
      },
    };
  }

  return { list, close, stats, statsFor, one };
}

export type Cases = ReturnType<typeof createCases>;
