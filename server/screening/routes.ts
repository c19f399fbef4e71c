import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import type { App } from '../platform/context.ts';
import { requirePrincipal, type Role } from '../platform/http/access.ts';
import { Problem } from '../platform/http/problem.ts';
import { RateLimited, screeningProblem } from './problems.ts';
import type { ArtImages } from './art-images.ts';
import type { Batch } from './batch.ts';
import type { CsvImport } from './csv-import.ts';
import type { FirearmReference } from './firearm-reference.ts';
import type { QueryLog } from './query-log.ts';
import type { Records } from './records.ts';
import type { Search } from './search.ts';
import {
  artImage,
  batchBody,
  imageOwnerParams,
  imageParams,
  imageQuery,
  batchReply,
  importParams,
  importQuery,
  importReply,
  listParams,
  pageQuery,
  queriesQuery,
  queriesReply,
  RECORD_INPUTS,
  recordInput,
  recordPage,
  recordParams,
  recordPatch,
  recordWithWarnings,
  record,
  referenceEntry,
  referenceInput,
  referenceParams,
  referenceQuery,
  searchBody,
  searchReply,
} from './schema.ts';
import { z } from 'zod';
import { validatorCompiler } from 'fastify-type-provider-zod';

/** Who searches the watch lists (a viewer does not). */
export const SEARCHERS: readonly Role[] = ['ncp', 'rilo_analyst', 'i2c_officer', 'partner'];
/** Who records (each only for their own organisation's records). */
export const RECORDERS: readonly Role[] = ['ncp', 'i2c_officer', 'admin'];
const READERS: readonly Role[] = [...new Set([...SEARCHERS, ...RECORDERS])];

export interface ScreeningServices {
  records: Records;
  /** Present when the app's file store is (images of works of art). */
  artImages?: ArtImages;
  search: Search;
  batch: Batch;
  queryLog: QueryLog;
  reference: FirearmReference;
  csvImport: CsvImport;
  /** The largest upload accepted (the file store's limit). */
  uploadLimitBytes?: number;
}

const meta = (r: FastifyRequest) => ({ ip: r.ip, requestId: r.id });
const BASE = '/api/v1/screening';

/** Validates a record body against its list's schema (the :list parameter picks it). */
function parseRecord(list: keyof typeof RECORD_INPUTS, body: unknown, partial: boolean): Record<string, unknown> {
  const schema = partial ? RECORD_INPUTS[list].partial().strict() : RECORD_INPUTS[list].strict();
  const res = schema.safeParse(body);
  if (res.success) return res.data as Record<string, unknown>;
  const errors = res.error.issues.map((i) => ({ field: ['body', ...i.path.map(String)].join('.'), message: i.message }));
  throw new Problem(400, 'Bad Request', `Invalid body: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`, errors);
}

