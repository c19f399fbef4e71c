import type { App } from '../platform/context.ts';
import { notFound } from '../platform/http/problem.ts';
import type { ReferenceService } from './service.ts';
import { itemParams, kindParams, langQuery, referenceItem, searchQuery, searchReply } from './schema.ts';

export function referenceRoutes(app: App, service: ReferenceService): void {
  app.get(
    '/api/v1/reference/:kind',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['reference'],
        summary: 'Typeahead search in one kind of reference data (code prefix first, then names, accent-insensitive)',
        params: kindParams,
        querystring: searchQuery,
        response: { 200: searchReply },
      },
    },
    async (request) => {
      const { kind } = request.params;
      const { q, limit, lang } = request.query;
      return { items: await service.search(kind, { q, limit, lang }) };
    },
  );

  app.get(
    '/api/v1/reference/:kind/:code',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['reference'],
        summary: 'One reference item by its code',
        params: itemParams,
        querystring: langQuery,
        response: { 200: referenceItem },
      },
    },
    async (request) => {
      const { kind, code } = request.params;
      const item = await service.get(kind, code, request.query.lang);
      if (!item) throw notFound(`${kind} ${code}`);
      return item;
    },
  );
}
