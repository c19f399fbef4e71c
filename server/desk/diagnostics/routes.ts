import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../../platform/context.ts';
import { requirePrincipal } from '../../platform/http/access.ts';
import { DIAGNOSTIC_EDITORS, DIAGNOSTIC_READERS, DIAGNOSTIC_REGIONAL } from './diagnostics-view.ts';
import { CURRENT_VERSION, pickLanguage, questionnaire, questionnaireView } from './questionnaire/index.ts';
import { diagnosticPdf, RTL_PDF_FALLBACK } from './report-pdf.ts';
import { actionInput, actionParams, answersInput, commentInput, completeInput, createInput, idParams, langQuery, regionalQuery, settingsInput } from './schema.ts';
import type { Diagnostics } from './service.ts';
import { notFound } from '../../platform/http/problem.ts';

const BASE = '/api/v1/diagnostics';
const tags = ['diagnostics'];
const meta = (r: FastifyRequest) => ({ ip: r.ip, requestId: r.id });
const read = { access: DIAGNOSTIC_READERS };
const edit = { access: DIAGNOSTIC_EDITORS };
const anyone = { access: [...DIAGNOSTIC_READERS, ...DIAGNOSTIC_REGIONAL] };

export function registerDiagnosticRoutes(app: App, diagnostics: Diagnostics) {
  app.get(`${BASE}/questionnaire`, { config: anyone, schema: { tags, summary: 'The current questionnaire (questions, guidance, areas, levels and scoring rule) in a language', querystring: langQuery } }, async (request) =>
    questionnaireView(questionnaire(CURRENT_VERSION)!, pickLanguage(request.query.lang)),
  );
  app.get(`${BASE}/questionnaire/:version`, { config: anyone, schema: { tags, summary: 'One version of the questionnaire in a language', params: z.object({ version: z.string().max(10) }), querystring: langQuery } }, async (request) => {
    const q = questionnaire(request.params.version);
    if (!q) throw notFound('Questionnaire version');
    return questionnaireView(q, pickLanguage(request.query.lang));
  });
  app.get(`${BASE}/regional`, { config: { access: DIAGNOSTIC_REGIONAL }, schema: { tags, summary: 'Levels by country of the administrations that share their completed diagnostic with the WCO and RILOs (audited)', querystring: regionalQuery } }, async (request) => ({
    entries: await diagnostics.regional(requirePrincipal(request), request.query, meta(request)),
  }));
  app.get(BASE, { config: read, schema: { tags, summary: "Your administration's assessments" } }, async (request) => ({ assessments: await diagnostics.list(requirePrincipal(request)) }));
  app.post(BASE, { config: edit, schema: { tags, summary: 'Start an assessment of your administration (one in progress at a time)', body: createInput, response: { 201: z.object({ id: z.string() }) } } }, async (request, reply) =>
    reply.code(201).send({ id: await diagnostics.create(requirePrincipal(request), request.body, meta(request)) }),
  );
  app.get(`${BASE}/:id`, { config: read, schema: { tags, summary: 'One assessment with its answers, comments and live score', params: idParams, querystring: langQuery } }, async (request) =>
    diagnostics.get(requirePrincipal(request), request.params.id, request.query.lang),
  );
  app.patch(`${BASE}/:id`, { config: edit, schema: { tags, summary: 'Rename a draft, or give or withdraw consent to share with the WCO and RILOs', params: idParams, body: settingsInput, querystring: langQuery } }, async (request) => {
    await diagnostics.updateSettings(requirePrincipal(request), request.params.id, request.body, meta(request));
    return diagnostics.get(requirePrincipal(request), request.params.id, request.query.lang);
  });
  app.put(`${BASE}/:id/answers`, { config: edit, schema: { tags, summary: 'Save answers of a draft (all or none: an answer out of range is a 422 naming its question)', params: idParams, body: answersInput, querystring: langQuery } }, async (request) => {
    await diagnostics.saveAnswers(requirePrincipal(request), request.params.id, request.body.answers, meta(request));
    return diagnostics.get(requirePrincipal(request), request.params.id, request.query.lang);
  });
  app.post(`${BASE}/:id/comments`, { config: edit, schema: { tags, summary: 'Comment on a question of a draft', params: idParams, body: commentInput, response: { 201: z.object({ id: z.string() }) } } }, async (request, reply) =>
    reply.code(201).send({ id: await diagnostics.comment(requirePrincipal(request), request.params.id, request.body, meta(request)) }),
  );
  app.post(`${BASE}/:id/complete`, { config: edit, schema: { tags, summary: 'Complete a draft: answers locked, action plan made from the gaps', params: idParams, body: completeInput, querystring: langQuery } }, async (request) => {
    await diagnostics.complete(requirePrincipal(request), request.params.id, request.body, meta(request));
    return diagnostics.result(requirePrincipal(request), request.params.id, request.query.lang);
  });
  app.get(`${BASE}/:id/result`, { config: read, schema: { tags, summary: 'Levels and why, action plan and the comparison with the previous assessment', params: idParams, querystring: langQuery } }, async (request) =>
    diagnostics.result(requirePrincipal(request), request.params.id, request.query.lang),
  );
  app.patch(`${BASE}/:id/actions/:actionId`, { config: edit, schema: { tags, summary: 'Keep an action of the plan up to date (owner, due date, status, note)', params: actionParams, body: actionInput } }, async (request) =>
    diagnostics.updateAction(requirePrincipal(request), request.params.id, request.params.actionId, request.body, meta(request)),
  );
  app.get(`${BASE}/:id/report.pdf`, { config: read, schema: { tags, summary: 'The result as a PDF report (audited)', params: idParams, querystring: langQuery } }, async (request, reply) => {
    const actor = requirePrincipal(request);
    const wanted = pickLanguage(request.query.lang);
    const { result, text } = await diagnostics.reportData(actor, request.params.id, RTL_PDF_FALLBACK.has(wanted) ? 'en' : wanted);
    const pdf = await diagnosticPdf(result, text);
    await diagnostics.recordExport(actor, request.params.id, meta(request));
    const stamp = (result.assessment.completedAt ?? result.assessment.updatedAt).slice(0, 10);
    return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="cooperation-diagnostic-${result.assessment.country ?? 'org'}-${stamp}.pdf"`).send(pdf);
  });
}
