import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext, App } from '../platform/context.ts';
import { requirePrincipal } from '../platform/http/access.ts';
import { casePage, caseItem, caseQuery, closeCaseInput, createCases, operationStats, type Cases } from './cases.ts';
import { createFormatted, formattedCreate, formattedMessage, formattedQuery, formattedSubmit, formattedSummary, formattedUpdate, type Formatted } from './formatted.ts';
import type { Mailbox } from './mailbox.ts';
import type { Operations } from './operations.ts';
import { messageParams, opParams } from './schema.ts';
import { createTemplates, type Templates } from './templates.ts';
import { template, templateCreate, templateParams, templateUpdate } from './templates-schema.ts';

export interface FormattedServices {
  templates: Templates;
  formatted: Formatted;
  cases: Cases;
}

export function createFormattedServices(ctx: Pick<AppContext, 'database' | 'audit' | 'events'>, operations: Operations, mailbox: Mailbox): FormattedServices {
  const templates = createTemplates(ctx, operations);
  return { templates, formatted: createFormatted(ctx, operations, mailbox, templates), cases: createCases(ctx, operations) };
}

const MEMBERS = 'authenticated' as const;
const OP = '/api/v1/operations/:opId';
const tags = ['operations'];
const meta = (r: FastifyRequest) => ({ ip: r.ip, requestId: r.id });

/**
 * Templates, formatted messages, cases and statistics. Registered inside the operation scope of
 * routes.ts, whose hook turns away non-members before anything else of the request is read.
 */
export function registerFormattedRoutes(scope: App, deps: FormattedServices) {
  const { templates, formatted, cases } = deps;

  scope.get(`${OP}/templates`, { config: { access: MEMBERS }, schema: { tags, summary: 'The templates of the operation (WARNING, FEEDBACK, SEIZURE and its own)', params: opParams, response: { 200: z.object({ items: z.array(template) }) } } }, async (r) => ({
    items: (await templates.list(requirePrincipal(r), r.params.opId)),
  }));
  scope.get(`${OP}/templates/:templateId`, { config: { access: MEMBERS }, schema: { tags, summary: 'One template', params: templateParams, response: { 200: template } } }, async (r) =>
    (await templates.get(requirePrincipal(r), r.params.opId, r.params.templateId)),
  );
  scope.post(`${OP}/templates`, { config: { access: MEMBERS }, schema: { tags, summary: 'Add a template (OCU+)', params: opParams, body: templateCreate, response: { 201: template } } }, async (r, reply) =>
    reply.status(201).send((await templates.create(requirePrincipal(r), r.params.opId, r.body, meta(r)))),
  );
  scope.put(`${OP}/templates/:templateId`, { config: { access: MEMBERS }, schema: { tags, summary: 'Change a template (OCU+); messages keep the version they were written with', params: templateParams, body: templateUpdate, response: { 200: template } } }, async (r) =>
    (await templates.update(requirePrincipal(r), r.params.opId, r.params.templateId, r.body, meta(r))),
  );

  const page = z.object({ items: z.array(formattedSummary), total: z.number(), page: z.number(), pageSize: z.number() });
  scope.get(`${OP}/formatted`, { config: { access: MEMBERS }, schema: { tags, summary: 'My drafts, or the formatted messages I sent or received (the OCU: all)', params: opParams, querystring: formattedQuery, response: { 200: page } } }, async (r) =>
    (await formatted.list(requirePrincipal(r), r.params.opId, r.query)),
  );
  scope.post(`${OP}/formatted`, { config: { access: MEMBERS }, schema: { tags, summary: 'Write a formatted message from a template: stored as a draft, or submitted (numbered and delivered)', params: opParams, body: formattedCreate, response: { 201: formattedMessage } } }, async (r, reply) =>
    reply.status(201).send((await formatted.create(requirePrincipal(r), r.params.opId, r.body, meta(r)))),
  );
  scope.get(`${OP}/formatted/:messageId`, { config: { access: MEMBERS }, schema: { tags, summary: 'A formatted message in my language: labelled fields and text (marks it read)', params: messageParams, response: { 200: formattedMessage } } }, async (r) =>
    (await formatted.get(requirePrincipal(r), r.params.opId, r.params.messageId)),
  );
  scope.put(`${OP}/formatted/:messageId`, { config: { access: MEMBERS }, schema: { tags, summary: 'Change a draft of mine', params: messageParams, body: formattedUpdate, response: { 200: formattedMessage } } }, async (r) =>
    (await formatted.updateDraft(requirePrincipal(r), r.params.opId, r.params.messageId, r.body, meta(r))),
  );
  scope.delete(`${OP}/formatted/:messageId`, { config: { access: MEMBERS }, schema: { tags, summary: 'Delete a draft of mine', params: messageParams } }, async (r, reply) => {
    await formatted.deleteDraft(requirePrincipal(r), r.params.opId, r.params.messageId);
    return reply.status(204).send();
  });
  scope.post(`${OP}/formatted/:messageId/submit`, { config: { access: MEMBERS }, schema: { tags, summary: 'Submit a draft of mine: numbered and delivered', params: messageParams, body: formattedSubmit, response: { 200: formattedMessage } } }, async (r) =>
    (await formatted.submitDraft(requirePrincipal(r), r.params.opId, r.params.messageId, r.body, meta(r))),
  );

  scope.get(`${OP}/cases`, { config: { access: MEMBERS }, schema: { tags, summary: 'Warnings as cases, open (with their age) or closed (with the response time) — OCU', params: opParams, querystring: caseQuery, response: { 200: casePage } } }, async (r) =>
    (await cases.list(requirePrincipal(r), r.params.opId, r.query)),
  );
  scope.post(`${OP}/cases/:messageId/close`, { config: { access: MEMBERS }, schema: { tags, summary: 'Close an unanswered warning by hand, with a note — OCU', params: messageParams, body: closeCaseInput, response: { 200: caseItem } } }, async (r) =>
    (await cases.close(requirePrincipal(r), r.params.opId, r.params.messageId, r.body.note, meta(r))),
  );
  scope.get(`${OP}/stats`, { config: { access: MEMBERS }, schema: { tags, summary: 'Operation statistics: messages by template, open warnings, response times, seizures by commodity and country — OCU', params: opParams, response: { 200: operationStats } } }, async (r) =>
    (await cases.stats(requirePrincipal(r), r.params.opId)),
  );
}
