import type { FastifyRequest } from 'fastify';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { App } from '../../platform/context.ts';
import type { Database } from '../../platform/db/database.ts';
import { requirePrincipal } from '../../platform/http/access.ts';
import { LISTS } from '../../screening/index.ts';
import { I2C_STAFF } from '../desk-view.ts';
import { HELPDESK_REQUESTERS } from './helpdesk-view.ts';
import { MAX_HELPDESK_FILE_BYTES, type HelpdeskFiles } from './files.ts';
import type { Requests } from './requests.ts';
import { closeInput, manageInput, messageInput, queueQuery, requestDetail, requestInput, requestSummary, statsQuery, statsView, statusInput } from './schema.ts';
import type { createScreeningLink } from './screening-link.ts';
import { helpdeskStats } from './stats.ts';

const BASE = '/api/v1/desk';
const tags = ['desk'];
const meta = (r: FastifyRequest) => ({ ip: r.ip, requestId: r.id });
const parties = { access: [...HELPDESK_REQUESTERS, ...I2C_STAFF] };
const staff = { access: I2C_STAFF };
const idParams = z.object({ id: z.uuid('must be a request id') });

export interface HelpdeskRouteDeps {
  database: Database;
  requests: Requests;
  files: HelpdeskFiles;
  screening: ReturnType<typeof createScreeningLink>;
}

export function registerHelpdeskRoutes(app: App, { database, requests, files, screening }: HelpdeskRouteDeps) {
  const detail = (request: FastifyRequest, id: string) => requests.get(requirePrincipal(request), id, meta(request));

  app.get(
    `${BASE}/requests`,
    { config: parties, schema: { tags, summary: "Help-desk requests: the I2C's queue (all, oldest open first) or the member's own organisation's", querystring: queueQuery, response: { 200: z.object({ requests: z.array(requestSummary), total: z.number() }) } } },
    async (request) => requests.queue(requirePrincipal(request), request.query),
  );
  app.post(
    `${BASE}/requests`,
    { config: { access: HELPDESK_REQUESTERS }, schema: { tags, summary: 'Open a help-desk request (its first message is the body)', body: requestInput, response: { 201: z.object({ id: z.string(), reference: z.string() }) } } },
    async (request, reply) => reply.code(201).send(await requests.create(requirePrincipal(request), request.body, meta(request))),
  );
  app.get(`${BASE}/requests/:id`, { config: parties, schema: { tags, summary: 'One request with its thread and response-time clock (audited)', params: idParams, response: { 200: requestDetail } } }, async (request) =>
    detail(request, request.params.id),
  );
  app.post(
    `${BASE}/requests/:id/messages`,
    { config: parties, schema: { tags, summary: 'Write in the thread (the I2C may write an internal note)', params: idParams, body: messageInput, response: { 201: requestDetail } } },
    async (request, reply) => {
      await requests.reply(requirePrincipal(request), request.params.id, request.body.body, request.body.internal, meta(request));
      return reply.code(201).send(await detail(request, request.params.id));
    },
  );
  app.post(`${BASE}/requests/:id/status`, { config: staff, schema: { tags, summary: 'Move the request (I2C): in progress, waiting for the member, resolved, closed', params: idParams, body: statusInput, response: { 200: requestDetail } } }, async (request) => {
    await requests.setStatus(requirePrincipal(request), request.params.id, request.body.status, request.body.note, meta(request));
    return detail(request, request.params.id);
  });
  app.patch(`${BASE}/requests/:id`, { config: staff, schema: { tags, summary: 'Assign an I2C officer or change the priority (the targets follow)', params: idParams, body: manageInput, response: { 200: requestDetail } } }, async (request) => {
    await requests.manage(requirePrincipal(request), request.params.id, request.body, meta(request));
    return detail(request, request.params.id);
  });
  app.post(`${BASE}/requests/:id/close`, { config: parties, schema: { tags, summary: 'Close the request; the member may say how satisfied they are (1 to 5)', params: idParams, body: closeInput, response: { 200: requestDetail } } }, async (request) => {
    await requests.close(requirePrincipal(request), request.params.id, request.body, meta(request));
    return detail(request, request.params.id);
  });
  app.post(
    `${BASE}/requests/:id/screening`,
    {
      config: staff,
      schema: {
        tags,
        summary: 'Run the watch-list search of the request on behalf of the requesting administration; the result is linked in the thread',
        params: idParams,
        body: z.object({ identifier: z.string().trim().min(1, 'is required').max(200).optional(), list: z.enum(LISTS).nullable().optional() }),
        response: { 200: requestDetail },
      },
    },
    async (request) => {
      await screening.run(requirePrincipal(request), request.params.id, request.body, meta(request));
      return detail(request, request.params.id);
    },
  );

  // Files arrive as the raw body (the file store sniffs the type), the name in the query.
  app.register(async (plugin) => {
    const scope = plugin as unknown as App;
    scope.addContentTypeParser(/^(image\/.*|application\/.*|text\/.*)$/, { parseAs: 'buffer', bodyLimit: MAX_HELPDESK_FILE_BYTES + 1024 }, (_r, body, done) => done(null, body));
    scope.post(
      `${BASE}/requests/:id/files`,
      {
        bodyLimit: MAX_HELPDESK_FILE_BYTES + 1024,
        config: parties,
        schema: { tags, summary: 'Attach a file to the thread (raw body, at most 10 MB: images, PDF, text, CSV, Word, Excel; encrypted at rest)', params: idParams, querystring: z.object({ name: z.string().trim().min(1).max(200).default('file') }) },
      },
      async (request, reply) => reply.code(201).send(await files.add(requirePrincipal(request), request.params.id, request.query.name, request.body as Buffer, meta(request))),
    );
  });
  app.get(`${BASE}/requests/:id/files/:fileId`, { config: parties, schema: { tags, summary: 'A file of the thread (audited)', params: idParams.extend({ fileId: z.uuid() }) } }, async (request, reply) => {
    const { file, data } = await files.read(requirePrincipal(request), request.params.id, request.params.fileId, meta(request));
    return reply
      .header('content-type', file.mime)
      .header('cache-control', 'private, no-store')
      .header('content-disposition', `attachment; filename="${encodeURIComponent(file.name)}"`)
      .send(data);
  });

  app.get(`${BASE}/stats`, { config: staff, schema: { tags, summary: 'Help-desk figures over a period: volume by type, region and status, median times to first answer and to resolution', querystring: statsQuery, response: { 200: statsView } } }, async (request) =>
    helpdeskStats(database, request.query),
  );
  app.get(
    `${BASE}/staff`,
    { config: staff, schema: { tags, summary: 'The I2C officers a request may be assigned to', response: { 200: z.object({ officers: z.array(z.object({ id: z.string(), name: z.string() })) }) } } },
    async () => ({
      officers: await database.rows<{ id: string; name: string }>(sql`SELECT id, display_name AS name FROM identity_users WHERE NOT disabled AND NOT system AND 'i2c_officer' = ANY(roles) ORDER BY display_name`),
    }),
  );
}
