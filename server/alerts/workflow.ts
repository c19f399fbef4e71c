import { sql } from 'drizzle-orm';
import type { AppContext } from '../platform/context.ts';
import { type Db, execRows } from '../platform/db/database.ts';
import type { Principal } from '../platform/http/access.ts';
import { conflict, forbidden, notFound, Problem } from '../platform/http/problem.ts';
import { queueNotice } from '../identity/index.ts';
import { referenceSets } from '../reference/index.ts';
import { seizureLabels } from '../seizures/index.ts';
import { ALERT_READERS, scopeOf, type AlertScope } from './access.ts';
import type { Targets } from './alert-view.ts';
import { addRecipients, directory, handlingRules, resolveTargets } from './circulation.ts';
import { checkContent } from './content-check.ts';
import type { Lists } from './lists.ts';
import type { AlertInput, TargetsInput } from './schema.ts';
import { addHistory, contentValues, loadAlert, type AlertRow } from './store.ts';

type Ctx = Pick<AppContext, 'database' | 'audit' | 'events' | 'jobs'>;
export interface Meta {
  ip?: string;
  requestId?: string;
}
type Publish = (() => Promise<void>) | null;

const unprocessable = (field: string, message: string) => new Problem(422, 'Unprocessable Content', `${field}: ${message}`, [{ field, message }]);

/** What a reader may do with an alert: the same rules the writes enforce, for the buttons of the web. */
export function permissions(a: AlertRow, s: AlertScope, recipient: boolean) {
  const own = a.authorOrgId === s.orgId;
  const reviewer = !!s.rilo && a.riloCode === s.rilo;
  const rules = handlingRules(a.handling);
  const editable = (own && s.writer && (a.status === 'draft' || a.status === 'returned')) || (reviewer && a.status === 'submitted');
  const circulator = reviewer || (s.i2c && (own || a.globalStatus !== 'none'));
  return {
    edit: editable,
    submit: own && s.writer && (a.status === 'draft' || a.status === 'returned') && !!a.riloCode && !reviewer,
    review: reviewer && a.status === 'submitted',
    circulate: s.writer && ((reviewer && ['submitted', 'draft', 'circulated'].includes(a.status)) || (s.i2c && own && a.status !== 'withdrawn') || (s.i2c && a.status === 'circulated')),
    decideGlobal: s.i2c && a.globalStatus === 'requested',
    acknowledge: recipient && !own && a.status === 'circulated',
    forward: recipient && s.writer && rules.passOn && a.status === 'circulated',
    export: rules.exportable && (recipient || own || reviewer || s.i2c),
    withdraw: circulator && a.status === 'circulated',
    seeAcks: own || reviewer || (s.i2c && a.globalStatus !== 'none'),
  };
}

/**
 * The life of an alert: an NCP drafts it and submits it to its RILO; the RILO edits it, asks back (returns
 * it with a comment) or approves it by circulating it; a RILO or the I2C may write and circulate its own.
 * Global circulation (GRAN) asked by a RILO waits for the I2C. Recipients may pass it on as far as its
 * handling code allows. Every change is in the alert's history and the audit log.
 */
