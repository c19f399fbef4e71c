import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../platform/context.ts';
import { requirePrincipal, type Role } from '../platform/http/access.ts';
import { forbidden } from '../platform/http/problem.ts';
import { listUsers } from '../identity/index.ts';
import type { Database } from '../platform/db/database.ts';
import type { Mailbox } from './mailbox.ts';
import { registerLibraryRoutes, type Library } from './library.ts';
import { registerCenExportRoutes, type CenExport } from './cen-export.ts';
import { registerGroupUserRoutes, type GroupUsers } from './group-users.ts';
import { registerFormattedRoutes, type FormattedServices } from './formatted-routes.ts';
import { registerReportRoutes, type ReportServices } from './newsletter-routes.ts';
import { MAY, type Operations } from './operations.ts';
import type { OperationRole } from './schema.ts';
import {
  composeInput,
  folder,
  folderInput,
  folderParams,
  mailboxPage,
  mailboxQuery,
  member,
  memberInput,
  memberParams,
  memberRoleInput,
  message,
  messageParams,
  moveInput,
  operation,
  operationInput,
  opParams,
  readStatus,
  attachment,
} from './schema.ts';

/** Who may open a new operation (its creator becomes OCU+); everything inside is decided by operation role. */
export const ORGANISERS: readonly Role[] = ['admin', 'rilo_analyst', 'i2c_officer'];
/** Every operation route is open to any signed-in user at the door; membership is checked inside, per operation. */
const MEMBERS = 'authenticated' as const;
const BASE = '/api/v1/operations';
const OP = `${BASE}/:opId`;
const tags = ['operations'];
const meta = (r: FastifyRequest) => ({ ip: r.ip, requestId: r.id });
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The operation roles a route needs, checked with membership before the request is validated. */
    operationRoles?: readonly OperationRole[];
  }
}

