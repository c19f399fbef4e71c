import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App, AppContext } from '../../platform/context.ts';
import { requirePrincipal } from '../../platform/http/access.ts';
import { ALERT_READERS, ALERT_WRITERS } from '../access.ts';
import type { AlertReads } from '../read.ts';
import { idParams, listQuery } from '../schema.ts';
import type { Workflow } from '../workflow.ts';
import { bundle, type Bundle } from './schema.ts';
import { createStixService } from './service.ts';

const BASE = '/api/v1/alerts';
const tags = ['alerts'];
/** The largest STIX bundle an import takes. */
export const MAX_STIX_BYTES = 2 * 1024 * 1024;
const meta = (r: FastifyRequest) => ({ ip: r.ip, requestId: r.id });
const exportQuery = listQuery.extend({ limit: z.coerce.number().int().min(1).max(5000).default(1000) });
const stamp = () => new Date().toISOString().slice(0, 10);

/** STIX 2.1 export and import of alerts; the reader's alerts list as CSV or XLSX. */
export function registerStixRoutes(app: App, ctx: Pick<AppContext, 'database' | 'audit'>, deps: { workflow: Workflow; reads: AlertReads }) {
  const stix = createStixService(ctx, deps);

  // Static paths: find-my-way prefers them to /api/v1/alerts/:id, whatever the order of registration.
  app.get(
    `${BASE}/export.csv`,
    { config: { access: ALERT_READERS }, schema: { tags, summary: 'Your alerts list as CSV (the filters of the list; H3 alerts left out)', querystring: exportQuery } },
    async (request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="alerts-${stamp()}.csv"`)
        .header('cache-control', 'private, no-store')
        .send(await stix.csv(requirePrincipal(request), request.query, meta(request))),
  );
  app.get(
    `${BASE}/export.xlsx`,
    { config: { access: ALERT_READERS }, schema: { tags, summary: 'Your alerts list as XLSX (the filters of the list; H3 alerts left out)', querystring: exportQuery } },
    async (request, reply) =>
      reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="alerts-${stamp()}.xlsx"`)
        .header('cache-control', 'private, no-store')
        .send(await stix.xlsx(requirePrincipal(request), request.query, meta(request))),
  );

  app.get(
    `${BASE}/:id/stix`,
    { config: { access: ALERT_READERS }, schema: { tags, summary: 'The alert as a STIX 2.1 bundle (refused for H3: named recipients only)', params: idParams } },
    async (request, reply) => {
      const b = await stix.bundleOf(requirePrincipal(request), request.params.id, meta(request));
      return reply.type('application/json').header('cache-control', 'private, no-store').send(JSON.stringify(b));
    },
  );

  app.post(
    `${BASE}/import/stix`,
    {
      bodyLimit: MAX_STIX_BYTES,
      config: { access: ALERT_WRITERS },
      schema: {
        tags,
        summary: 'Draft an alert of your administration from a STIX 2.1 bundle (its report and indicators; at most 2 MB)',
        body: bundle,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) => reply.code(201).send({ id: await stix.importBundle(requirePrincipal(request), request.body as Bundle, meta(request)) }),
  );
}
