import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../platform/context.ts';
import { type Db, execRows } from '../platform/db/database.ts';
import { uuidArray } from '../platform/db/pg-array.ts';
import type { Principal } from '../platform/http/access.ts';
import { badRequest, conflict, notFound, Problem, type FieldError } from '../platform/http/problem.ts';
import { createReferenceService, referenceSets } from '../reference/index.ts';
import { applyPrefills, checkFields, label, labelledFields, mentionedCodes, readerLang, renderText, type FieldValues, type Lookups } from './formatted-fields.ts';
import type { Mailbox } from './mailbox.ts';
import { MAY, type Meta, type Operations } from './operations.ts';
import { composeInput } from './schema.ts';
import { isoTime } from '../platform/db/timestamps.ts';
import type { StoredTemplate, Templates } from './templates.ts';
import { ANSWERS, WARNING, type Labels, type TemplateDefinition, type TemplateLang } from './templates-schema.ts';

type Ctx = Pick<AppContext, 'database' | 'audit' | 'events'>;
const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());
const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);

const recipients = composeInput.shape.to;
const subject = z.string().trim().max(250, 'must be at most 250 characters');
const fields = z.record(z.string(), z.unknown()).describe('field values by key, as the template defines them; groups are lists of such objects');
export const formattedCreate = z.object({
  templateId: z.uuid('must be a UUID'),
  subject: subject.optional().describe('defaults to the template name; the number is put in front on submission'),
  fields,
  to: recipients.optional().describe('required to submit; a draft may keep it for later'),
  linkedWarningId: z.uuid('must be a UUID').nullable().optional().describe('a FEEDBACK or SEIZURE answering a WARNING of this operation'),
  submit: z.boolean().default(false).describe('false: store as a draft that only I see; true: number it and deliver it'),
});
export const formattedUpdate = formattedCreate.omit({ templateId: true, submit: true });
export const formattedSubmit = z.object({ to: recipients.optional().describe("defaults to the draft's recipients") });
export type FormattedCreate = z.infer<typeof formattedCreate>;
export type FormattedUpdate = z.infer<typeof formattedUpdate>;