export function commRoutes(app: App, deps: { database: Database; operations: Operations; mailbox: Mailbox; library: Library; cenExport: CenExport; groupUsers: GroupUsers } & FormattedServices & ReportServices) {
  const { operations: ops, mailbox } = deps;

  app.get(BASE, { config: { access: MEMBERS }, schema: { tags, summary: 'The operations I am a member of, with my role and unread counts', response: { 200: z.object({ items: z.array(operation) }) } } }, async (r) => ({
    items: (await ops.listMine(requirePrincipal(r))),
  }));
  app.post(BASE, { config: { access: ORGANISERS }, schema: { tags, summary: 'Open an operation (I become its OCU+)', body: operationInput, response: { 201: operation } } }, async (r, reply) =>
    reply.status(201).send((await ops.create(requirePrincipal(r), r.body, meta(r)))),
  );
  // Membership, and the operation role a route needs, are checked before anything else of the request is looked at:
  // a non-member, or a member without the role, learns nothing, not even a validation error.
  app.register(async (plugin) => {
    const scope = plugin as unknown as App;
    scope.addHook('preValidation', async (request) => {
      const opId = (request.params as { opId?: unknown }).opId;
      if (typeof opId !== 'string' || !UUID.test(opId)) throw forbidden('You are not a member of this operation.');
      await ops.requireMember(requirePrincipal(request), opId, request.routeOptions.config.operationRoles);
    });
    registerLibraryRoutes(scope, deps.library);
    registerCenExportRoutes(scope, deps.cenExport);
    registerGroupUserRoutes(scope, deps.groupUsers);
    registerFormattedRoutes(scope, deps);
    registerReportRoutes(scope, deps);

    scope.get(OP, { config: { access: MEMBERS }, schema: { tags, summary: 'One operation', params: opParams, response: { 200: operation } } }, async (r) =>
      (await ops.get(requirePrincipal(r), r.params.opId)),
    );
    scope.put(OP, { config: { access: MEMBERS, operationRoles: MAY.editOperation }, schema: { tags, summary: 'Change an operation (OCU+)', params: opParams, body: operationInput, response: { 200: operation } } }, async (r) =>
      (await ops.update(requirePrincipal(r), r.params.opId, r.body, meta(r))),
    );

    const members = z.object({ items: z.array(member) });
    scope.get(`${OP}/members`, { config: { access: MEMBERS }, schema: { tags, summary: 'Members and their operation roles', params: opParams, response: { 200: members } } }, async (r) => ({
      items: (await ops.members(requirePrincipal(r), r.params.opId)),
    }));
    scope.post(`${OP}/members`, { config: { access: MEMBERS, operationRoles: MAY.manageMembers }, schema: { tags, summary: 'Add a member (OCU+)', params: opParams, body: memberInput, response: { 201: members } } }, async (r, reply) =>
      reply.status(201).send({ items: (await ops.addMember(requirePrincipal(r), r.params.opId, r.body.userId, r.body.role, meta(r))) }),
    );
    scope.put(`${OP}/members/:userId`, { config: { access: MEMBERS, operationRoles: MAY.manageMembers }, schema: { tags, summary: "Change a member's role (OCU+)", params: memberParams, body: memberRoleInput, response: { 200: members } } }, async (r) => ({
      items: (await ops.setRole(requirePrincipal(r), r.params.opId, r.params.userId, r.body.role, meta(r))),
    }));
    scope.delete(`${OP}/members/:userId`, { config: { access: MEMBERS, operationRoles: MAY.manageMembers }, schema: { tags, summary: 'Remove a member (OCU+); their live stream ends and their next call gets 403', params: memberParams } }, async (r, reply) => {
      await ops.removeMember(requirePrincipal(r), r.params.opId, r.params.userId, meta(r));
      return reply.status(204).send();
    });
    scope.get(
      `${OP}/candidates`,
      {
        config: { access: MEMBERS, operationRoles: MAY.manageMembers },
        schema: {
          tags,
          summary: 'Users who could be added (OCU+), by name',
          params: opParams,
          querystring: z.object({ q: z.string().trim().min(2, 'type at least 2 characters').max(100) }),
          response: { 200: z.object({ items: z.array(z.object({ id: z.uuid(), displayName: z.string(), username: z.string(), orgName: z.string() })) }) },
        },
      },
      async (r) => {
        await ops.requireMember(requirePrincipal(r), r.params.opId, MAY.manageMembers);
        const found = await listUsers(deps.database, { q: r.query.q, page: 1, pageSize: 20 });
        return { items: found.items.filter((u) => !u.disabled && !u.system).map((u) => ({ id: u.id, displayName: u.displayName, username: u.username, orgName: u.orgName })) };
      },
    );

    scope.get(`${OP}/folders`, { config: { access: MEMBERS }, schema: { tags, summary: 'My mailbox folders with counts', params: opParams, response: { 200: z.object({ items: z.array(folder) }) } } }, async (r) => ({
      items: await mailbox.folders(requirePrincipal(r), r.params.opId),
    }));
    scope.post(`${OP}/folders`, { config: { access: MEMBERS }, schema: { tags, summary: 'Create a folder of my own', params: opParams, body: folderInput, response: { 201: z.object({ items: z.array(folder) }) } } }, async (r, reply) =>
      reply.status(201).send({ items: await mailbox.createFolder(requirePrincipal(r), r.params.opId, r.body.name) }),
    );
    scope.delete(`${OP}/folders/:folderId`, { config: { access: MEMBERS }, schema: { tags, summary: 'Delete a folder of mine (its messages go back to the inbox)', params: folderParams } }, async (r, reply) => {
      await mailbox.deleteFolder(requirePrincipal(r), r.params.opId, r.params.folderId);
      return reply.status(204).send();
    });

    scope.get(`${OP}/messages`, { config: { access: MEMBERS }, schema: { tags, summary: 'A mailbox folder (inbox, outbox, bin or mine), newest first, with search', params: opParams, querystring: mailboxQuery, response: { 200: mailboxPage } } }, async (r) =>
      (await mailbox.list(requirePrincipal(r), r.params.opId, r.query)),
    );
    scope.post(`${OP}/messages`, { config: { access: MEMBERS }, schema: { tags, summary: 'Send a message (to the NCPs, my country, everyone, or chosen members)', params: opParams, body: composeInput, response: { 201: message } } }, async (r, reply) =>
      reply.status(201).send((await mailbox.send(requirePrincipal(r), r.params.opId, r.body, meta(r)))),
    );
    scope.get(`${OP}/messages/:messageId`, { config: { access: MEMBERS }, schema: { tags, summary: 'Open a message (marks it read)', params: messageParams, response: { 200: message } } }, async (r) =>
      (await mailbox.getMessage(requirePrincipal(r), r.params.opId, r.params.messageId)),
    );
    scope.get(`${OP}/messages/:messageId/read-status`, { config: { access: MEMBERS }, schema: { tags, summary: 'Who read it (sender and OCU)', params: messageParams, response: { 200: readStatus } } }, async (r) =>
      mailbox.readStatus(requirePrincipal(r), r.params.opId, r.params.messageId),
    );
    scope.post(`${OP}/messages/:messageId/move`, { config: { access: MEMBERS }, schema: { tags, summary: 'Move a message to a folder or the bin', params: messageParams, body: moveInput } }, async (r, reply) => {
      await mailbox.move(requirePrincipal(r), r.params.opId, r.params.messageId, r.body.folder);
      return reply.status(204).send();
    });
    scope.get(
      `${OP}/messages/:messageId/attachments/:fileId`,
      { config: { access: MEMBERS }, schema: { tags, summary: 'Download an attachment', params: messageParams.extend({ fileId: z.uuid('must be a UUID') }) } },
      async (r, reply) => {
        const { file, data } = await mailbox.attachmentFile(requirePrincipal(r), r.params.opId, r.params.messageId, r.params.fileId);
        return reply.header('content-type', file.mime).header('content-disposition', `attachment; filename="${encodeURIComponent(file.name)}"`).send(data);
      },
    );

    // Attachments are uploaded first (raw body, any type, 10 MB), then named in the message.
    scope.register(async (plugin) => {
      const upload = plugin as unknown as App;
      upload.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES + 1024 }, (_r, body, done) => done(null, body));
      upload.post(
        `${OP}/attachments`,
        {
          bodyLimit: MAX_ATTACHMENT_BYTES + 1024,
          config: { access: MEMBERS },
          schema: { tags, summary: 'Upload an attachment (raw body, at most 10 MB); send its id with the message', params: opParams, querystring: z.object({ name: z.string().trim().min(1).max(200) }), response: { 201: attachment } },
        },
        async (r, reply) => reply.status(201).send(await mailbox.upload(requirePrincipal(r), r.params.opId, r.query.name, r.body as Buffer)),
      );
    });

  });
}
