import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../../platform/context.ts';
import { requirePrincipal, type Role } from '../../platform/http/access.ts';
import {
  candidate,
  candidatesBody,
  entityBody,
  entitySummary,
  entityUpdate,
  entityView,
  idParams,
  linkKind,
  purposeQuery,
  reason,
  role,
  searchQuery,
  searchResult,
} from '../schemas.ts';
import type { Merges } from './merge.ts';
import type { EntitySearch } from './search.ts';
import type { Entities } from './service.ts';

/** Reading nominal data needs nominal_read (or nominal_write); changing it needs nominal_write. */
export const NOMINAL_READERS: readonly Role[] = ['nominal_read', 'nominal_write'];
export const NOMINAL_WRITERS: readonly Role[] = ['nominal_write'];

const BASE = '/api/v1/national';
const tags = ['national'];
const meta = (r: FastifyRequest) => ({ ip: r.ip, requestId: r.id });
const reasonBody = z.object({ reason });

export function registerEntityRoutes(app: App, s: { entities: Entities; search: EntitySearch; merges: Merges }) {
  const read = { access: NOMINAL_READERS };
  const write = { access: NOMINAL_WRITERS };

  app.get(
    `${BASE}/entities`,
    { config: read, schema: { tags, summary: 'Search entities by name (fuzzy, across scripts), identifier, phone or e-mail', querystring: searchQuery, response: { 200: searchResult } } },
    async (request) => s.search.search(requirePrincipal(request), request.query, meta(request)),
  );

  app.post(
    `${BASE}/entities/candidates`,
    { config: read, schema: { tags, summary: 'Entities that are probably the one being entered, ranked, with why', body: candidatesBody, response: { 200: z.object({ candidates: z.array(candidate) }) } } },
    async (request) => ({ candidates: await s.search.candidates(requirePrincipal(request), request.body, meta(request)) }),
  );

  app.post(
    `${BASE}/entities`,
    { config: write, schema: { tags, summary: 'Record a person, company, means of transport or document', body: entityBody, response: { 201: entityView } } },
    async (request, reply) => reply.code(201).send(await s.entities.create(requirePrincipal(request), request.body, meta(request))),
  );

  app.get(
    `${BASE}/entities/:id`,
    { config: read, schema: { tags, summary: 'Open an entity (audited with its purpose)', params: idParams, querystring: purposeQuery, response: { 200: entityView } } },
    async (request) => s.entities.get(requirePrincipal(request), request.params.id, request.query.purpose, meta(request)),
  );

  app.put(
    `${BASE}/entities/:id`,
    { config: write, schema: { tags, summary: 'Change an entity (409 on a stale version)', params: idParams, body: entityUpdate, response: { 200: entityView } } },
    async (request) => s.entities.update(requirePrincipal(request), request.params.id, request.body, meta(request)),
  );

  app.delete(
    `${BASE}/entities/:id`,
    { config: write, schema: { tags, summary: 'Delete an entity: its sealed data, key and blind indexes are erased', params: idParams, body: reasonBody } },
    async (request, reply) => {
      await s.entities.remove(requirePrincipal(request), request.params.id, request.body.reason, meta(request));
      return reply.code(204).send();
    },
  );

  app.post(
    `${BASE}/entities/:id/keep`,
    { config: write, schema: { tags, summary: 'Keep an entity past its review date, with a reason', params: idParams, body: reasonBody, response: { 200: entityView } } },
    async (request) => s.entities.keep(requirePrincipal(request), request.params.id, request.body.reason, meta(request)),
  );

  app.post(
    `${BASE}/entities/:id/seizures`,
    { config: write, schema: { tags, summary: 'Link the entity to a seizure of your administration, with its role', params: idParams, body: z.object({ seizureId: z.uuid('must be a seizure id'), role }), response: { 200: entityView } } },
    async (request) => s.entities.linkSeizure(requirePrincipal(request), request.params.id, request.body.seizureId, request.body.role, meta(request)),
  );

  app.delete(
    `${BASE}/entities/:id/seizures/:seizureId/:role`,
    { config: write, schema: { tags, summary: 'Remove a link to a seizure', params: idParams.extend({ seizureId: z.uuid(), role }), response: { 200: entityView } } },
    async (request) => s.entities.unlinkSeizure(requirePrincipal(request), request.params.id, request.params.seizureId, request.params.role, meta(request)),
  );

  app.post(
    `${BASE}/entities/:id/links`,
    { config: write, schema: { tags, summary: 'Link to another entity (employee of, director of, uses vehicle, shares address or phone)', params: idParams, body: z.object({ toId: z.uuid('must be an entity id'), kind: linkKind }), response: { 200: entityView } } },
    async (request) => s.entities.link(requirePrincipal(request), request.params.id, request.body.toId, request.body.kind, meta(request)),
  );

  app.delete(
    `${BASE}/entities/:id/links/:linkId`,
    { config: write, schema: { tags, summary: 'Remove a link between entities', params: idParams.extend({ linkId: z.uuid() }), response: { 200: entityView } } },
    async (request) => s.entities.unlink(requirePrincipal(request), request.params.id, request.params.linkId, meta(request)),
  );

  app.post(
    `${BASE}/entities/:id/merge`,
    { config: write, schema: { tags, summary: 'Merge another entity of the same kind into this one (reversible)', params: idParams, body: z.object({ otherId: z.uuid('must be an entity id'), reason }), response: { 200: entityView } } },
    async (request) => s.merges.merge(requirePrincipal(request), request.params.id, request.body.otherId, request.body.reason, meta(request)),
  );

  app.post(
    `${BASE}/merges/:id/undo`,
    { config: write, schema: { tags, summary: 'Undo a merge: the merged entity stands alone again', params: idParams, body: reasonBody, response: { 200: entityView } } },
    async (request) => s.merges.undo(requirePrincipal(request), request.params.id, request.body.reason, meta(request)),
  );

  app.get(
    `${BASE}/review`,
    { config: write, schema: { tags, summary: 'Entities past their review date: keep (with a reason) or delete', querystring: purposeQuery.extend({ before: z.iso.date().optional() }), response: { 200: z.object({ entities: z.array(entitySummary) }) } } },
    async (request) => ({ entities: await s.entities.dueForReview(requirePrincipal(request), request.query.before, request.query.purpose, meta(request)) }),
  );
}
