import { z } from 'zod';
import type { App } from '../../platform/context.ts';
import { requirePrincipal } from '../../platform/http/access.ts';
import { ALERT_READERS } from '../access.ts';
import { idParams } from '../schema.ts';
import { bulletinHtml, bulletinPdf } from './render.ts';
import { bulletinInput, bulletinListQuery, bulletinSummary, bulletinView, publishBody } from './schema.ts';
import { BULLETIN_WRITERS, type Bulletins } from './service.ts';

const BASE = '/api/v1/bulletins';
const tags = ['bulletins'];

export function registerBulletinRoutes(app: App, bulletins: Bulletins) {
  const read = { access: ALERT_READERS };
  const write = { access: BULLETIN_WRITERS };
  const meta = (r: { ip: string; id: string }) => ({ ip: r.ip, requestId: r.id });
  const fileName = (b: { reference: string }, ext: string) => `${b.reference}.${ext}`;

  app.get(BASE, { config: read, schema: { tags, summary: 'Bulletins written by or published to your administration (archive, full-text search)', querystring: bulletinListQuery, response: { 200: z.object({ bulletins: z.array(bulletinSummary) }) } } }, async (request) => ({
    bulletins: await bulletins.list(requirePrincipal(request), request.query),
  }));
  app.post(BASE, { config: write, schema: { tags, summary: 'Write a bulletin (a draft)', body: bulletinInput, response: { 201: z.object({ id: z.string() }) } } }, async (request, reply) =>
    reply.code(201).send({ id: await bulletins.create(requirePrincipal(request), request.body, meta(request)) }),
  );
  app.get(`${BASE}/:id`, { config: read, schema: { tags, summary: 'A bulletin with its live CEN figures and the period’s alerts (audited)', params: idParams, response: { 200: bulletinView } } }, async (request) =>
    bulletins.get(requirePrincipal(request), request.params.id, meta(request)),
  );
  app.put(`${BASE}/:id`, { config: write, schema: { tags, summary: 'Change a draft bulletin', params: idParams, body: bulletinInput, response: { 200: bulletinView } } }, async (request) => {
    await bulletins.update(requirePrincipal(request), request.params.id, request.body, meta(request));
    return bulletins.get(requirePrincipal(request), request.params.id);
  });
  app.post(`${BASE}/:id/publish`, { config: write, schema: { tags, summary: 'Publish (circulate) the bulletin, as far as its handling code allows', params: idParams, body: publishBody, response: { 200: bulletinView } } }, async (request) => {
    await bulletins.publish(requirePrincipal(request), request.params.id, request.body, meta(request));
    return bulletins.get(requirePrincipal(request), request.params.id);
  });
  app.get(`${BASE}/:id/html`, { config: read, schema: { tags, summary: 'The bulletin as an HTML document', params: idParams } }, async (request, reply) => {
    const b = await bulletins.get(requirePrincipal(request), request.params.id, meta(request));
    return reply.header('content-type', 'text/html; charset=utf-8').header('content-disposition', `attachment; filename="${fileName(b, 'html')}"`).send(bulletinHtml(b));
  });
  app.get(`${BASE}/:id/pdf`, { config: read, schema: { tags, summary: 'The bulletin as a PDF document', params: idParams } }, async (request, reply) => {
    const b = await bulletins.get(requirePrincipal(request), request.params.id, meta(request));
    return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${fileName(b, 'pdf')}"`).send(await bulletinPdf(b));
  });
}
