import type { FastifyRequest } from 'fastify';
import type { App, AppContext } from '../platform/context.ts';
import { requirePrincipal, type Role } from '../platform/http/access.ts';
import { createHits } from './hits.ts';
import {
  candidateParams,
  decisionBody,
  hit,
  hitParams,
  hitsQuery,
  hitsReply,
  openReply,
  organisationsReply,
  traceAnswerBody,
  traceAskBody,
  traceQuery,
  traceReply,
  traceRequest,
} from './hits-schema.ts';
import { RECORDERS, SEARCHERS, type ScreeningServices } from './routes.ts';
import { createTraceRequests } from './trace-requests.ts';
import { createOrganisationNames } from './organisations.ts';

const BASE = '/api/v1/screening';
/** Either side of a hit or a trace request: who searches and who records. */
const INVOLVED: readonly Role[] = [...new Set([...SEARCHERS, ...RECORDERS])];
const meta = (r: FastifyRequest) => ({ ip: r.ip, requestId: r.id });

/** Second-level opening, hit confirmation and firearm trace requests; they notify live and by mail, so they need the whole context. */
export function registerHitRoutes(app: App, ctx: AppContext, services?: Pick<ScreeningServices, 'queryLog' | 'artImages'>): void {
  const orgNames = createOrganisationNames(ctx.database);
  const hits = createHits(ctx, { flushQueries: services?.queryLog.flush, orgNames });
  const traces = createTraceRequests(ctx, orgNames);

  app.get(
    `${BASE}/organisations`,
    {
      config: { access: ['i2c_officer', 'admin'] },
      schema: { tags: ['screening'], summary: 'The administrations an I2C officer may search on behalf of: id, name, short name, kind and country only', response: { 200: organisationsReply } },
    },
    async () => ({ items: await orgNames.list() }),
  );

  app.post(
    `${BASE}/queries/:queryId/candidates/:recordId/open`,
    {
      config: { access: SEARCHERS },
      schema: {
        tags: ['screening'],
        summary: 'Open a candidate of your search (second level): the whole record; audited; the first opening raises a hit notification to the recording organisation, you and the I2C',
        params: candidateParams,
        response: { 200: openReply },
      },
    },
    async (request) => {
      const opened = await hits.open(requirePrincipal(request), request.params.queryId, request.params.recordId, meta(request));
      if (opened.hit.list !== 'art' || !services?.artImages) return opened;
      return { ...opened, record: { ...opened.record, images: await services.artImages.list(opened.record.id) } };
    },
  );

  app.get(
    `${BASE}/hits`,
    { config: { access: INVOLVED }, schema: { tags: ['screening'], summary: 'Hits your organisation enquired about or recorded, with their one-hour validation clock', querystring: hitsQuery, response: { 200: hitsReply } } },
    async (request) => hits.list(requirePrincipal(request), request.query),
  );

  app.get(
    `${BASE}/hits/:id`,
    { config: { access: INVOLVED }, schema: { tags: ['screening'], summary: 'One hit (either side, or the I2C desk)', params: hitParams, response: { 200: hit } } },
    async (request) => hits.get(requirePrincipal(request), request.params.id),
  );

  app.post(
    `${BASE}/hits/:id/decision`,
    {
      config: { access: RECORDERS },
      schema: { tags: ['screening'], summary: 'Confirm a hit or not, with a note (recording organisation only, once); notifies the enquirer', params: hitParams, body: decisionBody, response: { 200: hit } },
    },
    async (request) => hits.decide(requirePrincipal(request), request.params.id, request.body, meta(request)),
  );

  app.get(
    `${BASE}/trace-requests`,
    { config: { access: INVOLVED }, schema: { tags: ['screening'], summary: 'Firearm trace requests your organisation made or must answer', querystring: traceQuery, response: { 200: traceReply } } },
    async (request) => traces.list(requirePrincipal(request), request.query),
  );

  app.post(
    `${BASE}/trace-requests`,
    { config: { access: SEARCHERS }, schema: { tags: ['screening'], summary: 'Ask the recording organisation about a firearm; notifies it', body: traceAskBody, response: { 201: traceRequest } } },
    async (request, reply) => reply.status(201).send(await traces.ask(requirePrincipal(request), request.body, meta(request))),
  );

  app.get(
    `${BASE}/trace-requests/:id`,
    { config: { access: INVOLVED }, schema: { tags: ['screening'], summary: 'One trace request (the organisation that asked, the recording one, or the I2C desk)', params: hitParams, response: { 200: traceRequest } } },
    async (request) => traces.get(requirePrincipal(request), request.params.id),
  );

  app.post(
    `${BASE}/trace-requests/:id/answer`,
    {
      config: { access: RECORDERS },
      schema: { tags: ['screening'], summary: 'Answer a trace request about one of your firearms (once); notifies the enquirer', params: hitParams, body: traceAnswerBody, response: { 200: traceRequest } },
    },
    async (request) => traces.answer(requirePrincipal(request), request.params.id, request.body.answer, meta(request)),
  );
}
