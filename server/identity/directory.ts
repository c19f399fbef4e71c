import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { isUniqueViolation } from '../platform/db/errors.ts';
import type { Database } from '../platform/db/database.ts';
import type { Principal } from '../platform/http/access.ts';
import { badRequest, conflict, notFound } from '../platform/http/problem.ts';
import type { AuditLog } from '../platform/context.ts';
import { organisations, users } from './tables.ts';
import { hashPassword, passwordProblem } from './passwords.ts';
import { randomToken, destroyUserSessions } from './sessions.ts';
import { authChanged } from './auth-cache.ts';
import type { z } from 'zod';
import type { orgInput, userCreateInput, userUpdateInput } from './schemas.ts';
import type { UserView } from './directory-view.ts';

/** Organisations and users, as administrators manage them. */
export interface DirectoryDeps {
  database: Database;
  audit: AuditLog;
  /** Asks the reference module whether an ISO code is a known country. */
  countryExists(code: string): Promise<boolean>;
}

type OrgInput = z.infer<typeof orgInput>;
type UserCreate = z.infer<typeof userCreateInput>;
type UserUpdate = z.infer<typeof userUpdateInput>;
interface Meta {
  ip?: string;
  requestId?: string;
}


export async function listOrganisations(database: Database) {
  const rows = await database.db
    .select({
      id: organisations.id,
      name: organisations.name,
      shortName: organisations.shortName,
      kind: organisations.kind,
      country: organisations.country,
      region: organisations.region,
      userCount: sql<number>`(SELECT count(*)::int FROM users u WHERE u.org_id = ${organisations.id})`,
    })
    .from(organisations)
    .orderBy(asc(organisations.kind), asc(organisations.name));
  return rows;
}

export interface OrganisationSummary {
  id: string;
  name: string;
  shortName: string;
  kind: string;
  country: string | null;
  region: string | null;
}

/** One organisation, for other modules that scope by it (e.g. a RILO sees its region's queue). */
export async function getOrganisation(database: Database, id: string): Promise<OrganisationSummary | null> {
  const [row] = await database.db
    .select({ id: organisations.id, name: organisations.name, shortName: organisations.shortName, kind: organisations.kind, country: organisations.country, region: organisations.region })
    .from(organisations)
    .where(eq(organisations.id, id));
  return row ?? null;
}

async function checkCountry(deps: DirectoryDeps, country: string | null | undefined) {
  if (country && !(await deps.countryExists(country)))
    throw badRequest(`Unknown country ${country}.`, [{ field: 'body.country', message: 'is not a known ISO 3166 country' }]);
}