const labelledLeaf = z.object({ key: z.string(), type: z.string(), label: z.string(), value: z.unknown(), display: z.string() });
export const formattedMessage = z.object({
  id: z.uuid(),
  operationId: z.uuid(),
  status: z.enum(['draft', 'sent']),
  number: z.string().nullable(),
  templateId: z.uuid(),
  templateCode: z.string(),
  templateVersion: z.number(),
  templateName: z.string(),
  subject: z.string(),
  senderId: z.uuid(),
  senderName: z.string(),
  senderCountry: z.string().nullable(),
  sentAt: z.string().nullable(),
  linkedWarningId: z.uuid().nullable(),
  linkedWarningNumber: z.string().nullable(),
  to: z.unknown().nullable().describe("a draft's intended recipients"),
  recipientCount: z.number(),
  lang: z.string().describe('the language of the labels and of the text'),
  fields: z.record(z.string(), z.unknown()),
  sections: z.array(z.object({ key: z.string(), label: z.string(), fields: z.array(labelledLeaf.partial({ display: true }).extend({ entries: z.array(z.array(labelledLeaf)).optional() })) })),
  text: z.string().describe('the message as readable text in my language'),
  case: z
    .object({ status: z.enum(['open', 'closed']), answers: z.array(z.object({ id: z.uuid(), number: z.string().nullable(), templateCode: z.string(), sentAt: z.string() })) })
    .nullable()
    .describe('for a WARNING: its answers that I may see'),
});
export type FormattedMessage = z.infer<typeof formattedMessage>;
export const formattedSummary = formattedMessage.pick({ id: true, status: true, number: true, templateCode: true, subject: true, senderName: true, senderCountry: true, sentAt: true, linkedWarningId: true });
export const formattedQuery = z.object({
  status: z.enum(['draft', 'sent']).default('sent').describe('draft: my drafts; sent: formatted messages I sent or received (the OCU: all)'),
  template: z.string().trim().toUpperCase().max(30).optional().describe('a template code, e.g. WARNING'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

const unprocessable = (detail: string, errors: FieldError[]) => new Problem(422, 'Unprocessable Content', detail, errors);

/**
 * Formatted messages: a template's typed fields, checked against the template and the reference data,
 * kept as a draft only the author sees, then submitted: numbered (GS-W-2026-0001) and delivered through
 * the mailbox like any message, with a plain-text rendering as its body.
 */
export function createFormatted(ctx: Ctx, operations: Operations, mailbox: Mailbox, templates: Templates) {
  const { database, audit, events } = ctx;
  const reference = createReferenceService(database);

  async function author(p: Principal) {
    const [u] = await database.rows<{ name: string; phone: string | null; country: string | null; office: string | null; language: string }>(sql`SELECT u.display_name AS name,
        nullif(u.profile->>'phone', '') AS phone, o.country::text AS country, coalesce(nullif(u.profile->>'officeName', ''), o.name) AS office, u.language
      FROM identity_users u JOIN identity_organisations o ON o.id = u.org_id WHERE u.id = ${p.userId}`);
    return u;
  }

  /** Names of the countries and places a message mentions, in one language (read before any transaction). */
  async function lookups(def: TemplateDefinition, values: FieldValues, lang: TemplateLang): Promise<Lookups> {
    const { countries, locodes } = mentionedCodes(def, values);
    const names = new Map<string, string>();
    await Promise.all([
      ...[...countries].map(async (c) => names.set(`c:${c}`, (await reference.get('countries', c, lang))?.label ?? c)),
      ...[...locodes].map(async (c) => names.set(`l:${c}`, (await reference.get('locodes', c, lang))?.label ?? c)),
    ]);
    return { country: (c) => names.get(`c:${c}`), locode: (c) => names.get(`l:${c}`) };
  }

  async function templateFor(opId: string, templateId: string): Promise<StoredTemplate> {
    const t = await templates.current(opId, templateId);
    if (!t) throw unprocessable('No such template in this operation.', [{ field: 'body.templateId', message: 'is not a template of this operation' }]);
    return t;
  }

  /** Checks the values (all but the attachments' owner) and answers them as stored. */
  async function check(p: Principal, t: StoredTemplate, given: FieldValues, draft: boolean, now: Date) {
    const a = await author(p);
    const filled = applyPrefills(t.definition, given, a, now);
    const sets = await referenceSets(database);
    const res = checkFields(t.definition, filled, sets, { draft });
    if (res.errors.length) throw unprocessable('Some fields do not match the template.', res.errors);
    if (res.attachments.length) {
      // Attachments are the author's own uploads that no message carries yet.
      const ids = [...new Set(res.attachments.map((x) => x.id))];
      const ok = new Set(
        (await database.rows<{ id: string }>(sql`SELECT f.id FROM files f WHERE f.id = ANY(${uuidArray(ids)}) AND f.owner_user_id = ${p.userId}
          AND NOT EXISTS (SELECT 1 FROM comm_attachments a WHERE a.file_id = f.id)`)).map((r) => r.id),
      );
      const bad = res.attachments.filter((x) => !ok.has(x.id));
      if (bad.length) throw unprocessable('Some attachments are not uploads of yours.', bad.map((x) => ({ field: x.path, message: 'is not an upload of yours' })));
      const dup = res.attachments.filter((x, i) => res.attachments.findIndex((y) => y.id === x.id) !== i);
      if (dup.length) throw unprocessable('A file is attached twice.', dup.map((x) => ({ field: x.path, message: 'is attached twice' })));
    }
    return { values: res.values, attachmentIds: res.attachments.map((x) => x.id), author: a };
  }

  /** A FEEDBACK or SEIZURE may answer a sent WARNING of the same operation that its author can see. */
  async function checkLink(db: Db, p: Principal, opId: string, t: StoredTemplate, linkedWarningId: string | null | undefined, role: string): Promise<string | null> {
    if (!linkedWarningId) return null;
    const field = 'body.linkedWarningId';
    if (!(ANSWERS as readonly string[]).includes(t.code)) throw unprocessable('Only a FEEDBACK or a SEIZURE answers a warning.', [{ field, message: `a ${t.code} cannot be linked to a warning` }]);
    const seeAll = (MAY.seeEverything as readonly string[]).includes(role);
    const [w] = await execRows<{ number: string }>(db, sql`SELECT m.number FROM comm_messages m JOIN comm_templates t ON t.id = m.template_id
      WHERE m.id = ${linkedWarningId} AND m.operation_id = ${opId} AND m.status = 'sent' AND t.code = ${WARNING}
        AND (${seeAll} OR m.sender_id = ${p.userId} OR EXISTS (SELECT 1 FROM comm_deliveries d WHERE d.message_id = m.id AND d.user_id = ${p.userId}))`);
    if (!w) throw unprocessable('The linked message is not a warning of this operation.', [{ field, message: 'is not a WARNING of this operation that you can see' }]);
    return w.number;
  }

  async function create(p: Principal, opId: string, input: FormattedCreate, meta: Meta = {}) {
    const role = await operations.requireMember(p, opId);
    const t = await templateFor(opId, input.templateId);
    if (input.submit) return submitNew(p, opId, role, t, input, null, meta);
    const { values } = await check(p, t, input.fields, true, new Date());
    const linkedNumber = await checkLink(database.db, p, opId, t, input.linkedWarningId, role);
    const subj = input.subject || t.names.en;
    const body = renderText(t.definition, t.names, values, 'en', await lookups(t.definition, values, 'en'), { number: null, linkedWarningNumber: linkedNumber });
    const [row] = await database.rows<{ id: string }>(sql`INSERT INTO comm_messages (operation_id, sender_id, subject, body, addressed_to, sender_folder, status,
        template_id, template_version, fields, draft_to, linked_warning_id)
      VALUES (${opId}, ${p.userId}, ${subj}, ${body}, ${input.to?.mode ?? 'chosen'}, 'drafts', 'draft', ${t.id}, ${t.version}, ${JSON.stringify(values)}::jsonb,
        ${input.to ? JSON.stringify(input.to) : null}::jsonb, ${input.linkedWarningId ?? null}) RETURNING id`);
    await audit.record({ actor: p, action: 'comm.formatted.draft', targetType: 'operation', targetId: opId, detail: { messageId: row.id, template: t.code }, ...meta });
    return get(p, opId, row.id);
  }

  async function ownDraft(p: Principal, opId: string, messageId: string) {
    const [d] = await database.rows<{ template_id: string; subject: string; fields: unknown; draft_to: unknown; linked_warning_id: string | null }>(sql`SELECT template_id, subject, fields, draft_to, linked_warning_id
      FROM comm_messages WHERE id = ${messageId} AND operation_id = ${opId} AND sender_id = ${p.userId} AND status = 'draft'`);
    if (!d) throw notFound('Draft');
    return d;
  }

  /** Drafts are checked against the template as it is now (and move to its latest version). */
  async function updateDraft(p: Principal, opId: string, messageId: string, input: FormattedUpdate, meta: Meta = {}) {
    const role = await operations.requireMember(p, opId);
    const d = await ownDraft(p, opId, messageId);
    const t = await templateFor(opId, d.template_id);
    const { values } = await check(p, t, input.fields, true, new Date());
    const linkedNumber = await checkLink(database.db, p, opId, t, input.linkedWarningId, role);
    const body = renderText(t.definition, t.names, values, 'en', await lookups(t.definition, values, 'en'), { number: null, linkedWarningNumber: linkedNumber });
    const changed = await database.rows(sql`UPDATE comm_messages SET subject = ${input.subject || t.names.en}, body = ${body}, fields = ${JSON.stringify(values)}::jsonb,
        template_version = ${t.version}, draft_to = ${input.to ? JSON.stringify(input.to) : null}::jsonb, addressed_to = ${input.to?.mode ?? 'chosen'},
        linked_warning_id = ${input.linkedWarningId ?? null}, sent_at = now()
      WHERE id = ${messageId} AND sender_id = ${p.userId} AND status = 'draft' RETURNING id`);
    if (!changed.length) throw notFound('Draft');
    await audit.record({ actor: p, action: 'comm.formatted.draft', targetType: 'operation', targetId: opId, detail: { messageId, template: t.code }, ...meta });
    return get(p, opId, messageId);
  }

  async function deleteDraft(p: Principal, opId: string, messageId: string) {
    await operations.requireMember(p, opId);
    const gone = await database.rows(sql`DELETE FROM comm_messages WHERE id = ${messageId} AND operation_id = ${opId} AND sender_id = ${p.userId} AND status = 'draft' RETURNING id`);
    if (!gone.length) throw notFound('Draft');
  }

  async function submitDraft(p: Principal, opId: string, messageId: string, input: { to?: FormattedCreate['to'] }, meta: Meta = {}) {
    const role = await operations.requireMember(p, opId);
    const d = await ownDraft(p, opId, messageId);
    const t = await templateFor(opId, d.template_id);
    const to = input.to ?? (json(d.draft_to) as FormattedCreate['to'] | null) ?? undefined;
    return submitNew(p, opId, role, t, { subject: d.subject, fields: json(d.fields) as FieldValues, to, linkedWarningId: d.linked_warning_id }, messageId, meta);
  }

  /**
   * Numbers and delivers a message (a new one, or a draft of the author's). The number is taken from the
   * operation's counter in the sending transaction, so it is consecutive and without gaps.
   */
  async function submitNew(
    p: Principal,
    opId: string,
    role: string,
    t: StoredTemplate,
    input: Pick<FormattedCreate, 'subject' | 'fields' | 'to' | 'linkedWarningId'>,
    draftId: string | null,
    meta: Meta,
  ) {
    if (!input.to) throw badRequest('Say to whom the message goes.', [{ field: 'body.to', message: 'is required to submit' }]);
    const { values, attachmentIds } = await check(p, t, input.fields, false, new Date());
    const linkedNumber = await checkLink(database.db, p, opId, t, input.linkedWarningId, role);
    const look = await lookups(t.definition, values, 'en');
    const plainSubject = input.subject || t.names.en;
    const to = input.to;
    const sent = await mailbox.send(
      p,
      opId,
      { to, subject: plainSubject, body: '', attachmentIds },
      meta,
      {
        store: async (tx, recipients) => {
          const linked = await checkLink(tx, p, opId, t, input.linkedWarningId, role);
          const number = await nextNumber(tx, opId, t.prefix);
          const subj = `${number} ${plainSubject}`;
          const body = renderText(t.definition, t.names, values, 'en', look, { number, linkedWarningNumber: linked ?? linkedNumber });
          const [row] = draftId
            ? await execRows<{ id: string; sent_at: string }>(tx, sql`UPDATE comm_messages SET status = 'sent', sender_folder = 'outbox', number = ${number}, subject = ${subj},
                  body = ${body}, fields = ${JSON.stringify(values)}::jsonb, template_version = ${t.version}, addressed_to = ${to.mode}, recipient_count = ${recipients.length},
                  draft_to = NULL, linked_warning_id = ${input.linkedWarningId ?? null}, sent_at = now()
                WHERE id = ${draftId} AND sender_id = ${p.userId} AND status = 'draft' RETURNING id, sent_at::text AS sent_at`)
            : await execRows<{ id: string; sent_at: string }>(tx, sql`INSERT INTO comm_messages (operation_id, sender_id, subject, body, addressed_to, recipient_count,
                  template_id, template_version, fields, number, linked_warning_id)
                VALUES (${opId}, ${p.userId}, ${subj}, ${body}, ${to.mode}, ${recipients.length}, ${t.id}, ${t.version}, ${JSON.stringify(values)}::jsonb, ${number},
                  ${input.linkedWarningId ?? null}) RETURNING id, sent_at::text AS sent_at`);
          if (!row) throw conflict('This draft was submitted or deleted meanwhile.');
          await audit.record({ actor: p, action: 'comm.formatted.submit', targetType: 'operation', targetId: opId, detail: { messageId: row.id, number, template: t.code }, ...meta }, tx);
          return { ...row, subject: subj };
        },
      },
    );
    if (linkedNumber && input.linkedWarningId) await events.publish('comm.case', { operationId: opId, warningId: input.linkedWarningId, answerId: sent.id }, { userIds: await coordinators(opId) });
    return get(p, opId, sent.id);
  }

  async function coordinators(opId: string) {
    return (await database.rows<{ id: string }>(sql`SELECT user_id AS id FROM comm_members WHERE operation_id = ${opId} AND role IN ('ocu_plus', 'ocu')`)).map((r) => r.id);
  }

  /** <OPERATION CODE>-<letter>-<year>-<4 digits>, e.g. GS-W-2026-0001; the counter row is held until commit. */
  async function nextNumber(tx: Db, opId: string, prefix: string): Promise<string> {
    const [c] = await execRows<{ last: number; year: number; code: string }>(tx, sql`INSERT INTO comm_number_counters AS c (operation_id, prefix, year, last)
        VALUES (${opId}, ${prefix}, extract(year FROM now() AT TIME ZONE 'UTC')::int, 1)
      ON CONFLICT (operation_id, prefix, year) DO UPDATE SET last = c.last + 1
      RETURNING c.last, c.year, (SELECT code FROM comm_operations WHERE id = ${opId}) AS code`);
    return `${c.code}-${prefix}-${c.year}-${String(c.last).padStart(4, '0')}`;
  }

  const SELECT = sql`SELECT m.id, m.operation_id AS "operationId", m.status, m.number, m.template_id AS "templateId", t.code AS "templateCode",
      m.template_version AS "templateVersion", m.subject, m.sender_id AS "senderId", su.display_name AS "senderName", so.country::text AS "senderCountry",
      m.sent_at AS "sentAt", m.linked_warning_id AS "linkedWarningId", w.number AS "linkedWarningNumber", m.draft_to AS "to", m.recipient_count AS "recipientCount",
      m.fields, m.case_closed_at AS "caseClosedAt"
    FROM comm_messages m JOIN comm_templates t ON t.id = m.template_id JOIN identity_users su ON su.id = m.sender_id JOIN identity_organisations so ON so.id = su.org_id
    LEFT JOIN comm_messages w ON w.id = m.linked_warning_id`;
  /** What a member may read: their drafts, what they sent or received; the OCU reads every sent one. */
  const visible = (p: Principal, role: string) =>
    sql`((m.status = 'draft' AND m.sender_id = ${p.userId}) OR (m.status = 'sent' AND (m.sender_id = ${p.userId} OR ${(MAY.seeEverything as readonly string[]).includes(role)}
      OR EXISTS (SELECT 1 FROM comm_deliveries d WHERE d.message_id = m.id AND d.user_id = ${p.userId}))))`;

  /** A formatted message in my language: its fields with labels and its text; a recipient's first reading marks it read. */
  async function get(p: Principal, opId: string, messageId: string): Promise<FormattedMessage> {
    const role = await operations.requireMember(p, opId);
    const [m] = await database.rows<Record<string, unknown>>(sql`${SELECT} WHERE m.id = ${messageId} AND m.operation_id = ${opId} AND ${visible(p, role)}`);
    if (!m) throw notFound('Formatted message');
    const version = (await templates.version(m.templateId as string, m.templateVersion as number))!;
    const lang = readerLang((await author(p)).language);
    const values = json(m.fields) as FieldValues;
    const look = await lookups(version.definition, values, lang);
    const marked = await database.rows(sql`UPDATE comm_deliveries SET read_at = now() WHERE message_id = ${messageId} AND user_id = ${p.userId} AND read_at IS NULL RETURNING user_id`);
    if (marked.length) await events.publish('comm.read', { operationId: opId, messageId }, { userIds: [p.userId, m.senderId as string] });
    let kase = null;
    if (m.templateCode === WARNING && m.status === 'sent') {
      const answers = await database.rows<Record<string, unknown>>(sql`SELECT m.id, m.number, t.code AS "templateCode", m.sent_at AS "sentAt"
        FROM comm_messages m JOIN comm_templates t ON t.id = m.template_id
        WHERE m.linked_warning_id = ${messageId} AND m.status = 'sent' ORDER BY m.sent_at, m.id`);
      const mine = await database.rows<{ id: string }>(sql`SELECT m.id FROM comm_messages m WHERE m.linked_warning_id = ${messageId} AND ${visible(p, role)}`);
      const seen = new Set(mine.map((r) => r.id));
      kase = {
        status: answers.length || m.caseClosedAt ? ('closed' as const) : ('open' as const),
        answers: answers.filter((a) => seen.has(a.id as string)).map((a) => ({ ...a, sentAt: iso(a.sentAt)! })) as never[],
      };
    }
    const { caseClosedAt: _c, ...rest } = m;
    return {
      ...rest,
      sentAt: m.status === 'sent' ? iso(m.sentAt) : null,
      to: json(m.to) ?? null,
      templateName: label(version.names as Labels, lang),
      lang,
      fields: values,
      sections: labelledFields(version.definition, values, lang, look),
      text: renderText(version.definition, version.names, values, lang, look, { number: m.number as string | null, linkedWarningNumber: m.linkedWarningNumber as string | null }),
      case: kase,
    } as FormattedMessage;
  }

  async function list(p: Principal, opId: string, q: z.infer<typeof formattedQuery>) {
    const role = await operations.requireMember(p, opId);
    const where = sql`m.operation_id = ${opId} AND m.template_id IS NOT NULL AND m.status = ${q.status} AND ${visible(p, role)}${q.template ? sql` AND t.code = ${q.template}` : sql``}`;
    const [items, [{ n }]] = await Promise.all([
      database.rows<Omit<z.infer<typeof formattedSummary>, 'sentAt'> & { sentAt: Date | string | null }>(sql`${SELECT} WHERE ${where} ORDER BY m.sent_at DESC, m.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`),
      database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM comm_messages m JOIN comm_templates t ON t.id = m.template_id WHERE ${where}`),
    ]);
    return {
      items: items.map((m) => ({ id: m.id, status: m.status, number: m.number, templateCode: m.templateCode, subject: m.subject, senderName: m.senderName, senderCountry: m.senderCountry, sentAt: isoTime(m.sentAt), linkedWarningId: m.linkedWarningId })),
      total: n,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  return { create, updateDraft, deleteDraft, submitDraft, get, list };
}

export type Formatted = ReturnType<typeof createFormatted>;
