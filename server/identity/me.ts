import { eq } from 'drizzle-orm';
import type { Database } from '../platform/db/database.ts';
import { notFound } from '../platform/http/problem.ts';
import { organisations, users } from './tables.ts';

export type SecondFactorStep = 'none' | 'verify' | 'enrol';

// Roles whose holders must use a second factor (DESIGN.md: administrators and operation coordinators).
export const SECOND_FACTOR_ROLES = ['admin'];

/** `required` adds what another module asks for (an operation coordinator must enrol too). */
export function secondFactorStep(user: { totpEnabled: boolean; roles: string[] }, required = false): SecondFactorStep {
  if (user.totpEnabled) return 'verify';
  return required || user.roles.some((r) => SECOND_FACTOR_ROLES.includes(r)) ? 'enrol' : 'none';
}

/** What the web app knows of the signed-in user. */
export async function loadMe(database: Database, userId: string) {
  const [row] = await database.db
    .select({ user: users, orgName: organisations.name, orgCountry: organisations.country })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    .where(eq(users.id, userId));
  if (!row) throw notFound('User');
  const u = row.user;
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    orgId: u.orgId,
    orgName: row.orgName,
    orgCountry: row.orgCountry,
    roles: u.roles,
    language: u.language,
    totpEnabled: u.totpEnabled,
    mustChangePassword: u.mustChangePassword,
  };
}
