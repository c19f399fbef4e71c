import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { createAuthenticator } from '../../identity/index.ts';
import type { App, AppContext } from '../../platform/context.ts';
import { requirePrincipal } from '../../platform/http/access.ts';
import { forbidden, Problem, unauthorized } from '../../platform/http/problem.ts';
import { ALERT_READERS } from '../access.ts';
import { timestamp } from '../stix/schema.ts';
import { createTaxii, MAX_PAGE, TAXII_MEDIA_TYPE } from './service.ts';

const ROOT = '/taxii2';
const API_ROOT = `${ROOT}/alerts`;
const tags = ['alerts'];

/** Answers a TAXII resource in TAXII's media type. */
const taxii = (reply: FastifyReply, body: unknown) => reply.header('content-type', TAXII_MEDIA_TYPE).header('cache-control', 'private, no-store').send(JSON.stringify(body));
const acceptable = (accept: string | undefined) => !accept || /application\/taxii\+json|application\/json|application\/\*|\*\/\*/.test(accept);
const base = (r: FastifyRequest) => `${r.protocol}://${r.host}`;

const collectionParams = z.object({ id: z.uuid('must be a collection id') });
const objectsQuery = z.object({
  added_after: timestamp.optional().describe('Only objects added after this time (RFC 3339, UTC)'),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(100).describe(`Objects per page, at most ${MAX_PAGE}`),
  next: z.string().max(500).optional().describe('The page token of the previous answer'),
});

/**
 * TAXII 2.1, read-only: discovery, one API root (alerts), its collections and their objects. Outside /api,
 * so the platform's access hook does not see it: this scope authenticates every request itself (API
 * token or session), and answers 401 to anyone else.
 */
export function registerTaxiiRoutes(app: App, ctx: Pick<AppContext, 'database' | 'audit'>) {
  const service = createTaxii(ctx);
  const authenticate = createAuthenticator(ctx.database);

  app.register(async (plugin) => {
    const scope = plugin as unknown as App;
    scope.addHook('onRequest', async (request, reply) => {
      const p = await authenticate(request);
      if (!p) {
        reply.header('www-authenticate', 'Bearer');
        throw unauthorized('TAXII needs an API token (Authorization: Bearer …) or a session.');
      }
      if (p.secondFactorPending) throw new Problem(401, 'Unauthorized', 'The second factor (TOTP) is required before this call.', undefined, 'urn:opencen:problem:second-factor-required');
      if (p.mustChangePassword) throw new Problem(403, 'Forbidden', 'Change your temporary password first.', undefined, 'urn:opencen:problem:password-change-required');
      if (!ALERT_READERS.some((r) => p.roles.includes(r))) throw forbidden(`This requires one of the roles: ${ALERT_READERS.join(', ')}.`);
      request.principal = p;
      if (!acceptable(request.headers.accept)) throw new Problem(406, 'Not Acceptable', `This server answers ${TAXII_MEDIA_TYPE}.`);
    });

    scope.get(`${ROOT}/`, { schema: { tags, summary: 'TAXII 2.1 discovery (API token or session)' } }, async (request, reply) =>
      taxii(reply, {
        title: 'OpenCEN TAXII server',
        description: 'Customs alerts circulated to your administration, as STIX 2.1, read-only.',
        default: `${base(request)}${API_ROOT}/`,
        api_roots: [`${base(request)}${API_ROOT}/`],
      }),
    );

    scope.get(`${API_ROOT}/`, { schema: { tags, summary: 'TAXII 2.1 API root: alerts' } }, async (_request, reply) =>
      taxii(reply, { title: 'OpenCEN alerts', description: 'RILO and GRAN alerts as STIX 2.1 reports and indicators.', versions: [TAXII_MEDIA_TYPE], max_content_length: 2 * 1024 * 1024 }),
    );

    scope.get(`${API_ROOT}/collections/`, { schema: { tags, summary: "TAXII 2.1 collections: one per distribution list your administration is on, and everything circulated to it" } }, async (request, reply) =>
      taxii(reply, { collections: await service.collections(requirePrincipal(request)) }),
    );

    scope.get(`${API_ROOT}/collections/:id/`, { schema: { tags, summary: 'One TAXII 2.1 collection', params: collectionParams } }, async (request, reply) =>
      taxii(reply, await service.collection(requirePrincipal(request), request.params.id)),
    );

    scope.get(
      `${API_ROOT}/collections/:id/objects/`,
      { schema: { tags, summary: 'The STIX objects of a collection, in the order they were added, paged (limit, next) and filtered by added_after', params: collectionParams, querystring: objectsQuery } },
      async (request, reply) => {
        const page = await service.objects(requirePrincipal(request), request.params.id, request.query, { ip: request.ip, requestId: request.id });
        if (page.first) reply.header('X-TAXII-Date-Added-First', page.first);
        if (page.last) reply.header('X-TAXII-Date-Added-Last', page.last);
        return taxii(reply, { more: page.more, ...(page.next ? { next: page.next } : {}), ...(page.objects.length ? { objects: page.objects } : {}) });
      },
    );
  });
}
