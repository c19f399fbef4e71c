import { and, desc, eq, isNull, or, gt, sql } from 'drizzle-orm';
import type { Database } from '../platform/db/database.ts';
import { badRequest, notFound } from '../platform/http/problem.ts';
import { apiTokens, users } from './tables.ts';
import { randomToken, sha256 } from './sessions.ts';
import { authChanged } from './auth-cache.ts';

// The prefix makes a leaked token easy to recognise in logs and by secret scanners.
export const TOKEN_PREFIX = 'ocn_';

export async function issueApiToken(database: Database, input: { name: string; userId: string; expiresInDays?: number; createdBy?: string }) {
  const [user] = await database.db.select().from(users).where(eq(users.id, input.userId));
  if (!user) throw notFound('User');
  if (!user.system) throw badRequest('API tokens are issued to system accounts only.', [{ field: 'body.userId', message: 'is not a system account' }]);
  const token = TOKEN_PREFIX + randomToken(32);
  const [row] = await database.db
    .insert(apiTokens)
    .values({
      name: input.name,
      userId: input.userId,
      tokenHash: sha256(token),
      createdBy: input.createdBy,
      expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86400_000) : null,
    })
    .returning();
  return { token, ...present(row, user.username) };
}

export async function revokeApiToken(database: Database, id: string) {
  const [row] = await database.db.update(apiTokens).set({ revokedAt: new Date() }).where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt))).returning();
  if (!row) throw notFound('Active API token');
  await authChanged(database, row.userId);
  return row;
}

export async function listApiTokens(database: Database) {
  const rows = await database.db
    .select({ token: apiTokens, username: users.username })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map((r) => present(r.token, r.username));
}

export async function findApiToken(database: Database, token: string) {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const [row] = await database.db
    .select({ id: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt, expiresAt: apiTokens.expiresAt, user: { id: users.id, orgId: users.orgId, roles: users.roles, disabled: users.disabled } })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, sha256(token)), isNull(apiTokens.revokedAt), or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, new Date()))))
    .limit(1);
  if (!row || row.user.disabled) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await database.db.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(eq(apiTokens.id, row.id));
  }
  return row;
}

function present(t: typeof apiTokens.$inferSelect, username: string) {
  return {
    id: t.id,
    name: t.name,
    userId: t.userId,
    username,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
    expiresAt: t.expiresAt?.toISOString() ?? null,
  };
}
