import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import type { App, AppContext } from '../platform/context.ts';
import { requirePrincipal } from '../platform/http/access.ts';
import { badRequest } from '../platform/http/problem.ts';
import { createExports, EXPORT_MIME, importFields, importTemplate } from './export-service.ts';
import { createImports, type Imports } from './import-service.ts';
import { READERS, REPORTERS, type SeizureServices } from './routes.ts';
import { idParams, searchFilters } from './schema.ts';

const BASE = '/api/v1/seizures';
const tags = ['seizures'];
const meta = (r: FastifyRequest) => ({ ip: r.ip, requestId: r.id });

/** Content types an upload may come as; browsers send a CSV as text/csv, text/plain or (on Windows) application/vnd.ms-excel. */
const UPLOAD_TYPES = [
  'text/csv',
  'text/plain',
  'text/tab-separated-values',
  'application/csv',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
];

const importError = z.object({
  row: z.number().describe('Line of the file (CSV) or row of the sheet (XLSX), as a person counts them; the header is 1'),
  column: z.string().nullable().describe('The column of the file, as named in its header'),
  field: z.string().describe('The template field'),
  message: z.string(),
  nominal: z.boolean().optional().describe('Text that looks like personal data: refused unless committed with acceptNominalWarnings'),
});
const mapping = z.record(z.string(), z.string()).describe('template field → column name of the file');
const importView = z.object({
  id: z.uuid(),
  status: z.enum(['uploaded', 'validating', 'validated', 'committing', 'committed', 'failed']),
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  sizeBytes: z.number(),
  columns: z.array(z.string()),
  suggestedMapping: mapping,
  mapping: mapping.nullable(),
  sample: z.array(z.array(z.string())).describe('The first 10 data rows as read'),
  totalRows: z.number().nullable(),
  processedRows: z.number(),
  validRows: z.number(),
  errorRows: z.number(),
  nominalRows: z.number().describe('Rows whose only errors are text that looks like personal data'),
  alreadyStored: z.number().describe('Valid rows whose external reference your administration already holds: a commit skips them'),
  progress: z.number().describe('Share of the file read by the running pass, 0 to 1'),
  errors: z.array(importError).describe('The first 1,000 errors'),
  inserted: z.number(),
  skipped: z.number(),
  commitMode: z.enum(['all', 'valid']).nullable(),
  submit: z.boolean(),
  acceptNominalWarnings: z.boolean(),
  detail: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  committedAt: z.string().nullable(),
});
const uploadQuery = z.object({ name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters').describe('The file name') });
const validateBody = z.object({ mapping });
const commitBody = z.object({
  mode: z.enum(['all', 'valid'], { message: 'must be all or valid' }).describe('all: every row or nothing; valid: the rows without errors'),
  submit: z.boolean().optional().describe('Submit the imported seizures to the RILO at once (otherwise drafts)'),
  acceptNominalWarnings: z.boolean().optional().describe('Confirms that text flagged as looking like personal data is not'),
});
const previewReply = z.object({
  mapping,
  rows: z.array(z.object({ row: z.number(), input: z.record(z.string(), z.unknown()), errors: z.array(importError) })),
});
const fieldsReply = z.object({
  items: z.array(z.object({ name: z.string(), required: z.boolean(), description: z.string(), values: z.array(z.string()).optional() })),
});
const exportQuery = searchFilters.extend({ format: z.enum(['csv', 'xlsx', 'json'], { message: 'must be csv, xlsx or json' }).default('csv') });
const templateQuery = z.object({ format: z.enum(['csv', 'xlsx'], { message: 'must be csv or xlsx' }).default('csv') });

/** Seizure import (upload, map, validate, preview, commit), templates, and export of a search. */
export function registerImportExportRoutes(app: App, ctx: AppContext, services: SeizureServices, imports: Imports = createImports(ctx)) {
  const exports = createExports(ctx, services.search);

  // The file arrives as the raw body and is streamed to disk by the handler, never buffered whole.
  app.register(async (plugin) => {
    const scope = plugin as unknown as App;
    scope.addContentTypeParser(UPLOAD_TYPES, (_request, payload, done) => done(null, payload));
    scope.post(
      `${BASE}/imports`,
      {
        config: { access: REPORTERS },
        schema: {
          tags,
          summary: 'Upload a CSV or XLSX file of seizures (raw body; header row; see import-fields); answers the columns, a suggested mapping and the first rows',
          querystring: uploadQuery,
          response: { 201: importView },
        },
      },
      async (request, reply) => {
        const body = request.body as Readable | undefined;
        if (!body || typeof (body as Readable).pipe !== 'function') throw badRequest('Send the file as the request body (Content-Type text/csv or the XLSX type).');
        const length = Number(request.headers['content-length']);
        const view = await imports.upload(requirePrincipal(request), request.query.name, body, Number.isFinite(length) ? length : undefined);
        return reply.status(201).send(view);
      },
    );
  });

  app.get(
    `${BASE}/imports`,
    { config: { access: REPORTERS }, schema: { tags, summary: 'My imports, newest first (without rows and errors)', response: { 200: z.object({ items: z.array(importView) }) } } },
    async (request) => ({ items: await imports.list(requirePrincipal(request)) }),
  );

  app.get(
    `${BASE}/imports/:id`,
    { config: { access: REPORTERS }, schema: { tags, summary: 'An import: status, progress, counts and the first errors', params: idParams, response: { 200: importView } } },
    async (request) => imports.get(requirePrincipal(request), request.params.id),
  );

  app.post(
    `${BASE}/imports/:id/validate`,
    {
      config: { access: REPORTERS },
      schema: {
        tags,
        summary: 'Set the mapping and check every row in the background (status validating → validated; progress in GET and as seizure.import events)',
        params: idParams,
        body: validateBody,
        response: { 202: importView },
      },
    },
    async (request, reply) => reply.status(202).send(await imports.validate(requirePrincipal(request), request.params.id, request.body.mapping)),
  );

  app.get(
    `${BASE}/imports/:id/preview`,
    {
      config: { access: REPORTERS },
      schema: { tags, summary: 'The first 20 rows as seizure inputs with their errors (the mapping set, else the suggested one)', params: idParams, response: { 200: previewReply } },
    },
    async (request) => imports.preview(requirePrincipal(request), request.params.id),
  );

  app.post(
    `${BASE}/imports/:id/commit`,
    {
      config: { access: REPORTERS },
      schema: {
        tags,
        summary: 'Store the rows in one transaction, in the background: all (409 when a row has an error) or the valid ones; rows already imported are skipped',
        params: idParams,
        body: commitBody,
        response: { 202: importView },
      },
    },
    async (request, reply) => reply.status(202).send(await imports.commit(requirePrincipal(request), request.params.id, request.body)),
  );

  app.get(
    `${BASE}/import-template`,
    { config: { access: READERS }, schema: { tags, summary: 'The import template: header row and two example rows', querystring: templateQuery } },
    async (request, reply) => {
      const format = request.query.format;
      return reply
        .header('content-type', format === 'csv' ? EXPORT_MIME.csv : EXPORT_MIME.xlsx)
        .header('content-disposition', `attachment; filename="seizure-import-template.${format}"`)
        .send(await importTemplate(format));
    },
  );

  app.get(
    `${BASE}/import-fields`,
    { config: { access: READERS }, schema: { tags, summary: 'The fields of the import template: required or not, description, allowed values', response: { 200: fieldsReply } } },
    async () => ({ items: await importFields(ctx) }),
  );

  app.get(
    `${BASE}/export`,
    {
      config: { access: READERS },
      schema: { tags, summary: 'Export a search (the filters of GET /seizures) as CSV or XLSX in the import layout, or JSON records; streamed', querystring: exportQuery },
    },
    async (request, reply) => {
      const { format, ...filters } = request.query;
      const day = new Date().toISOString().slice(0, 10);
      return reply
        .header('content-type', EXPORT_MIME[format])
        .header('content-disposition', `attachment; filename="seizures-${day}.${format}"`)
        .header('cache-control', 'no-store')
        .send(exports.stream(requirePrincipal(request), filters, format, meta(request)));
    },
  );
}
