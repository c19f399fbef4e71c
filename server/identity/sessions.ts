import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Database } from '../platform/db/database.ts';
import { sessions, users } from './tables.ts';
import { authChanged } from './auth-cache.ts';

export const SESSION_COOKIE = 'opencen_session';
// A session ends 12 hours after sign-in, or after an hour without use.
export const SESSION_ABSOLUTE_MS = 12 * 3600_000;
export const SESSION_IDLE_MS = 3600_000;

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');

export async function createSession(database: Database, userId: string, secondFactorPending: boolean, meta: { ip?: string; userAgent?: string }) {
  const token = randomToken();
  const csrfToken = randomToken(24);
  const [row] = await database.db
    .insert(sessions)
    .values({
      tokenHash: sha256(token),
      userId,
      csrfToken,
      secondFactorPending,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 300),
      expiresAt: new Date(Date.now() + SESSION_ABSOLUTE_MS),
    })
    .returning({ id: sessions.id });
  return { id: row.id, token, csrfToken };
}

export async function findSession(database: Database, token: string) {
  const idleCutoff = new Date(Date.now() - SESSION_IDLE_MS);
  const [row] = await database.db
    .select({ session: sessions, user: { id: users.id, orgId: users.orgId, roles: users.roles, disabled: users.disabled, mustChangePassword: users.mustChangePassword } })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, sha256(token)), gt(sessions.expiresAt, new Date()), gt(sessions.lastSeenAt, idleCutoff)))
    .limit(1);
  if (!row || row.user.disabled) return null;
  // Touch at most once a minute: a write per request would cost more than the lookup.
  if (Date.now() - row.session.lastSeenAt.getTime() > 60_000) {
    await database.db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, row.session.id));
  }
  return row;
}

export async function completeSecondFactor(database: Database, sessionId: string, userId: string) {
  await database.db.update(sessions).set({ secondFactorPending: false }).where(eq(sessions.id, sessionId));
  await authChanged(database, userId);
}

export async function destroySession(database: Database, sessionId: string, userId: string) {
  await database.db.delete(sessions).where(eq(sessions.id, sessionId));
  await authChanged(database, userId);
}

export async function destroyUserSessions(database: Database, userId: string, exceptSessionId?: string) {
  await database.db
    .delete(sessions)
    .where(exceptSessionId ? and(eq(sessions.userId, userId), sql`${sessions.id} <> ${exceptSessionId}`) : eq(sessions.userId, userId));
  await authChanged(database, userId);
}

export async function purgeExpiredSessions(database: Database) {
  await database.db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
}
