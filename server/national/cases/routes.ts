import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App, AuditLog } from '../../platform/context.ts';
import type { Database } from '../../platform/db/database.ts';
import { requirePrincipal } from '../../platform/http/access.ts';
import { NOMINAL_READERS, NOMINAL_WRITERS } from '../entities/routes.ts';
import { graphAround, type GraphDeps, type NodeType } from '../graph.ts';
import { caseInput, caseStatus, caseSummary, caseView, graph, graphQuery, idParams, purposeQuery, role } from '../schemas.ts';
import type { Cases } from './service.ts';

const BASE = '/api/v1/national';
const tags = ['national'];
const meta = (r: FastifyRequest) => ({ ip: r.ip, requestId: r.id });

export function registerCaseRoutes(app: App, s: { cases: Cases; database: Database; graph: GraphDeps; audit: AuditLog }) {
  const read = { access: NOMINAL_READERS };
  const write = { access: NOMINAL_WRITERS };

  app.get(
    `${BASE}/cases`,
    { config: read, schema: { tags, summary: 'Cases of your administration', querystring: z.object({ status: caseStatus.optional(), q: z.string().trim().max(100).optional() }), response: { 200: z.object({ cases: z.array(caseSummary) }) } } },
    async (request) => ({ cases: await s.cases.list(requirePrincipal(request), request.query) }),
  );

  app.post(
    `${BASE}/cases`,
    { config: write, schema: { tags, summary: 'Open a case (offence)', body: caseInput, response: { 201: caseView } } },
    async (request, reply) => reply.code(201).send(await s.cases.create(requirePrincipal(request), request.body, meta(request))),
  );

  app.get(
    `${BASE}/cases/:id`,
    { config: read, schema: { tags, summary: 'A case with its seizures and entities (audited with its purpose)', params: idParams, querystring: purposeQuery, response: { 200: caseView } } },
    async (request) => s.cases.get(requirePrincipal(request), request.params.id, request.query.purpose, meta(request)),
  );

  app.put(
    `${BASE}/cases/:id`,
    { config: write, schema: { tags, summary: 'Change a case', params: idParams, body: caseInput.required({ status: true, officerId: true }).extend({ summary: caseInput.shape.summary.unwrap() }), response: { 200: caseView } } },
    async (request) => s.cases.update(requirePrincipal(request), request.params.id, { ...request.body, summary: request.body.summary ?? null }, meta(request)),
  );

  app.post(
    `${BASE}/cases/:id/seizures`,
    { config: write, schema: { tags, summary: 'Add a seizure of your administration to the case', params: idParams, body: z.object({ seizureId: z.uuid('must be a seizure id') }), response: { 200: caseView } } },
    async (request) => s.cases.addSeizure(requirePrincipal(request), request.params.id, request.body.seizureId, meta(request)),
  );

  app.delete(
    `${BASE}/cases/:id/seizures/:seizureId`,
    { config: write, schema: { tags, summary: 'Take a seizure out of the case', params: idParams.extend({ seizureId: z.uuid() }), response: { 200: caseView } } },
    async (request) => s.cases.removeSeizure(requirePrincipal(request), request.params.id, request.params.seizureId, meta(request)),
  );

  app.post(
    `${BASE}/cases/:id/entities`,
    { config: write, schema: { tags, summary: 'Add an entity to the case, with its role', params: idParams, body: z.object({ entityId: z.uuid('must be an entity id'), role }), response: { 200: caseView } } },
    async (request) => s.cases.addEntity(requirePrincipal(request), request.params.id, request.body.entityId, request.body.role, meta(request)),
  );

  app.delete(
    `${BASE}/cases/:id/entities/:entityId/:role`,
    { config: write, schema: { tags, summary: 'Take an entity out of the case', params: idParams.extend({ entityId: z.uuid(), role }), response: { 200: caseView } } },
    async (request) => s.cases.removeEntity(requirePrincipal(request), request.params.id, request.params.entityId, request.params.role, meta(request)),
  );

  app.get(
    `${BASE}/graph`,
    { config: read, schema: { tags, summary: 'The network around an entity, case or seizure, 1 to 3 hops (audited with its purpose)', querystring: graphQuery, response: { 200: graph } } },
    async (request) => {
      const actor = requirePrincipal(request);
      const [type, id] = request.query.from.split(':') as [NodeType, string];
      const result = await graphAround(s.database.db, s.graph, actor, { type, id: id.toLowerCase() }, request.query.hops);
      await s.audit.record({ actor, action: 'national.graph.read', targetType: `national_${type}`, targetId: id, detail: { purpose: request.query.purpose, hops: request.query.hops, nodes: result.nodes.length }, ...meta(request) });
      return result;
    },
  );
}
