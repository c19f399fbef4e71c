import { sql } from 'drizzle-orm';
import { isUniqueViolation } from '../platform/db/errors.ts';
import type { AppContext } from '../platform/context.ts';
import { type Database, type Db, execRows } from '../platform/db/database.ts';
import type { Principal } from '../platform/http/access.ts';
import { conflict, forbidden, notFound } from '../platform/http/problem.ts';
import { installBuiltinTemplates } from './builtin-templates.ts';
import type { z } from 'zod';
import type { member, operation, OperationInput, OperationRole } from './schema.ts';
import { isoTime } from '../platform/db/timestamps.ts';

export type Operation = z.infer<typeof operation>;

type Ctx = Pick<AppContext, 'database' | 'audit' | 'events'>;
export interface Meta {
  ip?: string;
  requestId?: string;
}

const day = (v: unknown) => (v == null ? null : typeof v === 'string' ? v.slice(0, 10) : (v as Date).toISOString().slice(0, 10));

/** What each operation role may do (the seed: OCU+ coordinates; OCU sees everything and exports). */
export const MAY = {
  manageMembers: ['ocu_plus'],
  editOperation: ['ocu_plus'],
  seeEverything: ['ocu_plus', 'ocu'],
} as const satisfies Record<string, readonly OperationRole[]>;

/** The design's baseline: operation coordinators (OCU+) sign in with a second factor, as administrators do. */
export async function coordinatesAnOperation(database: Database, userId: string): Promise<boolean> {
  const [r] = await database.rows<{ yes: boolean }>(sql`SELECT EXISTS (SELECT 1 FROM comm_members WHERE user_id = ${userId} AND role = 'ocu_plus') AS yes`);
  return r?.yes === true;
}

/**
 * Operations as closed user groups. `roleIn` is the gate every operation route passes: a user who is
 * not a member gets 403 for anything under the operation, whatever it is.
 */
