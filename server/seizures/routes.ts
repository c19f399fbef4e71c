import type { FastifyRequest } from 'fastify';
import { isUniqueViolation } from '../platform/db/errors.ts';
import { sql } from 'drizzle-orm';
import { isoTime } from '../platform/db/timestamps.ts';
import { z } from 'zod';
import type { App, AppContext } from '../platform/context.ts';
import { requirePrincipal, type Role } from '../platform/http/access.ts';
import { conflict, notFound } from '../platform/http/problem.ts';
import { referenceSets } from '../reference/index.ts';
import { checkSeizure, nominalWarnings } from './check.ts';
import type { Photos } from './photos.ts';
import { MAX_PHOTO_BYTES } from './photos.ts';
import type { Records } from './records.ts';
import { scopeOf, type Search } from './search.ts';
import {
  historyEntry,
  idParams,
  listQuery,
  nominalWarning,
  queueItem,
  returnBody,
  reviewBody,
  savedSearch,
  savedSearchInput,
  seizure,
  seizureInput,
  seizureWithWarnings,
  summaryPage,
} from './schema.ts';

/** Every member (any role, or a system account's token) reads validated seizures. */
export const READERS = 'authenticated' as const;
/** National contact points record their administration's seizures. */
export const REPORTERS: readonly Role[] = ['ncp'];
/** RILO analysts validate or return the seizures of their region. */
export const REVIEWERS: readonly Role[] = ['rilo_analyst'];

export interface SeizureServices {
  records: Records;
  search: Search;
  photos: Photos;
}

const BASE = '/api/v1/seizures';
const meta = (r: FastifyRequest) => ({ ip: r.ip, requestId: r.id });
const tags = ['seizures'];
const photoParams = idParams.extend({ photoId: z.uuid('must be a UUID') });
const updateBody = seizureInput.extend({ version: z.number().int().optional().describe('The version you edited; a newer stored version answers 409') });