export async function createOrganisation(deps: DirectoryDeps, actor: Principal | null, input: OrgInput, meta: Meta = {}) {
  await checkCountry(deps, input.country);
  try {
    return await deps.database.db.transaction(async (tx) => {
      const [row] = await tx.insert(organisations).values({ ...input, country: input.country ?? null, region: input.region ?? null }).returning();
      await deps.audit.record({ actor, action: 'organisation.create', targetType: 'organisation', targetId: row.id, detail: { name: row.name }, ...meta }, tx);
      return { ...row, userCount: 0 };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict(`An organisation with the short name ${input.shortName} exists.`, [{ field: 'body.shortName', message: 'is already used' }]);
    throw e;
  }
}

/** Creates many organisations in one statement with one audit entry (directory imports, demo data). */
export async function createOrganisations(deps: DirectoryDeps, actor: Principal | null, inputs: OrgInput[], meta: Meta = {}) {
  return deps.database.db.transaction(async (tx) => {
    const rows = await tx
      .insert(organisations)
      .values(inputs.map((o) => ({ ...o, country: o.country ?? null, region: o.region ?? null })))
      .returning({ id: organisations.id, shortName: organisations.shortName });
    await deps.audit.record({ actor, action: 'organisation.import', targetType: 'organisation', detail: { count: rows.length }, ...meta }, tx);
    return rows;
  });
}

export async function updateOrganisation(deps: DirectoryDeps, actor: Principal, id: string, input: Partial<OrgInput>, meta: Meta = {}) {
  await checkCountry(deps, input.country);
  try {
    return await deps.database.db.transaction(async (tx) => {
      const [row] = await tx.update(organisations).set({ ...input, updatedAt: new Date() }).where(eq(organisations.id, id)).returning();
      if (!row) throw notFound('Organisation');
      await deps.audit.record({ actor, action: 'organisation.update', targetType: 'organisation', targetId: id, detail: { changes: input }, ...meta }, tx);
      const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(users).where(eq(users.orgId, id));
      return { ...row, userCount: n };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict(`An organisation with the short name ${input.shortName} exists.`, [{ field: 'body.shortName', message: 'is already used' }]);
    throw e;
  }
}

const userColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  email: users.email,
  orgId: users.orgId,
  orgName: organisations.name,
  roles: users.roles,
  disabled: users.disabled,
  totpEnabled: users.totpEnabled,
  lockedUntil: users.lockedUntil,
  lastLoginAt: users.lastLoginAt,
  system: users.system,
};

function presentUser(u: { lockedUntil: Date | null; lastLoginAt: Date | null } & Record<string, unknown>) {
  return {
    ...u,
    lockedUntil: u.lockedUntil && u.lockedUntil > new Date() ? u.lockedUntil.toISOString() : null,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
  } as UserView;
}

export async function listUsers(database: Database, q: { q?: string; orgId?: string; role?: string; page: number; pageSize: number }) {
  const where: SQL[] = [];
  if (q.q) {
    const like = `%${q.q.replace(/[%_\\]/g, '\\$&')}%`;
    where.push(sql`(${users.username} ILIKE ${like} OR ${users.displayName} ILIKE ${like} OR ${users.email} ILIKE ${like})`);
  }
  if (q.orgId) where.push(eq(users.orgId, q.orgId));
  if (q.role) where.push(sql`${q.role} = ANY(${users.roles})`);
  const cond = where.length ? and(...where) : undefined;
  const rows = await database.db
    .select(userColumns)
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    .where(cond)
    .orderBy(asc(users.username))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [{ total }] = await database.db.select({ total: sql<number>`count(*)::int` }).from(users).where(cond);
  return { items: rows.map(presentUser), total };
}

export async function getUser(database: Database, id: string) {
  const [row] = await database.db.select(userColumns).from(users).innerJoin(organisations, eq(organisations.id, users.orgId)).where(eq(users.id, id));
  if (!row) throw notFound('User');
  return presentUser(row);
}

export async function createUser(deps: DirectoryDeps, actor: Principal | null, input: UserCreate, meta: Meta = {}) {
  const [org] = await deps.database.db.select().from(organisations).where(eq(organisations.id, input.orgId));
  if (!org) throw badRequest('Unknown organisation.', [{ field: 'body.orgId', message: 'is not a known organisation' }]);
  let passwordHash: string | null = null;
  if (!input.system) {
    if (!input.password) throw badRequest('A password is required for a person’s account.', [{ field: 'body.password', message: 'is required' }]);
    const weak = passwordProblem(input.password, input.username);
    if (weak) throw badRequest(`The password ${weak}.`, [{ field: 'body.password', message: weak }]);
    passwordHash = await hashPassword(input.password);
  }
  try {
    const id = await deps.database.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(users)
        .values({
          username: input.username,
          displayName: input.displayName,
          email: input.email,
          orgId: input.orgId,
          roles: input.roles,
          system: input.system,
          passwordHash,
          profile: { email: input.email },
        })
        .returning({ id: users.id });
      await deps.audit.record({ actor, action: 'user.create', targetType: 'user', targetId: row.id, detail: { username: input.username, roles: input.roles, system: input.system }, ...meta }, tx);
      return row.id;
    });
    return getUser(deps.database, id);
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict(`The username ${input.username} is taken.`, [{ field: 'body.username', message: 'is already taken' }]);
    throw e;
  }
}

export async function updateUser(deps: DirectoryDeps, actor: Principal, id: string, input: UserUpdate, meta: Meta = {}) {
  if (input.orgId) {
    const [org] = await deps.database.db.select().from(organisations).where(eq(organisations.id, input.orgId));
    if (!org) throw badRequest('Unknown organisation.', [{ field: 'body.orgId', message: 'is not a known organisation' }]);
  }
  if (id === actor.userId && (input.disabled || (input.roles && !input.roles.includes('admin'))))
    throw badRequest('You cannot disable yourself or remove your own administrator role.', [{ field: input.disabled ? 'body.disabled' : 'body.roles', message: 'would lock you out' }]);
  await deps.database.db.transaction(async (tx) => {
    const [row] = await tx.update(users).set({ ...input, updatedAt: new Date() }).where(eq(users.id, id)).returning({ id: users.id });
    if (!row) throw notFound('User');
    await deps.audit.record({ actor, action: 'user.update', targetType: 'user', targetId: id, detail: { changes: input }, ...meta }, tx);
  });
  // Changed rights apply at once: a disabled user is signed out everywhere, a changed role counts on the next call.
  if (input.disabled) await destroyUserSessions(deps.database, id);
  else await authChanged(deps.database, id);
  return getUser(deps.database, id);
}

/** Sets a temporary password the user must change at next sign-in; ends the user's sessions. */
export async function resetPassword(deps: DirectoryDeps, actor: Principal | null, id: string, meta: Meta = {}) {
  const [user] = await deps.database.db.select().from(users).where(eq(users.id, id));
  if (!user) throw notFound('User');
  if (user.system) throw badRequest('System accounts have no password; issue an API token instead.');
  const temporaryPassword = `${randomToken(9)}-${randomToken(6)}`;
  await deps.database.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash: await hashPassword(temporaryPassword), mustChangePassword: true, failedLogins: 0, lockedUntil: null, updatedAt: new Date() })
      .where(eq(users.id, id));
    await deps.audit.record({ actor, action: 'user.password.reset', targetType: 'user', targetId: id, ...meta }, tx);
  });
  await destroyUserSessions(deps.database, id);
  return { temporaryPassword };
}

export async function unlockUser(deps: DirectoryDeps, actor: Principal, id: string, meta: Meta = {}) {
  const [row] = await deps.database.db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, id)).returning({ id: users.id });
  if (!row) throw notFound('User');
  await deps.audit.record({ actor, action: 'user.unlock', targetType: 'user', targetId: id, ...meta });
}