export function createOperations(ctx: Ctx) {
  const { database, audit } = ctx;

  async function roleIn(opId: string, userId: string): Promise<OperationRole | null> {
    const [m] = await database.rows<{ role: OperationRole }>(sql`SELECT role FROM comm_members WHERE operation_id = ${opId} AND user_id = ${userId}`);
    return m?.role ?? null;
  }

  /** The member's role, or 403 (also for an operation that does not exist: no probing for codes). */
  async function requireMember(p: Principal, opId: string, allowed?: readonly OperationRole[]): Promise<OperationRole> {
    const role = await roleIn(opId, p.userId);
    if (!role) throw forbidden('You are not a member of this operation.');
    if (allowed && !allowed.includes(role)) throw forbidden(`This needs one of the operation roles: ${allowed.join(', ')}.`);
    return role;
  }

  const OPERATION_COLUMNS = sql`o.id, o.code, o.name, o.description, o.starts_on AS "startsOn", o.ends_on AS "endsOn", o.status,
    o.organiser_org_id AS "organiserOrgId", org.name AS "organiserName", o.newsletter_hour AS "newsletterHour",
    o.newsletter_time_zone AS "newsletterTimeZone",
    (SELECT count(*)::int FROM comm_members x WHERE x.operation_id = o.id) AS "memberCount"`;

  const out = (r: Record<string, unknown>) => ({ ...r, startsOn: day(r.startsOn), endsOn: day(r.endsOn) }) as Operation;

  async function listMine(p: Principal): Promise<Operation[]> {
    const rows = await database.rows<Record<string, unknown>>(sql`SELECT ${OPERATION_COLUMNS}, m.role AS "myRole",
        (SELECT count(*)::int FROM comm_deliveries d WHERE d.user_id = m.user_id AND d.operation_id = o.id AND d.read_at IS NULL AND d.folder <> 'bin') AS unread
      FROM comm_members m JOIN comm_operations o ON o.id = m.operation_id JOIN identity_organisations org ON org.id = o.organiser_org_id
      WHERE m.user_id = ${p.userId} ORDER BY o.status = 'archived', o.name`);
    return rows.map(out);
  }

  async function get(p: Principal, opId: string): Promise<Operation> {
    const role = await requireMember(p, opId);
    const [row] = await database.rows<Record<string, unknown>>(sql`SELECT ${OPERATION_COLUMNS},
        (SELECT count(*)::int FROM comm_deliveries d WHERE d.user_id = ${p.userId} AND d.operation_id = o.id AND d.read_at IS NULL AND d.folder <> 'bin') AS unread
      FROM comm_operations o JOIN identity_organisations org ON org.id = o.organiser_org_id WHERE o.id = ${opId}`);
    return { ...out(row), myRole: role };
  }

  /** The creator becomes the operation's first OCU+; the operation gets the built-in WARNING, FEEDBACK and SEIZURE templates (`globalShield`: their Global Shield variant). */
  async function create(p: Principal, input: OperationInput, meta: Meta = {}, opts: { globalShield?: boolean } = {}) {
    try {
      const id = await database.db.transaction(async (tx) => {
        const [row] = await execRows<{ id: string }>(tx, sql`INSERT INTO comm_operations (code, name, description, starts_on, ends_on, status, organiser_org_id,
            newsletter_hour, newsletter_time_zone, created_by)
          VALUES (${input.code}, ${input.name}, ${input.description}, ${input.startsOn ?? null}, ${input.endsOn ?? null}, ${input.status}, ${p.orgId},
            ${input.newsletterHour}, ${input.newsletterTimeZone}, ${p.userId}) RETURNING id`);
        await tx.execute(sql`INSERT INTO comm_members (operation_id, user_id, role, added_by) VALUES (${row.id}, ${p.userId}, 'ocu_plus', ${p.userId})`);
        await installBuiltinTemplates(tx, row.id, { globalShield: opts.globalShield, userId: p.userId });
        await audit.record({ actor: p, action: 'comm.operation.create', targetType: 'operation', targetId: row.id, detail: { code: input.code }, ...meta }, tx);
        return row.id;
      });
      return get(p, id);
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict(`An operation with code ${input.code} exists.`, [{ field: 'body.code', message: 'is already used' }]);
      throw e;
    }
  }

  async function update(p: Principal, opId: string, input: OperationInput, meta: Meta = {}) {
    await requireMember(p, opId, MAY.editOperation);
    try {
      await database.db.transaction(async (t) => {
        await t.execute(sql`UPDATE comm_operations SET code = ${input.code}, name = ${input.name}, description = ${input.description},
          starts_on = ${input.startsOn ?? null}, ends_on = ${input.endsOn ?? null}, status = ${input.status}, newsletter_hour = ${input.newsletterHour},
          newsletter_time_zone = ${input.newsletterTimeZone}, updated_at = now() WHERE id = ${opId}`);
        await audit.record({ actor: p, action: 'comm.operation.update', targetType: 'operation', targetId: opId, ...meta }, t);
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict(`An operation with code ${input.code} exists.`, [{ field: 'body.code', message: 'is already used' }]);
      throw e;
    }
    return get(p, opId);
  }

  async function members(p: Principal, opId: string) {
    await requireMember(p, opId);
    const rows = await database.rows<Omit<z.infer<typeof member>, 'addedAt'> & { addedAt: Date | string }>(sql`SELECT u.id AS "userId", u.display_name AS "displayName", u.username,
        org.name AS "orgName", org.country::text AS country, m.role, m.added_at AS "addedAt", m.created_for_group AS "createdForGroup"
      FROM comm_members m JOIN identity_users u ON u.id = m.user_id JOIN identity_organisations org ON org.id = u.org_id
      WHERE m.operation_id = ${opId} ORDER BY org.country NULLS LAST, u.display_name`);
    return rows.map((r) => ({ ...r, addedAt: isoTime(r.addedAt) }));
  }

  async function addMember(p: Principal, opId: string, userId: string, role: OperationRole, meta: Meta = {}) {
    await requireMember(p, opId, MAY.manageMembers);
    await database.db.transaction(async (tx) => {
      const [u] = await execRows<{ disabled: boolean; system: boolean }>(tx, sql`SELECT disabled, system FROM identity_users WHERE id = ${userId}`);
      if (!u || u.disabled || u.system) throw notFound('User');
      const added = await execRows(tx, sql`INSERT INTO comm_members (operation_id, user_id, role, added_by) VALUES (${opId}, ${userId}, ${role}, ${p.userId})
        ON CONFLICT DO NOTHING RETURNING user_id`);
      if (!added.length) throw conflict('The user is already a member of this operation.', [{ field: 'body.userId', message: 'is already a member' }]);
      await audit.record({ actor: p, action: 'comm.member.add', targetType: 'operation', targetId: opId, detail: { userId, role }, ...meta }, tx);
    });
    return members(p, opId);
  }

  async function setRole(p: Principal, opId: string, userId: string, role: OperationRole, meta: Meta = {}) {
    await requireMember(p, opId, MAY.manageMembers);
    await database.db.transaction(async (tx) => {
      await lastCoordinatorGuard(tx, opId, userId, role);
      const changed = await execRows(tx, sql`UPDATE comm_members SET role = ${role} WHERE operation_id = ${opId} AND user_id = ${userId} RETURNING user_id`);
      if (!changed.length) throw notFound('Member');
      await audit.record({ actor: p, action: 'comm.member.role', targetType: 'operation', targetId: opId, detail: { userId, role }, ...meta }, tx);
    });
    return members(p, opId);
  }

  /** An operation always keeps one OCU+, or nobody could manage it any more. */
  async function lastCoordinatorGuard(tx: Db, opId: string, userId: string, newRole: OperationRole | null) {
    if (newRole === 'ocu_plus') return;
    const rows = await execRows<{ user_id: string }>(tx, sql`SELECT user_id FROM comm_members WHERE operation_id = ${opId} AND role = 'ocu_plus' FOR UPDATE`);
    if (rows.length === 1 && rows[0].user_id === userId) throw conflict('The operation needs at least one OCU+; name another first.');
  }

  /** Removal takes effect at once: the next call gets 403 and the user's live streams end on every node. */
  async function removeMember(p: Principal, opId: string, userId: string, meta: Meta = {}) {
    await requireMember(p, opId, MAY.manageMembers);
    await database.db.transaction(async (tx) => {
      await lastCoordinatorGuard(tx, opId, userId, null);
      const gone = await execRows(tx, sql`DELETE FROM comm_members WHERE operation_id = ${opId} AND user_id = ${userId} RETURNING user_id`);
      if (!gone.length) throw notFound('Member');
      await audit.record({ actor: p, action: 'comm.member.remove', targetType: 'operation', targetId: opId, detail: { userId }, ...meta }, tx);
    });
    await ctx.events.endStreams({ userId });
  }

  return { roleIn, requireMember, listMine, get, create, update, members, addMember, setRole, removeMember };
}

export type Operations = ReturnType<typeof createOperations>;