export function seizureRoutes(app: App, ctx: AppContext, s: SeizureServices) {
  const { database } = ctx;

  app.get(
    BASE,
    { config: { access: READERS }, schema: { tags, summary: 'Search seizures (filters, sort, pages)', querystring: listQuery, response: { 200: summaryPage } } },
    async (request) => s.search.list(await scopeOf(database, requirePrincipal(request)), request.query),
  );

  app.post(
    BASE,
    {
      config: { access: REPORTERS },
      schema: { tags, summary: 'Record a seizure (saved as a draft)', body: seizureInput, response: { 201: seizureWithWarnings } },
    },
    async (request, reply) => reply.status(201).send(await s.records.create(requirePrincipal(request), request.body, meta(request))),
  );

  app.post(
    `${BASE}/check`,
    {
      config: { access: REPORTERS },
      schema: {
        tags,
        summary: 'Check a seizure without saving it: field errors and free text that looks like personal data',
        body: seizureInput,
        response: { 200: z.object({ errors: z.array(z.object({ field: z.string(), message: z.string() })), warnings: z.array(nominalWarning) }) },
      },
    },
    async (request) => {
      const { errors } = checkSeizure(request.body, await referenceSets(database));
      return { errors, warnings: nominalWarnings(request.body) };
    },
  );

  app.get(
    `${BASE}/queue`,
    {
      config: { access: REVIEWERS },
      schema: { tags, summary: "The RILO's validation queue: submitted seizures of its countries, oldest first", response: { 200: z.object({ items: z.array(queueItem) }) } },
    },
    async (request) => ({ items: await s.search.queue(await scopeOf(database, requirePrincipal(request))) }),
  );

  app.get(
    `${BASE}/saved-searches`,
    { config: { access: READERS }, schema: { tags, summary: 'My saved searches', response: { 200: z.object({ items: z.array(savedSearch) }) } } },
    async (request) => {
      const rows = await database.rows<Omit<z.infer<typeof savedSearch>, 'createdAt'> & { createdAt: Date | string }>(sql`SELECT id, name, query, created_at AS "createdAt" FROM seizure_saved_searches
        WHERE user_id = ${requirePrincipal(request).userId} ORDER BY lower(name)`);
      return { items: rows.map((r) => ({ ...r, query: typeof r.query === 'string' ? JSON.parse(r.query) : r.query, createdAt: isoTime(r.createdAt) })) };
    },
  );

  app.post(
    `${BASE}/saved-searches`,
    { config: { access: READERS }, schema: { tags, summary: 'Save a search under a name', body: savedSearchInput, response: { 201: savedSearch } } },
    async (request, reply) => {
      const p = requirePrincipal(request);
      try {
        const [row] = await database.rows<{ id: string; createdAt: string }>(sql`INSERT INTO seizure_saved_searches (user_id, name, query)
          VALUES (${p.userId}, ${request.body.name}, ${JSON.stringify(request.body.query)}::jsonb) RETURNING id, created_at AS "createdAt"`);
        return reply.status(201).send({ ...request.body, id: row.id, createdAt: new Date(row.createdAt).toISOString() });
      } catch (e) {
        if (isUniqueViolation(e))
          throw conflict(`You already have a saved search named "${request.body.name}".`, [{ field: 'body.name', message: 'is already used' }]);
        throw e;
      }
    },
  );

  app.delete(
    `${BASE}/saved-searches/:id`,
    { config: { access: READERS }, schema: { tags, summary: 'Delete a saved search', params: idParams } },
    async (request, reply) => {
      const gone = await database.rows(sql`DELETE FROM seizure_saved_searches WHERE id = ${request.params.id} AND user_id = ${requirePrincipal(request).userId} RETURNING id`);
      if (!gone.length) throw notFound('Saved search');
      return reply.status(204).send();
    },
  );

  app.get(
    `${BASE}/:id`,
    { config: { access: READERS }, schema: { tags, summary: 'One seizure', params: idParams, response: { 200: seizure } } },
    async (request) => s.records.get(requirePrincipal(request), request.params.id),
  );

  app.put(
    `${BASE}/:id`,
    {
      config: { access: [...REPORTERS, ...REVIEWERS] },
      schema: { tags, summary: 'Change a seizure (its administration; or its RILO while submitted)', params: idParams, body: updateBody, response: { 200: seizureWithWarnings } },
    },
    async (request) => {
      const { version, ...input } = request.body;
      return s.records.update(requirePrincipal(request), request.params.id, input, version, meta(request));
    },
  );

  app.delete(
    `${BASE}/:id`,
    { config: { access: REPORTERS }, schema: { tags, summary: 'Delete a draft or returned seizure', params: idParams } },
    async (request, reply) => {
      await s.records.remove(requirePrincipal(request), request.params.id, meta(request));
      return reply.status(204).send();
    },
  );

  app.post(
    `${BASE}/:id/submit`,
    { config: { access: REPORTERS }, schema: { tags, summary: 'Submit a draft or returned seizure to the RILO', params: idParams, response: { 200: seizure } } },
    async (request) => s.records.submit(requirePrincipal(request), request.params.id, meta(request)),
  );

  app.post(
    `${BASE}/:id/validate`,
    { config: { access: REVIEWERS }, schema: { tags, summary: 'Validate a submitted seizure (RILO of its country)', params: idParams, body: reviewBody, response: { 200: seizure } } },
    async (request) => s.records.review(requirePrincipal(request), request.params.id, 'validated', request.body.comment, meta(request)),
  );

  app.post(
    `${BASE}/:id/return`,
    {
      config: { access: REVIEWERS },
      schema: { tags, summary: 'Return a submitted seizure to its administration with a comment', params: idParams, body: returnBody, response: { 200: seizure } },
    },
    async (request) => s.records.review(requirePrincipal(request), request.params.id, 'returned', request.body.comment, meta(request)),
  );

  app.get(
    `${BASE}/:id/history`,
    { config: { access: READERS }, schema: { tags, summary: 'Every change of a seizure', params: idParams, response: { 200: z.object({ items: z.array(historyEntry) }) } } },
    async (request) => ({ items: await s.records.history(requirePrincipal(request), request.params.id) }),
  );

  // Photos arrive as the raw image body (Content-Type image/* or application/octet-stream), the name in the query.
  app.register(async (plugin) => {
    const scope = plugin as unknown as App;
    scope.addContentTypeParser(/^(image\/.*|application\/octet-stream)$/, { parseAs: 'buffer', bodyLimit: MAX_PHOTO_BYTES + 1024 }, (_r, body, done) => done(null, body));
    scope.post(
      `${BASE}/:id/photos`,
      {
        bodyLimit: MAX_PHOTO_BYTES + 1024,
        config: { access: REPORTERS },
        schema: {
          tags,
          summary: 'Add a photo (raw image body, at most 10 MB; JPEG, PNG, WebP, GIF or TIFF)',
          params: idParams,
          querystring: z.object({ name: z.string().trim().min(1).max(200).default('photo'), caption: z.string().trim().max(500).optional() }),
        },
      },
      async (request, reply) => {
        const body = request.body as Buffer;
        const photo = await s.photos.add(requirePrincipal(request), request.params.id, request.query.name, body, request.query.caption ?? null, meta(request));
        return reply.status(201).send(photo);
      },
    );
  });

  app.get(
    `${BASE}/:id/photos/:photoId`,
    {
      config: { access: READERS },
      schema: { tags, summary: 'A photo, or its thumbnail with ?thumb=1', params: photoParams, querystring: z.object({ thumb: z.enum(['0', '1']).optional() }) },
    },
    async (request, reply) => {
      const { file, data } = await s.photos.read(requirePrincipal(request), request.params.id, request.params.photoId, request.query.thumb === '1');
      return reply
        .header('content-type', file.mime)
        .header('cache-control', 'private, max-age=3600')
        .header('content-disposition', `inline; filename="${encodeURIComponent(file.name)}"`)
        .send(data);
    },
  );

  app.delete(
    `${BASE}/:id/photos/:photoId`,
    { config: { access: REPORTERS }, schema: { tags, summary: 'Remove a photo', params: photoParams } },
    async (request, reply) => {
      await s.photos.remove(requirePrincipal(request), request.params.id, request.params.photoId, meta(request));
      return reply.status(204).send();
    },
  );
}