export function screeningRoutes(app: App, s: ScreeningServices): void {
  // A refused search says when to try again (RFC 9110 Retry-After), besides its problem+json body.
  app.addHook('onError', async (_request, reply, error) => {
    if (error instanceof RateLimited) reply.header('retry-after', String(error.retryAfterSeconds));
  });

  app.get(
    `${BASE}/lists/:list/records`,
    { config: { access: RECORDERS }, schema: { tags: ['screening'], summary: "Your organisation's records in one watch list", params: listParams, querystring: pageQuery, response: { 200: recordPage } } },
    async (request) => s.records.listOwn(requirePrincipal(request), request.params.list, request.query),
  );

  app.post(
    `${BASE}/lists/:list/records`,
    {
      config: { access: RECORDERS },
      schema: { tags: ['screening'], summary: 'Record an item in a watch list, for your organisation', params: listParams, body: recordInput, response: { 201: recordWithWarnings } },
      // The body is checked against the list's own schema below, which needs the :list parameter.
      validatorCompiler: (route) => (route.httpPart === 'body' ? (data: unknown) => ({ value: data }) : validatorCompiler(route as never)),
    },
    async (request, reply) => {
      const { list } = request.params;
      const rec = await s.records.create(requirePrincipal(request), list, parseRecord(list, request.body, false), meta(request));
      return reply.status(201).send(rec);
    },
  );

  app.get(
    `${BASE}/lists/:list/records/:id`,
    { config: { access: READERS }, schema: { tags: ['screening'], summary: 'A whole record (second level); opening another organisation’s record is audited', params: recordParams, response: { 200: record } } },
    async (request) => {
      const { list, id } = request.params;
      const rec = await s.records.get(requirePrincipal(request), list, id, meta(request));
      return list === 'art' && s.artImages ? { ...rec, images: await s.artImages.list(id) } : rec;
    },
  );

  app.patch(
    `${BASE}/lists/:list/records/:id`,
    {
      config: { access: RECORDERS },
      schema: { tags: ['screening'], summary: 'Change a record (recording organisation only)', params: recordParams, body: recordPatch, response: { 200: recordWithWarnings } },
    },
    async (request) => {
      const { list, id } = request.params;
      return s.records.update(requirePrincipal(request), list, id, parseRecord(list, request.body, true), meta(request));
    },
  );

  app.delete(
    `${BASE}/lists/:list/records/:id`,
    { config: { access: RECORDERS }, schema: { tags: ['screening'], summary: 'Delete a record (recording organisation only)', params: recordParams } },
    async (request, reply) => {
      await s.records.remove(requirePrincipal(request), request.params.list, request.params.id, meta(request));
      return reply.status(204).send();
    },
  );

  app.post(
    `${BASE}/search`,
    {
      config: { access: SEARCHERS },
      schema: {
        tags: ['screening'],
        summary: 'Search one item by identifier (exact, normalised, OCR-folded, one edit, wildcards) or by fields; first-level reply',
        body: searchBody,
        response: { 200: searchReply },
      },
    },
    async (request) => s.search.search(requirePrincipal(request), request.body, meta(request)),
  );

  app.post(
    `${BASE}/batch`,
    {
      config: { access: SEARCHERS },
      schema: { tags: ['screening'], summary: 'Screen a passenger list or manifest (1 to 10,000 identifiers); all hits in one answer', body: batchBody, response: { 200: batchReply } },
    },
    async (request) => s.batch.screen(requirePrincipal(request), request.body, meta(request)),
  );

  app.get(
    `${BASE}/queries`,
    { config: { access: ['admin'] }, schema: { tags: ['screening'], summary: 'Every watch-list query: who, on behalf of whom, what, when, how many hits', querystring: queriesQuery, response: { 200: queriesReply } } },
    async (request) => s.queryLog.list(request.query),
  );

  app.get(
    `${BASE}/firearms/reference`,
    {
      config: { access: 'authenticated' },
      schema: { tags: ['screening'], summary: 'The firearms reference table: makes, models and calibres with their aliases', querystring: referenceQuery, response: { 200: z.object({ items: z.array(referenceEntry) }) } },
    },
    async (request) => ({ items: await s.reference.list(request.query) }),
  );
  app.post(
    `${BASE}/firearms/reference`,
    { config: { access: ['admin'] }, schema: { tags: ['screening'], summary: 'Add a make, model or calibre', body: referenceInput, response: { 201: referenceEntry } } },
    async (request, reply) => reply.status(201).send(await s.reference.save(requirePrincipal(request), null, request.body)),
  );
  app.put(
    `${BASE}/firearms/reference/:id`,
    { config: { access: ['admin'] }, schema: { tags: ['screening'], summary: 'Change a make, model or calibre', params: referenceParams, body: referenceInput, response: { 200: referenceEntry } } },
    async (request) => s.reference.save(requirePrincipal(request), request.params.id, request.body),
  );
  app.delete(
    `${BASE}/firearms/reference/:id`,
    { config: { access: ['admin'] }, schema: { tags: ['screening'], summary: 'Remove a make, model or calibre', params: referenceParams } },
    async (request, reply) => {
      await s.reference.remove(requirePrincipal(request), request.params.id);
      return reply.status(204).send();
    },
  );

  // CSV arrives as a stream: this scope hands the raw request stream to the handler instead of buffering it.
  app.register(async (plugin) => {
    const scope = plugin as unknown as App;
    scope.addContentTypeParser('text/csv', (_request, payload, done) => done(null, payload));
    scope.post(
      `${BASE}/lists/:list/import`,
      {
        config: { access: RECORDERS },
        schema: {
          tags: ['screening'],
          summary: 'Load a watch list from CSV (Content-Type: text/csv; header row of field names; serial numbers separated by |)',
          params: listParams,
          querystring: importQuery,
          response: { 200: importReply },
        },
      },
      async (request) => s.csvImport.run(requirePrincipal(request), request.params.list, request.query.mode, request.body as Readable),
    );
  });

  // Images of works of art arrive as the raw image (Content-Type image/… or application/octet-stream); the store sniffs the real type.
  if (s.artImages) {
    const images = s.artImages;
    app.register(async (plugin) => {
      const scope = plugin as unknown as App;
      for (const type of [/^image\//, 'application/octet-stream'])
        scope.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: s.uploadLimitBytes }, (_request, body, done) => done(null, body));
      scope.post(
        `${BASE}/lists/art/records/:id/images`,
        {
          config: { access: RECORDERS },
          bodyLimit: s.uploadLimitBytes,
          schema: {
            tags: ['screening'],
            summary: 'Add an image to a work of art (recording organisation only; the image as the body, images only, size limit of the file store)',
            params: imageOwnerParams,
            querystring: imageQuery,
            response: { 201: artImage },
          },
        },
        async (request, reply) => {
          const data = request.body;
          if (!Buffer.isBuffer(data) || !data.length)
            throw screeningProblem(415, 'image-type', 'Send the image itself as the body, with an image Content-Type.', [{ field: 'file', message: 'must be an image (JPEG, PNG, GIF, WebP…)' }]);
          const image = await images.add(requirePrincipal(request), request.params.id, { name: request.query.name ?? 'image', data }, meta(request));
          return reply.status(201).send(image);
        },
      );
    });
    app.get(
      `${BASE}/lists/art/records/:id/images/:imageId`,
      { config: { access: READERS }, schema: { tags: ['screening'], summary: 'One image of a work of art; opening another organisation’s is audited', params: imageParams } },
      async (request, reply) => {
        const image = await images.read(requirePrincipal(request), request.params.id, request.params.imageId, meta(request));
        return reply
          .header('content-type', image.mime)
          .header('cache-control', 'private, no-store')
          .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(image.name)}`)
          .send(image.data);
      },
    );
    app.delete(
      `${BASE}/lists/art/records/:id/images/:imageId`,
      { config: { access: RECORDERS }, schema: { tags: ['screening'], summary: 'Remove an image (recording organisation only)', params: imageParams } },
      async (request, reply) => {
        await images.remove(requirePrincipal(request), request.params.id, request.params.imageId, meta(request));
        return reply.status(204).send();
      },
    );
  }

  app.get(
    `${BASE}/imports/:id`,
    { config: { access: RECORDERS }, schema: { tags: ['screening'], summary: 'A CSV load: status, counts and row-level errors', params: importParams, response: { 200: importReply } } },
    async (request) => s.csvImport.get(request.params.id, requirePrincipal(request).orgId),
  );
}
