import { z } from 'zod';
import type { App } from '../../platform/context.ts';
import { requirePrincipal } from '../../platform/http/access.ts';
import { ALERT_READERS, ALERT_WRITERS } from '../access.ts';
import { idParams } from '../schema.ts';
import { backTestBody, backTestResult, matchRow, profileInput, profileSummary, profileView } from './schema.ts';
import type { Profiles } from './service.ts';

const BASE = '/api/v1/profiles';
const tags = ['profiles'];
const day = z.iso.date('must be a date (YYYY-MM-DD)');

export function registerProfileRoutes(app: App, profiles: Profiles) {
  const read = { access: ALERT_READERS };
  const write = { access: ALERT_WRITERS };
  const meta = (r: { ip: string; id: string }) => ({ ip: r.ip, requestId: r.id });

  app.get(BASE, { config: read, schema: { tags, summary: 'Intelligence profiles your administration owns or receives', response: { 200: z.object({ profiles: z.array(profileSummary) }) } } }, async (request) => ({
    profiles: await profiles.list(requirePrincipal(request)),
  }));

  app.post(
    BASE,
    { config: write, schema: { tags, summary: 'Make a profile (refused with no indicator, or one matching most of CEN)', body: profileInput, response: { 201: z.object({ id: z.string() }) } } },
    async (request, reply) => reply.code(201).send({ id: await profiles.create(requirePrincipal(request), request.body, meta(request)) }),
  );

  app.post(
    `${BASE}/backtest`,
    { config: read, schema: { tags, summary: 'Try indicators on the past: how many validated seizures they would have matched, and which', body: backTestBody, response: { 200: backTestResult } } },
    async (request) => profiles.backTest(request.body.indicators, request.body.from, request.body.to, request.body.limit),
  );

  app.get(`${BASE}/:id`, { config: read, schema: { tags, summary: 'One profile', params: idParams, response: { 200: profileView } } }, async (request) =>
    profiles.get(requirePrincipal(request), request.params.id),
  );

  app.put(`${BASE}/:id`, { config: write, schema: { tags, summary: 'Change a profile (its owner)', params: idParams, body: profileInput, response: { 200: profileView } } }, async (request) => {
    await profiles.update(requirePrincipal(request), request.params.id, request.body, meta(request));
    return profiles.get(requirePrincipal(request), request.params.id);
  });

  app.get(
    `${BASE}/:id/matches`,
    { config: read, schema: { tags, summary: 'New validated seizures the profile matched, newest first, with why', params: idParams, response: { 200: z.object({ matches: z.array(matchRow) }) } } },
    async (request) => ({ matches: await profiles.matches(requirePrincipal(request), request.params.id) }),
  );

  app.get(
    `${BASE}/:id/backtest`,
    { config: read, schema: { tags, summary: "The profile tried on the past (a period's validated seizures)", params: idParams, querystring: z.object({ from: day.optional(), to: day.optional() }), response: { 200: backTestResult } } },
    async (request) => {
      const p = await profiles.get(requirePrincipal(request), request.params.id);
      return profiles.backTest(p.indicators, request.query.from ?? null, request.query.to ?? null, 100);
    },
  );
}
