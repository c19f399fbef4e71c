import { sql } from 'drizzle-orm';
import { isUniqueViolation } from '../platform/db/errors.ts';
import type { AppContext } from '../platform/context.ts';
import { type Db, execRows } from '../platform/db/database.ts';
import type { Principal } from '../platform/http/access.ts';
import { conflict, forbidden, notFound, Problem } from '../platform/http/problem.ts';
import { queueNotice } from '../identity/index.ts';
import { referenceSets } from '../reference/index.ts';
import { checkSeizure, nominalWarnings } from './check.ts';
import { insertSeizures, loadSeizure, replaceSeizure } from './store.ts';
import { scopeOf, type Scope } from './search.ts';
import type { historyEntry, Seizure, SeizureInput } from './schema.ts';
import type { z } from 'zod';
import { isoTime } from '../platform/db/timestamps.ts';

type Ctx = Pick<AppContext, 'database' | 'audit' | 'events' | 'jobs'>;
export interface Meta {
  ip?: string;
  requestId?: string;
}

/** Fields compared for the change history (lines and legs are compared whole). */
const HISTORY_FIELDS: (keyof Seizure)[] = [
  'seizedAt', 'country', 'placeLocode', 'placeIata', 'placeText', 'lat', 'lng', 'locationType', 'direction', 'detectionMethods',
  'concealmentMethods', 'concealmentDetail', 'transportMode', 'conveyanceType', 'route', 'commodities', 'offenders', 'narrative', 'externalRef',
];

function diff(before: Seizure, after: Seizure): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const f of HISTORY_FIELDS) if (JSON.stringify(before[f]) !== JSON.stringify(after[f])) out[f] = { from: before[f], to: after[f] };
  return out;
}

/**
 * A change of a seizure that another module follows (a national node's push to its hub): its submission
 * (the national validation), a change of a submitted or validated record, its removal.
 */
export interface SeizureChange {
  seizureId: string;
  reference: string;
  kind: 'submitted' | 'updated' | 'removed';
}
/** Runs inside the transaction of the change: what it writes commits, or rolls back, with the change. */
export type SeizureChangeListener = (tx: Db, change: SeizureChange) => Promise<void>;

const unprocessable = (errors: { field: string; message: string }[]) =>
  new Problem(422, 'Unprocessable Content', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);

/**
 * The life of a seizure record: an NCP drafts it and submits it; the RILO of its country validates
 * it (visible to every member from then on) or returns it with a comment; the NCP corrects and
 * resubmits. Every change is written with its diff to the history and to the audit log.
 */
