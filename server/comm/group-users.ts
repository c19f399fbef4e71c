import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { App, AppContext } from '../platform/context.ts';
import { requirePrincipal, type Principal } from '../platform/http/access.ts';
import { forbidden, notFound } from '../platform/http/problem.ts';
import { createUser, resetPassword } from '../identity/index.ts';
import { MAY, type Operations } from './operations.ts';
import { memberParams, OPERATION_ROLES, opParams } from './schema.ts';

type Ctx = Pick<AppContext, 'database' | 'audit'>;

export const groupUserInput = z.object({
  username: z.string().trim().min(3, 'must be at least 3 characters').max(60).regex(/^[a-z0-9][a-z0-9._-]*$/i, 'may hold letters, digits and . _ - only'),
  displayName: z.string().trim().min(1, 'is required').max(200),
  email: z.email('must be an e-mail address').max(254),
  orgId: z.uuid('must be an organisation id').optional().describe("Default: the coordinator's organisation"),
  role: z.enum(OPERATION_ROLES).default('pu'),
});
const temporary = z.object({ userId: z.uuid(), username: z.string(), temporaryPassword: z.string().describe('Shown once; to be changed at the first sign-in') });

/**
 * An OCU+ creates accounts for the group (people of partner services who need CENcomm only) and resets
 * their passwords — only those it created for the group, never another member's.
 */
export function createGroupUsers(ctx: Ctx, operations: Operations) {
  const deps = { database: ctx.database, audit: ctx.audit, countryExists: async () => true };

  async function create(p: Principal, opId: string, input: z.infer<typeof groupUserInput>) {
    await operations.requireMember(p, opId, MAY.manageMembers);
    // A throw-away password satisfies account creation; the reset below issues the one the person will use once.
    const user = await createUser(deps, p, {
      username: input.username,
      displayName: input.displayName,
      email: input.email,
      orgId: input.orgId ?? p.orgId,
      roles: ['viewer'],
      system: false,
      password: `${randomBytes(24).toString('base64url')}!Aa1`,
    });
    await ctx.database.rows(sql`INSERT INTO comm_members (operation_id, user_id, role, added_by, created_for_group) VALUES (${opId}, ${user.id}, ${input.role}, ${p.userId}, true)`);
    const { temporaryPassword } = await resetPassword(deps, p, user.id);
    return { userId: user.id, username: user.username, temporaryPassword };
  }

  async function reset(p: Principal, opId: string, userId: string) {
    await operations.requireMember(p, opId, MAY.manageMembers);
    const [m] = await ctx.database.rows<{ created: boolean; username: string }>(sql`SELECT m.created_for_group AS created, u.username FROM comm_members m
      JOIN identity_users u ON u.id = m.user_id WHERE m.operation_id = ${opId} AND m.user_id = ${userId}`);
    if (!m) throw notFound('Member');
    if (!m.created) throw forbidden('Only accounts created for this operation are reset here; ask an administrator for the others.');
    const { temporaryPassword } = await resetPassword(deps, p, userId);
    return { userId, username: m.username, temporaryPassword };
  }

  return { create, reset };
}

export type GroupUsers = ReturnType<typeof createGroupUsers>;

export function registerGroupUserRoutes(scope: App, groupUsers: GroupUsers) {
  const tags = ['operations'];
  scope.post(
    '/api/v1/operations/:opId/users',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Create an account for the group and add it (OCU+); the temporary password is shown once', params: opParams, body: groupUserInput, response: { 201: temporary } } },
    async (r, reply) => reply.status(201).send(await groupUsers.create(requirePrincipal(r), r.params.opId, r.body)),
  );
  scope.post(
    '/api/v1/operations/:opId/members/:userId/reset-password',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Reset the password of an account created for the group (OCU+)', params: memberParams, response: { 200: temporary } } },
    async (r) => groupUsers.reset(requirePrincipal(r), r.params.opId, r.params.userId),
  );
}
