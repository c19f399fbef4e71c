import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../platform/context.ts';
import { requirePrincipal } from '../platform/http/access.ts';
import { multilineText, requiredText } from '../platform/http/text-schema.ts';
import { ALERT_READERS, ALERT_WRITERS } from './access.ts';
import type { AlertFiles } from './files.ts';
import { MAX_ALERT_FILE_BYTES } from './files.ts';
import type { Lists } from './lists.ts';
import type { AlertReads } from './read.ts';
import { ackBody, ackRow, alertInput, alertSummary, alertView, idParams, listInput, listQuery, listView, recipientRow, targets } from './schema.ts';
import type { Workflow } from './workflow.ts';

const BASE = '/api/v1/alerts';
const tags = ['alerts'];
const meta = (r: FastifyRequest) => ({ ip: r.ip, requestId: r.id });
const read = { access: ALERT_READERS };
const write = { access: ALERT_WRITERS };
const LIST_KEEPERS = { access: ['rilo_analyst', 'i2c_officer'] as const };
const created = z.object({ id: z.string() });
const comment = z.object({ comment: requiredText(2000) });

export interface AlertRouteServices {
  workflow: Workflow;
  reads: AlertReads;
  lists: Lists;
  files: AlertFiles;
}

export function registerAlertRoutes(app: App, s: AlertRouteServices) {
  app.get(
    BASE,
    { config: read, schema: { tags, summary: 'Alerts in one box (inbox, mine, review, global), with filters', querystring: listQuery, response: { 200: z.object({ alerts: z.array(alertSummary) }) } } },
    async (request) => ({ alerts: await s.reads.list(requirePrincipal(request), request.query) }),
  );

  // The administrations a writer may name as recipients (the directory without people): circulation, forwarding, lists.
  app.get(
    `${BASE}/organisations`,
    { config: write, schema: { tags, summary: 'The organisations an alert, a profile or a list may name', response: { 200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), shortName: z.string(), kind: z.string(), country: z.string().nullable(), region: z.string().nullable() })) }) } } },
    async () => ({ items: await s.lists.directory() }),
  );

  app.post(
    BASE,
    { config: write, schema: { tags, summary: 'Draft an alert', body: alertInput, response: { 201: created } } },
    async (request, reply) => reply.code(201).send({ id: await s.workflow.create(requirePrincipal(request), request.body, meta(request)) }),
  );

  app.get(
    `${BASE}/:id`,
    { config: read, schema: { tags, summary: 'One alert with its grading, links, files and history (audited)', params: idParams, response: { 200: alertView } } },
    async (request) => s.reads.get(requirePrincipal(request), request.params.id, meta(request)),
  );

  app.put(
    `${BASE}/:id`,
    { config: write, schema: { tags, summary: 'Change a draft, a returned alert, or (the RILO) one under review', params: idParams, body: alertInput.extend({ version: z.number().int() }), response: { 200: alertView } } },
    async (request) => {
      const { version, ...input } = request.body;
      await s.workflow.update(requirePrincipal(request), request.params.id, input, version, meta(request));
      return s.reads.get(requirePrincipal(request), request.params.id);
    },
  );

  const action = (path: string, summary: string, body: z.ZodType, run: (r: FastifyRequest<{ Params: { id: string }; Body: never }>) => Promise<void>) =>
    app.post(`${BASE}/:id/${path}`, { config: write, schema: { tags, summary, params: idParams, body, response: { 200: alertView } } }, async (request) => {
      await run(request as never);
      return s.reads.get(requirePrincipal(request), request.params.id);
    });

  action('submit', 'Submit the alert to your RILO', z.object({}), (r) => s.workflow.submit(requirePrincipal(r), r.params.id, meta(r)));
  action('return', 'Return the alert to its author with a question (the RILO)', comment, (r) =>
    s.workflow.returnToAuthor(requirePrincipal(r), r.params.id, (r.body as z.infer<typeof comment>).comment, meta(r)),
  );
  action('circulate', 'Approve and circulate, or widen the circulation (regions, administrations, lists, global)', targets, (r) =>
    s.workflow.circulate(requirePrincipal(r), r.params.id, r.body as z.infer<typeof targets>, meta(r)),
  );
  const decision = z.object({ approve: z.boolean(), comment: multilineText(2000).nullable().default(null) });
  action('global', 'Approve or decline global (GRAN) circulation (the I2C)', decision, (r) => {
    const b = r.body as z.infer<typeof decision>;
    return s.workflow.decideGlobal(requirePrincipal(r), r.params.id, b.approve, b.comment, meta(r));
  });
  const forwardBody = z.object({ orgIds: z.array(z.uuid('must be an organisation id')).min(1, 'name at least one administration').max(200) });
  action('forward', 'Pass the alert on to other administrations, as far as its handling code allows', forwardBody, (r) =>
    s.workflow.forward(requirePrincipal(r), r.params.id, (r.body as z.infer<typeof forwardBody>).orgIds, meta(r)),
  );
  action('withdraw', 'Withdraw a circulated alert', comment, (r) => s.workflow.withdraw(requirePrincipal(r), r.params.id, (r.body as z.infer<typeof comment>).comment, meta(r)));

  app.post(
    `${BASE}/:id/ack`,
    { config: read, schema: { tags, summary: "Acknowledge the alert for your administration, with feedback if any", params: idParams, body: ackBody, response: { 200: alertView } } },
    async (request) => {
      await s.workflow.acknowledge(requirePrincipal(request), request.params.id, request.body, meta(request));
      return s.reads.get(requirePrincipal(request), request.params.id);
    },
  );

  app.get(
    `${BASE}/:id/recipients`,
    { config: read, schema: { tags, summary: 'Who the alert reached, how, and whether they acknowledged (author, RILO, I2C)', params: idParams, response: { 200: z.object({ recipients: z.array(recipientRow) }) } } },
    async (request) => ({ recipients: await s.reads.recipients(requirePrincipal(request), request.params.id) }),
  );

  app.get(
    `${BASE}/:id/acks`,
    { config: read, schema: { tags, summary: 'Acknowledgements and feedback (author, RILO, I2C)', params: idParams, response: { 200: z.object({ acks: z.array(ackRow) }) } } },
    async (request) => ({ acks: await s.reads.acks(requirePrincipal(request), request.params.id) }),
  );

  // Files arrive as the raw body (the type is sniffed by the file store), the name in the query.
  app.register(async (plugin) => {
    const scope = plugin as unknown as App;
    scope.addContentTypeParser(/^(image\/.*|application\/.*)$/, { parseAs: 'buffer', bodyLimit: MAX_ALERT_FILE_BYTES + 1024 }, (_r, body, done) => done(null, body));
    scope.post(
      `${BASE}/:id/files`,
      {
        bodyLimit: MAX_ALERT_FILE_BYTES + 1024,
        config: write,
        schema: { tags, summary: 'Add a photo or an attachment (raw body, at most 15 MB: images, PDF, Word, Excel, PowerPoint)', params: idParams, querystring: z.object({ name: z.string().trim().min(1).max(200).default('file') }) },
      },
      async (request, reply) => reply.code(201).send(await s.files.add(requirePrincipal(request), request.params.id, request.query.name, request.body as Buffer, meta(request))),
    );
  });

  const fileParams = idParams.extend({ fileId: z.uuid() });
  app.get(`${BASE}/:id/files/:fileId`, { config: read, schema: { tags, summary: 'A photo or attachment of the alert (audited)', params: fileParams } }, async (request, reply) => {
    const { file, data } = await s.files.read(requirePrincipal(request), request.params.id, request.params.fileId, meta(request));
    return reply
      .header('content-type', file.mime)
      .header('cache-control', 'private, no-store')
      .header('content-disposition', `${file.mime.startsWith('image/') ? 'inline' : 'attachment'}; filename="${encodeURIComponent(file.name)}"`)
      .send(data);
  });
  app.delete(`${BASE}/:id/files/:fileId`, { config: write, schema: { tags, summary: 'Remove a photo or attachment', params: fileParams } }, async (request, reply) => {
    await s.files.remove(requirePrincipal(request), request.params.id, request.params.fileId, meta(request));
    return reply.code(204).send();
  });

  // Distribution lists of the reader's administration.
  const LISTS = '/api/v1/alert-lists';
  app.get(LISTS, { config: LIST_KEEPERS, schema: { tags, summary: "Your administration's distribution lists", response: { 200: z.object({ lists: z.array(listView) }) } } }, async (request) => ({
    lists: await s.lists.mine(requirePrincipal(request)),
  }));
  app.post(LISTS, { config: LIST_KEEPERS, schema: { tags, summary: 'Make a distribution list', body: listInput, response: { 201: created } } }, async (request, reply) =>
    reply.code(201).send({ id: await s.lists.save(requirePrincipal(request), null, request.body) }),
  );
  app.put(`${LISTS}/:id`, { config: LIST_KEEPERS, schema: { tags, summary: 'Change a distribution list', params: idParams, body: listInput, response: { 200: created } } }, async (request) => ({
    id: await s.lists.save(requirePrincipal(request), request.params.id, request.body),
  }));
  app.delete(`${LISTS}/:id`, { config: LIST_KEEPERS, schema: { tags, summary: 'Delete a distribution list', params: idParams } }, async (request, reply) => {
    await s.lists.remove(requirePrincipal(request), request.params.id);
    return reply.code(204).send();
  });
}