export function createRecords(ctx: Ctx) {
  const { database, audit } = ctx;
  const tx = <T>(fn: (tx: Db) => Promise<T>) => database.db.transaction((t) => fn(t));
  const listeners: SeizureChangeListener[] = [];
  async function changed(t: Db, change: SeizureChange) {
    for (const listen of listeners) await listen(t, change);
  }

  /** Registers a listener of submissions, changes of submitted or validated records and removals; answers its removal. */
  function onChange(listen: SeizureChangeListener): () => void {
    listeners.push(listen);
    return () => {
      const i = listeners.indexOf(listen);
      if (i >= 0) listeners.splice(i, 1);
    };
  }

  async function prepare(input: SeizureInput) {
    const ref = await referenceSets(database);
    const { errors, prepared } = checkSeizure(input, ref);
    if (errors.length) throw unprocessable(errors);
    const warnings = nominalWarnings(input);
    if (warnings.length && !input.acceptNominalWarnings) {
      throw new Problem(
        422,
        'Possible personal data',
        'Some free text looks like personal data, which the seizure database must not hold. Remove it, or confirm that it is not personal data (acceptNominalWarnings).',
        warnings.map((w) => ({ field: `body.${w.field}`, message: `looks like ${w.kind.replace('_', ' ')}: "${w.excerpt}"` })),
        'urn:opencen:problem:nominal-text',
      );
    }
    return { prepared, warnings };
  }

  async function history(t: Db, id: string, userId: string | null, action: string, changes: object = {}, comment: string | null = null) {
    await t.execute(sql`INSERT INTO seizure_history (seizure_id, user_id, action, changes, comment) VALUES (${id}, ${userId}, ${action}, ${JSON.stringify(changes)}::jsonb, ${comment})`);
  }

  /** `provenance` says where the record came from: entered here, or brought from CENcomm through the allowlist. */
  async function create(actor: Principal, input: SeizureInput, meta: Meta = {}, provenance: 'entered' | 'cencomm' = 'entered') {
    const { prepared, warnings } = await prepare(input);
    const id = await tx(async (t) => {
      const { ids } = await insertSeizures(t, [{ prepared, orgId: actor.orgId, userId: actor.userId, provenance }]);
      if (!ids.length) throw conflict(`Your administration already has a seizure with external reference ${prepared.externalRef}.`, [{ field: 'body.externalRef', message: 'is already used' }]);
      await history(t, ids[0], actor.userId, 'created', provenance === 'entered' ? {} : { provenance });
      await audit.record({ actor, action: 'seizure.create', targetType: 'seizure', targetId: ids[0], ...meta }, t);
      return ids[0];
    });
    return { ...(await loadSeizure(database.db, id))!, warnings };
  }

  /** Loads for a change, refusing what the actor may not change. */
  async function forChange(t: Db, actor: Principal, id: string, scope: Scope | null, expectVersion?: number) {
    const s = await loadSeizure(t, id, true);
    if (!s) throw notFound('Seizure');
    if (expectVersion !== undefined && s.version !== expectVersion) throw conflict(`The record changed since you opened it (version ${s.version}, yours ${expectVersion}); reload it.`);
    if (scope) {
      const reviewer = (scope.wco || (scope.rilo && s.rilo === scope.rilo)) && s.status === 'submitted';
      if (!reviewer) throw s.status === 'validated' || s.orgId === actor.orgId ? forbidden('Only the RILO of the seizure country reviews a submitted seizure.') : notFound('Seizure');
    } else if (s.orgId !== actor.orgId) {
      throw s.status === 'validated' ? forbidden('Only the reporting administration changes its seizures.') : notFound('Seizure');
    }
    return s;
  }

  async function update(actor: Principal, id: string, input: SeizureInput, expectVersion?: number, meta: Meta = {}) {
    const { prepared, warnings } = await prepare(input);
    const scope = await scopeOf(database, actor);
    await tx(async (t) => {
      const own = (await execRows<{ org: string }>(t, sql`SELECT org_id AS org FROM seizures WHERE id = ${id}`))[0];
      // A RILO corrects a submitted record of its region ("verify the accuracy of the CEN data"); otherwise the owner edits.
      const before = await forChange(t, actor, id, own && own.org !== actor.orgId ? scope : null, expectVersion);
      if (before.status === 'submitted' && before.orgId === actor.orgId) throw conflict('The seizure is with the RILO for validation; it can be changed again once it is validated or returned.');
      try {
        await replaceSeizure(t, id, prepared);
      } catch (e) {
        if (isUniqueViolation(e))
          throw conflict(`Your administration already has a seizure with external reference ${prepared.externalRef}.`, [{ field: 'body.externalRef', message: 'is already used' }]);
        throw e;
      }
      // A validated record that its owner changes goes back to the RILO.
      if (before.status === 'validated' && before.orgId === actor.orgId)
        await t.execute(sql`UPDATE seizures SET status = 'submitted', submitted_at = now(), validated_at = NULL, validated_by = NULL WHERE id = ${id}`);
      const after = (await loadSeizure(t, id))!;
      await history(t, id, actor.userId, 'updated', diff(before, after));
      if (before.status === 'submitted' || before.status === 'validated') await changed(t, { seizureId: id, reference: before.reference, kind: 'updated' });
      await audit.record({ actor, action: 'seizure.update', targetType: 'seizure', targetId: id, detail: { fields: Object.keys(diff(before, after)) }, ...meta }, t);
    });
    return { ...(await loadSeizure(database.db, id))!, warnings };
  }

  async function get(actor: Principal, id: string): Promise<Seizure> {
    const s = await loadSeizure(database.db, id);
    if (!s) throw notFound('Seizure');
    if (s.status !== 'validated' && s.orgId !== actor.orgId) {
      const scope = await scopeOf(database, actor);
      const reviewer = (s.status === 'submitted' || s.status === 'returned') && (scope.wco || (scope.rilo !== null && s.rilo === scope.rilo));
      if (!reviewer) throw notFound('Seizure');
    }
    return s;
  }

  async function remove(actor: Principal, id: string, meta: Meta = {}) {
    await tx(async (t) => {
      const s = await forChange(t, actor, id, null);
      if (s.status !== 'draft' && s.status !== 'returned') throw conflict('Only a draft or a returned seizure can be deleted.');
      for (const p of s.photos) await t.execute(sql`DELETE FROM seizure_photos WHERE id = ${p.id}`);
      await t.execute(sql`DELETE FROM seizures WHERE id = ${id}`);
      await changed(t, { seizureId: id, reference: s.reference, kind: 'removed' });
      await audit.record({ actor, action: 'seizure.delete', targetType: 'seizure', targetId: id, detail: { reference: s.reference }, ...meta }, t);
    });
  }

  async function submit(actor: Principal, id: string, meta: Meta = {}) {
    let publish: (() => Promise<void>) | null = null;
    await tx(async (t) => {
      const s = await forChange(t, actor, id, null);
      if (s.status !== 'draft' && s.status !== 'returned') throw conflict(`A ${s.status} seizure cannot be submitted.`);
      await t.execute(sql`UPDATE seizures SET status = 'submitted', submitted_at = now(), updated_at = now(), version = version + 1 WHERE id = ${id}`);
      await history(t, id, actor.userId, 'submitted');
      await changed(t, { seizureId: id, reference: s.reference, kind: 'submitted' });
      const rilo = s.rilo ? (await execRows<{ id: string }>(t, sql`SELECT id FROM identity_organisations WHERE kind = 'rilo' AND upper(short_name) = ${s.rilo}`))[0] : undefined;
      if (rilo)
        publish = await queueNotice(
          ctx,
          t,
          { title: `Seizure ${s.reference} to validate`, body: `${s.orgName} submitted seizure ${s.reference} for validation.`, link: `/seizures/${id}`, seizureId: id },
          { orgIds: [rilo.id], orgRoles: ['rilo_analyst'], onlyMailAlerts: true },
        );
      // The audit entry is the last write of each change: its chain lock is held until the commit, so that
      // whatever came after it would hold up every other audited change (the hub takes hundreds a second).
      await audit.record({ actor, action: 'seizure.submit', targetType: 'seizure', targetId: id, ...meta }, t);
    });
    await (publish as (() => Promise<void>) | null)?.();
    return (await loadSeizure(database.db, id))!;
  }

  async function review(actor: Principal, id: string, decision: 'validated' | 'returned', comment: string | undefined, meta: Meta = {}) {
    const scope = await scopeOf(database, actor);
    let publish: (() => Promise<void>) | null = null;
    await tx(async (t) => {
      const s = await forChange(t, actor, id, scope);
      if (decision === 'validated')
        await t.execute(sql`UPDATE seizures SET status = 'validated', validated_at = now(), validated_by = ${actor.userId}, return_comment = NULL,
          updated_at = now(), version = version + 1 WHERE id = ${id}`);
      else
        await t.execute(sql`UPDATE seizures SET status = 'returned', return_comment = ${comment ?? null}, updated_at = now(), version = version + 1 WHERE id = ${id}`);
      await history(t, id, actor.userId, decision, {}, comment ?? null);
      const title = decision === 'validated' ? `Seizure ${s.reference} validated` : `Seizure ${s.reference} returned for correction`;
      const body = decision === 'validated' ? `Your seizure ${s.reference} was validated by ${s.rilo ?? 'the RILO'}.` : `Your seizure ${s.reference} was returned by ${s.rilo ?? 'the RILO'} with a comment. Open it to correct it.`;
      publish = await queueNotice(ctx, t, { title, body, link: `/seizures/${id}`, seizureId: id }, { orgIds: [s.orgId], orgRoles: ['ncp'], onlyMailAlerts: true });
      await audit.record({ actor, action: decision === 'validated' ? 'seizure.validate' : 'seizure.return', targetType: 'seizure', targetId: id, ...meta }, t);
    });
    await (publish as (() => Promise<void>) | null)?.();
    return (await loadSeizure(database.db, id))!;
  }

  /**
   * The hub's decision on a seizure this node submitted to it (a national node's push): mirrored onto the
   * record while it is still submitted here, with the RILO's comment, in the history and the audit log, and
   * told to the administration's NCPs. Answers whether it changed the record (a second call changes nothing).
   */
  async function mirrorHubDecision(id: string, decision: 'validated' | 'returned', comment: string | null): Promise<boolean> {
    let publish: (() => Promise<void>) | null = null;
    const applied = await tx(async (t) => {
      const s = await loadSeizure(t, id, true);
      if (!s || s.status !== 'submitted') return false;
      if (decision === 'validated')
        await t.execute(sql`UPDATE seizures SET status = 'validated', validated_at = now(), validated_by = NULL, return_comment = NULL,
          updated_at = now(), version = version + 1 WHERE id = ${id}`);
      else await t.execute(sql`UPDATE seizures SET status = 'returned', return_comment = ${comment}, updated_at = now(), version = version + 1 WHERE id = ${id}`);
      await history(t, id, null, decision, { by: 'hub' }, comment);
      const title = decision === 'validated' ? `Seizure ${s.reference} validated on the hub` : `Seizure ${s.reference} returned by the hub`;
      const body =
        decision === 'validated'
          ? `Your seizure ${s.reference} was validated on the hub by ${s.rilo ?? 'the RILO'}.`
          : `Your seizure ${s.reference} was returned by the hub${s.rilo ? ` (${s.rilo})` : ''} with a comment. Open it to correct it.`;
      publish = await queueNotice(ctx, t, { title, body, link: `/seizures/${id}`, seizureId: id }, { orgIds: [s.orgId], orgRoles: ['ncp'], onlyMailAlerts: true });
      await audit.record({ actor: null, action: decision === 'validated' ? 'seizure.validate.hub' : 'seizure.return.hub', targetType: 'seizure', targetId: id }, t);
      return true;
    });
    await (publish as (() => Promise<void>) | null)?.();
    return applied;
  }

  /** The record as stored, whoever owns it, for the system's own work (a push builds its payload from it); null when gone. */
  async function snapshot(id: string): Promise<Seizure | null> {
    return loadSeizure(database.db, id);
  }

  async function historyOf(actor: Principal, id: string) {
    await get(actor, id);
    const rows = await database.rows<Omit<z.infer<typeof historyEntry>, 'at' | 'changes'> & { at: Date | string; changes: string | Record<string, unknown> }>(sql`SELECT h.id::int AS id, h.at, h.user_id AS "userId", u.display_name AS "userName",
        h.action, h.changes, h.comment
      FROM seizure_history h LEFT JOIN identity_users u ON u.id = h.user_id WHERE h.seizure_id = ${id} ORDER BY h.id`);
    return rows.map((r) => ({
      ...r,
      at: isoTime(r.at),
      changes: typeof r.changes === 'string' ? (JSON.parse(r.changes) as Record<string, unknown>) : r.changes,
    }));
  }

  /** The reference checks alone, without saving (previews). */
  async function check(input: SeizureInput) {
    return { errors: checkSeizure(input, await referenceSets(database)).errors, warnings: nominalWarnings(input) };
  }

  return { create, update, get, remove, submit, review, history: historyOf, prepare, check, onChange, mirrorHubDecision, snapshot };
}

export type Records = ReturnType<typeof createRecords>;
