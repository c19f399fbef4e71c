import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../../platform/context.ts';
import { requirePrincipal } from '../../platform/http/access.ts';
import { OSINT_MANAGERS, OSINT_READERS } from '../osint-view.ts';
import type { Items } from './items.ts';
import type { Poller } from './poller.ts';
import { itemPatch, itemQuery, itemView, pollOutcome, sourceInput, sourceView } from './schema.ts';
import type { Sources } from './sources.ts';

const BASE = '/api/v1/osint';
const tags = ['osint'];
const read = { access: OSINT_READERS };
const manage = { access: OSINT_MANAGERS };
const meta = (r: FastifyRequest) => ({ ip: r.ip, requestId: r.id });
const idParams = z.object({ id: z.uuid('must be an id') });

/** IRIS collection: the I2C's sources and the items polled from them. */
export function registerCollectionRoutes(app: App, deps: { sources: Sources; items: Items; poller: Poller }) {
  const { sources, items, poller } = deps;
  app.get(`${BASE}/sources`, { config: manage, schema: { tags, summary: 'The news sources, with the state of their last poll', response: { 200: z.object({ sources: z.array(sourceView) }) } } }, async () => ({
    sources: await sources.list(),
  }));
  app.post(
    `${BASE}/sources`,
    { config: manage, schema: { tags, summary: 'Add a news source (RSS, Atom, RDF, JSON Feed or a web page; http or https)', body: sourceInput, response: { 201: sourceView } } },
    async (request, reply) => reply.code(201).send(await sources.get(await sources.create(requirePrincipal(request), request.body, meta(request)))),
  );
  app.get(`${BASE}/sources/:id`, { config: manage, schema: { tags, summary: 'One news source', params: idParams, response: { 200: sourceView } } }, async (request) => sources.get(request.params.id));
  app.put(`${BASE}/sources/:id`, { config: manage, schema: { tags, summary: 'Change a news source', params: idParams, body: sourceInput, response: { 200: sourceView } } }, async (request) => {
    await sources.update(requirePrincipal(request), request.params.id, request.body, meta(request));
    return sources.get(request.params.id);
  });
  app.delete(`${BASE}/sources/:id`, { config: manage, schema: { tags, summary: 'Remove a news source and its items', params: idParams } }, async (request, reply) => {
    await sources.remove(requirePrincipal(request), request.params.id, meta(request));
    return reply.code(204).send();
  });
  app.post(
    `${BASE}/sources/:id/poll`,
    { config: manage, schema: { tags, summary: 'Poll a source now; answers the outcome (new items, not modified, or the error kept on the source)', params: idParams, response: { 200: pollOutcome } } },
    async (request) => {
      const result = await poller.pollSource(request.params.id);
      return { ...result, source: await sources.get(request.params.id) };
    },
  );
  app.get(
    `${BASE}/items`,
    { config: read, schema: { tags, summary: 'Collected news items, newest first (the I2C sees every status; other members validated and published items)', querystring: itemQuery, response: { 200: z.object({ items: z.array(itemView) }) } } },
    async (request) => ({ items: await items.list(requirePrincipal(request), request.query) }),
  );
  app.patch(
    `${BASE}/items/:id`,
    { config: manage, schema: { tags, summary: "Validate or reject an item, or write the I2C's note on it", params: idParams, body: itemPatch, response: { 200: itemView } } },
    async (request) => items.update(requirePrincipal(request), request.params.id, request.body, meta(request)),
  );
}
