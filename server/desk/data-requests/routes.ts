import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../../platform/context.ts';
import { requirePrincipal } from '../../platform/http/access.ts';
import { EXTRACT_FIELDS } from '../../seizures/index.ts';
import { I2C_STAFF } from '../desk-view.ts';
import { DATA_REQUEST_READERS, DATA_REQUESTERS } from './data-requests-view.ts';
import { decisionInput, listQuery, requestInput, requestView } from './schema.ts';
import type { DataRequests } from './service.ts';

const BASE = '/api/v1/data-requests';
const tags = ['data-requests'];
const meta = (r: FastifyRequest) => ({ ip: r.ip, requestId: r.id });
const read = { access: DATA_REQUEST_READERS };
const file = { access: DATA_REQUESTERS };
const decide = { access: I2C_STAFF };
const idParams = z.object({ id: z.uuid('must be a request id') });
const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, 'must be a download token') });

export function registerDataRequestRoutes(app: App, requests: DataRequests, minCell: number) {
  app.get(
    `${BASE}/fields`,
    { config: read, schema: { tags, summary: 'The fields an extract may carry (which ones an aggregate may be broken down by) and the least cell size k', response: { 200: z.object({ fields: z.array(z.object({ key: z.string(), dimension: z.boolean(), record: z.boolean(), description: z.string() })), minCell: z.number() }) } } },
    async () => ({ fields: EXTRACT_FIELDS.map((f) => ({ ...f })), minCell }),
  );
  app.get(
    BASE,
    { config: read, schema: { tags, summary: "Data requests: your organisation's, or every one for the I2C (filter by status)", querystring: listQuery, response: { 200: z.object({ requests: z.array(requestView) }) } } },
    async (request) => ({ requests: await requests.list(requirePrincipal(request), request.query) }),
  );
  app.post(
    BASE,
    { config: file, schema: { tags, summary: 'File a request for WCO data (purpose, period, risk areas, regions, fields, format)', body: requestInput, response: { 201: requestView } } },
    async (request, reply) => {
      const actor = requirePrincipal(request);
      const id = await requests.create(actor, request.body, meta(request));
      return reply.code(201).send(await requests.get(actor, id));
    },
  );
  app.get(`${BASE}/:id`, { config: read, schema: { tags, summary: 'One data request', params: idParams, response: { 200: requestView } } }, async (request) =>
    requests.get(requirePrincipal(request), request.params.id),
  );
  app.post(
    `${BASE}/:id/decision`,
    { config: decide, schema: { tags, summary: 'The I2C approves, narrows (never widens) or refuses a request, with a reason', params: idParams, body: decisionInput, response: { 200: requestView } } },
    async (request) => {
      const actor = requirePrincipal(request);
      await requests.decide(actor, request.params.id, request.body, meta(request));
      return requests.get(actor, request.params.id);
    },
  );
  app.post(
    `${BASE}/:id/fulfil`,
    { config: decide, schema: { tags, summary: 'Issue the extract of an approved request: a download link that expires', params: idParams, response: { 200: requestView } } },
    async (request) => {
      const actor = requirePrincipal(request);
      await requests.fulfil(actor, request.params.id, meta(request));
      return requests.get(actor, request.params.id);
    },
  );
  for (const part of ['extract', 'dictionary'] as const) {
    app.get(
      `${BASE}/download/:token${part === 'dictionary' ? '/dictionary' : ''}`,
      { config: read, schema: { tags, summary: part === 'extract' ? 'Download the extract (audited; 410 once the link expired)' : "The extract's data dictionary and licence (CSV; audited)", params: tokenParams } },
      async (request, reply) => {
        const { stream, fileName, contentType } = await requests.download(requirePrincipal(request), request.params.token, part, meta(request));
        return reply.header('content-type', contentType).header('content-disposition', `attachment; filename="${fileName}"`).header('cache-control', 'no-store').send(stream);
      },
    );
  }
}
