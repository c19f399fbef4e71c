import { z } from 'zod';
import type { App, EventBus, JobRunner } from '../platform/context.ts';
import type { Database } from '../platform/db/database.ts';
import { requirePrincipal } from '../platform/http/access.ts';
import { orgInput, orgSchema, userCreateInput, userSchema, userUpdateInput } from './schemas.ts';
import { createOrganisation, createUser, getUser, listOrganisations, listUsers, resetPassword, unlockUser, updateOrganisation, updateUser, type DirectoryDeps } from './directory.ts';
import { issueApiToken, listApiTokens, revokeApiToken } from './api-tokens.ts';
import { searchAudit, verifyAuditChain } from './audit.ts';
import { meta } from './auth-routes.ts';

const admin = { access: ['admin'] as const };
const idParams = z.object({ id: z.uuid('must be an id') });
const page = {
  page: z.coerce.number().int().min(1, 'must be 1 or more').default(1),
  pageSize: z.coerce.number().int().min(1).max(200, 'must be at most 200').default(50),
};
const tokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  userId: z.string(),
  username: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
});

export function registerAdminRoutes(app: App, deps: DirectoryDeps & { database: Database }, events: EventBus, jobs: JobRunner) {
  const tags = ['administration'];

  app.get('/api/v1/admin/organisations', { config: admin, schema: { tags, summary: 'List organisations', response: { 200: z.object({ items: z.array(orgSchema) }) } } }, async () => ({
    items: await listOrganisations(deps.database),
  }));
  app.post(
    '/api/v1/admin/organisations',
    { config: admin, schema: { tags, summary: 'Create an organisation', body: orgInput, response: { 201: orgSchema } } },
    async (request, reply) => reply.status(201).send(await createOrganisation(deps, requirePrincipal(request), request.body, meta(request))),
  );
  app.patch(
    '/api/v1/admin/organisations/:id',
    { config: admin, schema: { tags, summary: 'Edit an organisation', params: idParams, body: orgInput.partial(), response: { 200: orgSchema } } },
    async (request) => updateOrganisation(deps, requirePrincipal(request), request.params.id, request.body, meta(request)),
  );

  app.get(
    '/api/v1/admin/users',
    {
      config: admin,
      schema: {
        tags,
        summary: 'List users with filters',
        querystring: z.object({ q: z.string().max(100).optional(), orgId: z.uuid('must be an id').optional(), role: z.string().max(40).optional(), ...page }),
        response: { 200: z.object({ items: z.array(userSchema), total: z.number() }) },
      },
    },
    async (request) => listUsers(deps.database, request.query),
  );
  app.post(
    '/api/v1/admin/users',
    { config: admin, schema: { tags, summary: 'Create a user or a system account', body: userCreateInput, response: { 201: userSchema } } },
    async (request, reply) => reply.status(201).send(await createUser(deps, requirePrincipal(request), request.body, meta(request))),
  );
  app.patch(
    '/api/v1/admin/users/:id',
    { config: admin, schema: { tags, summary: 'Edit a user: name, organisation, roles, disabled', params: idParams, body: userUpdateInput, response: { 200: userSchema } } },
    async (request) => {
      const updated = await updateUser(deps, requirePrincipal(request), request.params.id, request.body, meta(request));
      // Live streams carry the rights they opened with: end them so a disabled user or removed role stops at once.
      if (request.body.disabled || request.body.roles || request.body.orgId) await events.endStreams({ userId: updated.id });
      return updated;
    },
  );
  app.post(
    '/api/v1/admin/users/:id/reset-password',
    { config: admin, schema: { tags, summary: 'Reset a password; the temporary one is shown once', params: idParams, response: { 200: z.object({ temporaryPassword: z.string() }) } } },
    async (request) => {
      const result = await resetPassword(deps, requirePrincipal(request), request.params.id, meta(request));
      await events.endStreams({ userId: request.params.id });
      const user = await getUser(deps.database, request.params.id);
      // A notice only: the temporary password goes to the administrator, never by e-mail.
      await jobs.enqueue('mail.send', {
        to: user.email,
        subject: 'OpenCEN: your password was reset',
        text: `Hello ${user.displayName},\n\nAn administrator reset the password of your OpenCEN account ${user.username}. You will receive a temporary password from them and must choose a new one at your next sign-in.\nIf you did not expect this, contact your administrator.`,
      });
      return result;
    },
  );
  app.post('/api/v1/admin/users/:id/unlock', { config: admin, schema: { tags, summary: 'Lift a lockout', params: idParams } }, async (request, reply) => {
    await unlockUser(deps, requirePrincipal(request), request.params.id, meta(request));
    return reply.status(204).send();
  });

  app.get('/api/v1/admin/tokens', { config: admin, schema: { tags, summary: 'List API tokens', response: { 200: z.object({ items: z.array(tokenSchema) }) } } }, async () => ({
    items: await listApiTokens(deps.database),
  }));
  app.post(
    '/api/v1/admin/tokens',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Issue an API token to a system account (shown once)',
        body: z.object({ name: z.string().trim().min(1, 'is required').max(100), userId: z.uuid('must be a user id'), expiresInDays: z.number().int().min(1).max(3650).optional() }),
        response: { 201: tokenSchema.extend({ token: z.string() }) },
      },
    },
    async (request, reply) => {
      const p = requirePrincipal(request);
      const issued = await issueApiToken(deps.database, { ...request.body, createdBy: p.userId });
      await deps.audit.record({ actor: p, action: 'token.issue', targetType: 'api_token', targetId: issued.id, detail: { name: issued.name, userId: issued.userId }, ...meta(request) });
      return reply.status(201).send(issued);
    },
  );
  app.delete('/api/v1/admin/tokens/:id', { config: admin, schema: { tags, summary: 'Revoke an API token', params: idParams } }, async (request, reply) => {
    const p = requirePrincipal(request);
    await revokeApiToken(deps.database, request.params.id);
    await deps.audit.record({ actor: p, action: 'token.revoke', targetType: 'api_token', targetId: request.params.id, ...meta(request) });
    return reply.status(204).send();
  });

  app.get(
    '/api/v1/admin/audit',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Browse the audit log',
        querystring: z.object({
          actor: z.string().max(100).optional(),
          action: z.string().max(100).optional(),
          targetType: z.string().max(60).optional(),
          targetId: z.string().max(100).optional(),
          from: z.coerce.date({ message: 'must be a date' }).optional(),
          to: z.coerce.date({ message: 'must be a date' }).optional(),
          ...page,
        }),
      },
    },
    async (request) => searchAudit(deps.database, request.query),
  );
  app.get(
    '/api/v1/admin/audit/verify',
    { config: admin, schema: { tags, summary: 'Verify the hash chain of the audit log', response: { 200: z.object({ ok: z.boolean(), checked: z.number(), firstBrokenId: z.string().nullable() }) } } },
    async (request) => {
      const verdict = await verifyAuditChain(deps.database);
      await deps.audit.record({ actor: requirePrincipal(request), action: 'audit.verify', detail: { ...verdict }, ...meta(request) });
      return verdict;
    },
  );
}
