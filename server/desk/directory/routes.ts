import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../../platform/context.ts';
import { requirePrincipal } from '../../platform/http/access.ts';
import { DIRECTORY_EDITORS, DIRECTORY_READERS } from '../desk-view.ts';
import { entryInput, entryView, searchQuery } from './schema.ts';
import type { Directory } from './service.ts';

const BASE = '/api/v1/directory';
const tags = ['directory'];
const meta = (r: FastifyRequest) => ({ ip: r.ip, requestId: r.id });
const read = { access: DIRECTORY_READERS };
const edit = { access: DIRECTORY_EDITORS };
const idParams = z.object({ id: z.uuid('must be an entry id') });
const exportQuery = searchQuery.omit({ limit: true }).extend({ format: z.enum(['csv', 'vcf'], { message: 'must be csv or vcf' }).default('csv') });

export function registerDirectoryRoutes(app: App, directory: Directory) {
  app.get(
    BASE,
    { config: read, schema: { tags, summary: 'Search the contact points (country, region, kind, risk area, language, open now, text)', querystring: searchQuery, response: { 200: z.object({ entries: z.array(entryView), total: z.number() }) } } },
    async (request) => directory.search(request.query),
  );
  app.get(
    `${BASE}/export`,
    { config: read, schema: { tags, summary: 'The contact points of a search as CSV or vCard (audited)', querystring: exportQuery } },
    async (request, reply) => {
      const { format, ...filters } = request.query;
      const body = await directory.exportEntries(requirePrincipal(request), filters, format, meta(request));
      const stamp = new Date().toISOString().slice(0, 10);
      return reply
        .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'text/vcard; charset=utf-8')
        .header('content-disposition', `attachment; filename="opencen-contact-points-${stamp}.${format}"`)
        .send(body);
    },
  );
  app.get(`${BASE}/:id`, { config: read, schema: { tags, summary: 'One contact point', params: idParams, response: { 200: entryView } } }, async (request) => directory.get(request.params.id));
  app.post(`${BASE}`, { config: edit, schema: { tags, summary: "Add a contact point of your organisation", body: entryInput, response: { 201: z.object({ id: z.string() }) } } }, async (request, reply) =>
    reply.code(201).send({ id: await directory.create(requirePrincipal(request), request.body, meta(request)) }),
  );
  app.put(`${BASE}/:id`, { config: edit, schema: { tags, summary: "Change (and so confirm) one of your organisation's contact points", params: idParams, body: entryInput, response: { 200: entryView } } }, async (request) => {
    await directory.update(requirePrincipal(request), request.params.id, request.body, meta(request));
    return directory.get(request.params.id);
  });
  app.post(`${BASE}/:id/confirm`, { config: edit, schema: { tags, summary: 'Confirm that a contact point of your organisation is still right', params: idParams, response: { 200: entryView } } }, async (request) => {
    await directory.confirm(requirePrincipal(request), request.params.id, meta(request));
    return directory.get(request.params.id);
  });
  app.delete(`${BASE}/:id`, { config: edit, schema: { tags, summary: 'Remove a contact point of your organisation', params: idParams } }, async (request, reply) => {
    await directory.remove(requirePrincipal(request), request.params.id, meta(request));
    return reply.code(204).send();
  });
}