export function createWorkflow(ctx: Ctx, lists: Lists) {
  const { database, audit } = ctx;
  const tx = <T>(fn: (t: Db) => Promise<T>) => database.db.transaction((t) => fn(t));

  async function reviewingRilo(s: AlertScope): Promise<string | null> {
    if (s.orgKind === 'rilo') return s.rilo;
    if (s.orgKind === 'wco' || !s.country) return null;
    return (await referenceSets(database)).riloOf.get(s.country) ?? null;
  }

  async function regionOf(s: AlertScope): Promise<string | null> {
    return s.region ?? (s.country ? ((await referenceSets(database)).regionOf.get(s.country) ?? null) : null);
  }

  async function forChange(t: Db, id: string): Promise<AlertRow> {
    const a = await loadAlert(t, id, true);
    if (!a) throw notFound('Alert');
    return a;
  }

  async function create(actor: Principal, input: AlertInput, meta: Meta = {}): Promise<string> {
    const s = await scopeOf(database, actor);
    if (!s.writer) throw forbidden();
    await checkContent(database, input, s.orgId);
    const rilo = await reviewingRilo(s);
    const region = await regionOf(s);
    return tx(async (t) => {
      const year = new Date().getUTCFullYear();
      const [{ id }] = await execRows<{ id: string }>(
        t,
        sql`INSERT INTO alerts (reference, title, risk_area, language, valid_from, handling, source_reliability, info_credibility, author_org_id, author_id, region, rilo_code)
          VALUES ('AL-' || ${year} || '-' || lpad(nextval('alert_numbers')::text, 6, '0'), '', 'other', 'en', now()::date, 'H2', 'X', 4, ${s.orgId}, ${s.userId}, ${region}, ${rilo})
          RETURNING id`,
      );
      await t.execute(sql`UPDATE alerts SET ${contentValues(input)} WHERE id = ${id}`);
      await addHistory(t, id, s.userId, 'created');
      await audit.record({ actor, action: 'alert.create', targetType: 'alert', targetId: id, ...meta }, t);
      return id;
    });
  }

  async function update(actor: Principal, id: string, input: AlertInput, version: number, meta: Meta = {}) {
    const s = await scopeOf(database, actor);
    await tx(async (t) => {
      const a = await forChange(t, id);
      if (!(await canRead(t, a, s))) throw notFound('Alert');
      if (!permissions(a, s, false).edit) throw forbidden(`Alert ${a.reference} cannot be changed in status ${a.status} by you.`);
      if (a.version !== version) throw conflict(`Alert ${a.reference} was changed by someone else (version ${a.version}); reload it.`);
      await checkContent(database, input, a.authorOrgId);
      await t.execute(sql`UPDATE alerts SET ${contentValues(input)}, version = version + 1, updated_at = now() WHERE id = ${id}`);
      await addHistory(t, id, s.userId, 'edited');
      await audit.record({ actor, action: 'alert.update', targetType: 'alert', targetId: id, ...meta }, t);
    });
  }

  async function canRead(t: Db, a: AlertRow, s: AlertScope): Promise<boolean> {
    if (a.authorOrgId === s.orgId) return true;
    if (s.rilo && a.riloCode === s.rilo && a.status !== 'draft') return true;
    if (s.i2c && a.globalStatus !== 'none') return true;
    return a.circulatedAt !== null && (await isRecipient(t, a.id, s.orgId));
  }

  async function isRecipient(t: Db, alertId: string, orgId: string) {
    return (await execRows(t, sql`SELECT 1 FROM alert_recipients WHERE alert_id = ${alertId} AND org_id = ${orgId}`)).length > 0;
  }

  /** Loads the alert for one action, answering 404 to who may not read it and 403 to who may read but not act. */
  async function forAction(t: Db, s: AlertScope, id: string, allowed: (p: ReturnType<typeof permissions>) => boolean, what: string) {
    const a = await forChange(t, id);
    if (!(await canRead(t, a, s))) throw notFound('Alert');
    const recipient = a.circulatedAt !== null && (await isRecipient(t, a.id, s.orgId));
    if (!allowed(permissions(a, s, recipient))) throw forbidden(`You cannot ${what} alert ${a.reference} (status ${a.status}).`);
    return a;
  }

  async function submit(actor: Principal, id: string, meta: Meta = {}) {
    const s = await scopeOf(database, actor);
    let publish: Publish = null;
    await tx(async (t) => {
      const a = await forAction(t, s, id, (p) => p.submit, 'submit');
      await t.execute(sql`UPDATE alerts SET status = 'submitted', submitted_at = now(), return_comment = NULL, updated_at = now(), version = version + 1 WHERE id = ${id}`);
      await addHistory(t, id, s.userId, 'submitted');
      const rilo = (await directoryByShortName(t, a.riloCode!)) ?? null;
      if (rilo)
        publish = await queueNotice(ctx, t, { title: `Alert ${a.reference} to review`, body: `${a.authorOrgName} submitted alert ${a.reference} (handling ${a.handling}) for review.`, link: `/alerts/${id}`, alertId: id }, { orgIds: [rilo], orgRoles: ['rilo_analyst'], onlyMailAlerts: true });
      await audit.record({ actor, action: 'alert.submit', targetType: 'alert', targetId: id, ...meta }, t);
    });
    await (publish as Publish)?.();
  }

  async function directoryByShortName(t: Db, shortName: string): Promise<string | undefined> {
    const [row] = await execRows<{ id: string }>(t, sql`SELECT id FROM identity_organisations WHERE upper(short_name) = ${shortName.toUpperCase()} AND kind = 'rilo'`);
    return row?.id;
  }

  async function returnToAuthor(actor: Principal, id: string, comment: string, meta: Meta = {}) {
    const s = await scopeOf(database, actor);
    let publish: Publish = null;
    await tx(async (t) => {
      const a = await forAction(t, s, id, (p) => p.review, 'return');
      await t.execute(sql`UPDATE alerts SET status = 'returned', return_comment = ${comment}, updated_at = now(), version = version + 1 WHERE id = ${id}`);
      await addHistory(t, id, s.userId, 'returned', comment);
      publish = await queueNotice(ctx, t, { title: `Alert ${a.reference} returned`, body: `${a.riloCode ?? 'The RILO'} returned alert ${a.reference} with a question. Open it to answer.`, link: `/alerts/${id}`, alertId: id }, { orgIds: [a.authorOrgId], orgRoles: ['ncp'], onlyMailAlerts: true });
      await audit.record({ actor, action: 'alert.return', targetType: 'alert', targetId: id, ...meta }, t);
    });
    await (publish as Publish)?.();
  }

  /** Tells the new recipients (in the app, live, and by mail to those who asked: reference, title and handling code, never the content). */
  async function tellRecipients(t: Db, a: AlertRow, orgIds: string[]): Promise<Publish> {
    if (!orgIds.length) return null;
    const notice = { title: `Alert ${a.reference} [${a.handling}]`, body: `"${a.title}" was circulated to your administration (handling code ${a.handling}). Open the alert to read it.`, link: `/alerts/${a.id}`, alertId: a.id };
    const told = await queueNotice(ctx, t, notice, { orgIds, orgRoles: ALERT_READERS, onlyMailAlerts: true });
    return async () => {
      await told();
      await ctx.events.publish('alert.circulated', { alertId: a.id, reference: a.reference }, { orgIds });
    };
  }

  /**
   * Circulates (approves) the alert to the targets, or widens a circulated alert's circulation. Global
   * circulation by a RILO is asked of the I2C; by the I2C it is done at once.
   */
  async function circulate(actor: Principal, id: string, targets: TargetsInput, meta: Meta = {}) {
    const s = await scopeOf(database, actor);
    const ref = await referenceSets(database);
    let publish: Publish = null;
    await tx(async (t) => {
      const a = await forAction(t, s, id, (p) => p.circulate, 'circulate');
      const resolved = await resolveTargets(t, ref, targets, a.handling, (ids) => lists.members(t, s, ids));
      // A RILO's global circulation waits for the I2C: GRAN's share of the recipients is added on its approval.
      if (!s.i2c) for (const [org, via] of resolved) if (via === 'global') resolved.delete(org);
      resolved.delete(a.authorOrgId);
      const globalStatus = targets.global ? (s.i2c ? 'approved' : a.globalStatus === 'approved' ? 'approved' : 'requested') : a.globalStatus;
      const merged: Targets = mergeTargets(a.targets, targets);
      await t.execute(sql`UPDATE alerts SET status = 'circulated', circulated_at = coalesce(circulated_at, now()), circulated_by = coalesce(circulated_by, ${s.userId}::uuid),
          targets = ${JSON.stringify(merged)}::jsonb, global_status = ${globalStatus}, return_comment = NULL, updated_at = now(), version = version + 1 WHERE id = ${id}`);
      const added = await addRecipients(t, id, resolved);
      await addHistory(t, id, s.userId, a.status === 'circulated' ? 'circulation widened' : 'circulated', describeTargets(targets));
      if (globalStatus === 'requested' && a.globalStatus !== 'requested') await addHistory(t, id, s.userId, 'global circulation asked');
      const tell = await tellRecipients(t, { ...a, status: 'circulated' }, added);
      const askI2c =
        globalStatus === 'requested' && a.globalStatus !== 'requested'
          ? await queueNotice(ctx, t, { title: `Alert ${a.reference}: global circulation asked`, body: `${a.riloCode ?? a.authorOrgName} asks global (GRAN) circulation of alert ${a.reference} [${a.handling}].`, link: `/alerts/${id}`, alertId: id }, { i2cDesk: true, onlyMailAlerts: true })
          : null;
      publish = async () => {
        await tell?.();
        await askI2c?.();
      };
      await audit.record({ actor, action: 'alert.circulate', targetType: 'alert', targetId: id, detail: { targets, recipients: added.length, globalStatus }, ...meta }, t);
    });
    await (publish as Publish)?.();
  }

  async function decideGlobal(actor: Principal, id: string, approve: boolean, comment: string | null, meta: Meta = {}) {
    const s = await scopeOf(database, actor);
    const ref = await referenceSets(database);
    let publish: Publish = null;
    await tx(async (t) => {
      const a = await forAction(t, s, id, (p) => p.decideGlobal, 'decide the global circulation of');
      await t.execute(sql`UPDATE alerts SET global_status = ${approve ? 'approved' : 'declined'}, updated_at = now(), version = version + 1 WHERE id = ${id}`);
      await addHistory(t, id, s.userId, approve ? 'global circulation approved' : 'global circulation declined', comment);
      if (approve) {
        const resolved = await resolveTargets(t, ref, { regions: [], orgIds: [], listIds: [], global: true }, a.handling, async () => new Map());
        resolved.delete(a.authorOrgId);
        publish = await tellRecipients(t, a, await addRecipients(t, id, resolved));
      }
      await audit.record({ actor, action: approve ? 'alert.global.approve' : 'alert.global.decline', targetType: 'alert', targetId: id, ...meta }, t);
    });
    await (publish as Publish)?.();
  }

  /** A recipient passes the alert on to other administrations, as far as its handling code allows. */
  async function forward(actor: Principal, id: string, orgIds: string[], meta: Meta = {}) {
    const s = await scopeOf(database, actor);
    const ref = await referenceSets(database);
    let publish: Publish = null;
    await tx(async (t) => {
      const a = await forAction(t, s, id, (p) => p.forward, 'forward');
      const resolved = await resolveTargets(t, ref, { regions: [], orgIds, listIds: [], global: false }, a.handling, async () => new Map());
      for (const k of resolved.keys()) resolved.set(k, `forward:${s.orgId}`);
      resolved.delete(a.authorOrgId);
      const added = await addRecipients(t, id, resolved);
      const names = await directory(t);
      await addHistory(t, id, s.userId, 'forwarded', `${names.get(s.orgId)?.name ?? s.orgId} → ${added.map((o) => names.get(o)?.name ?? o).join(', ') || 'nobody new'}`);
      publish = await tellRecipients(t, a, added);
      await audit.record({ actor, action: 'alert.forward', targetType: 'alert', targetId: id, detail: { orgIds: added }, ...meta }, t);
    });
    await (publish as Publish)?.();
  }

  async function withdraw(actor: Principal, id: string, comment: string, meta: Meta = {}) {
    const s = await scopeOf(database, actor);
    await tx(async (t) => {
      await forAction(t, s, id, (p) => p.withdraw, 'withdraw');
      await t.execute(sql`UPDATE alerts SET status = 'withdrawn', updated_at = now(), version = version + 1 WHERE id = ${id}`);
      await addHistory(t, id, s.userId, 'withdrawn', comment);
      await audit.record({ actor, action: 'alert.withdraw', targetType: 'alert', targetId: id, ...meta }, t);
    });
  }

  /** A recipient administration acknowledges the alert, and may say what came of it. */
  async function acknowledge(actor: Principal, id: string, body: { feedback: string | null; seizureId: string | null; comment: string | null }, meta: Meta = {}) {
    const s = await scopeOf(database, actor);
    if (body.feedback === 'led_to_seizure' && !body.seizureId) throw unprocessable('seizureId', 'name the seizure the alert led to');
    if (body.seizureId && body.feedback !== 'led_to_seizure') throw unprocessable('seizureId', 'is only for the feedback led_to_seizure');
    if (body.seizureId) {
      const seizure = (await seizureLabels(database, [body.seizureId])).get(body.seizureId);
      if (!seizure || (seizure.status !== 'validated' && seizure.orgId !== s.orgId)) throw unprocessable('seizureId', 'is not a seizure you can link');
    }
    await tx(async (t) => {
      await forAction(t, s, id, (p) => p.acknowledge, 'acknowledge');
      await t.execute(sql`INSERT INTO alert_acks (alert_id, org_id, user_id, feedback, feedback_seizure_id, feedback_comment, feedback_by, feedback_at)
        VALUES (${id}, ${s.orgId}, ${s.userId}, ${body.feedback}, ${body.seizureId}, ${body.comment}, ${body.feedback ? s.userId : null}, ${body.feedback ? sql`now()` : null})
        ON CONFLICT (alert_id, org_id) DO UPDATE SET
          feedback = coalesce(EXCLUDED.feedback, alert_acks.feedback),
          feedback_seizure_id = CASE WHEN EXCLUDED.feedback IS NULL THEN alert_acks.feedback_seizure_id ELSE EXCLUDED.feedback_seizure_id END,
          feedback_comment = CASE WHEN EXCLUDED.feedback IS NULL THEN alert_acks.feedback_comment ELSE EXCLUDED.feedback_comment END,
          feedback_by = coalesce(EXCLUDED.feedback_by, alert_acks.feedback_by), feedback_at = coalesce(EXCLUDED.feedback_at, alert_acks.feedback_at)`);
      await audit.record({ actor, action: body.feedback ? 'alert.feedback' : 'alert.acknowledge', targetType: 'alert', targetId: id, detail: { feedback: body.feedback }, ...meta }, t);
    });
  }

  return { create, update, submit, returnToAuthor, circulate, decideGlobal, forward, withdraw, acknowledge, canRead, isRecipient };
}

export type Workflow = ReturnType<typeof createWorkflow>;

function mergeTargets(before: Targets | null, add: TargetsInput): Targets {
  const u = (a: string[] = [], b: string[] = []) => [...new Set([...a, ...b])];
  return { regions: u(before?.regions, add.regions), orgIds: u(before?.orgIds, add.orgIds), listIds: u(before?.listIds, add.listIds), global: !!before?.global || add.global };
}

function describeTargets(t: TargetsInput): string {
  const parts = [t.regions.length ? `regions ${t.regions.join(', ')}` : '', t.orgIds.length ? `${t.orgIds.length} administration(s)` : '', t.listIds.length ? `${t.listIds.length} list(s)` : '', t.global ? 'global (GRAN)' : ''];
  return parts.filter(Boolean).join('; ');
}
