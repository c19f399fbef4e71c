import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { App, AppContext } from '../../platform/context.ts';
import { requirePrincipal, type Access } from '../../platform/http/access.ts';
import { conflict, notFound } from '../../platform/http/problem.ts';
import type { Records } from '../../seizures/index.ts';
import { OUTBOX_OPERATIONS, OUTBOX_STATES, type HubState, type OutboxItem, type OutboxPage, type OutboxStatus } from '../outbox-view.ts';
import * as store from './store.ts';

/** Who reads the outbox and a seizure's state on the hub, and who acts on it (retry, pause): the NCP and the administrator. */
export const OUTBOX_READERS: Access = ['ncp', 'admin'];
export const OUTBOX_ACTORS: Access = ['admin', 'ncp'];

const tags = ['national'];
const BASE = '/api/v1/national';
const time = z.string().describe('ISO 8601, UTC');

const outboxItem = z.object({
  id: z.string().describe('sequence number: the order of the changes'),
  seizureId: z.uuid(),
  seizureReference: z.string(),
  operation: z.enum(OUTBOX_OPERATIONS),
  state: z.enum(OUTBOX_STATES),
  attempts: z.number().int(),
  nextAttemptAt: time.nullable(),
  lastError: z.string().nullable().describe("the hub's status and problem detail, or the network error"),
  hubStatus: z.number().int().nullable().describe('HTTP status of the last attempt'),
  createdAt: time,
  sentAt: time.nullable(),
}) satisfies z.ZodType<OutboxItem>;

const outboxStatus = z.object({
  paused: z.boolean(),
  hubUrl: z.string().nullable().describe('null when OPENCEN_HUB_URL is not set: nothing can be sent'),
  counts: z.object(Object.fromEntries(OUTBOX_STATES.map((s) => [s, z.number().int()])) as Record<(typeof OUTBOX_STATES)[number], z.ZodNumber>),
}) satisfies z.ZodType<OutboxStatus>;

const outboxPage = outboxStatus.extend({ items: z.array(outboxItem), total: z.number().int() }) satisfies z.ZodType<OutboxPage>;

const hubState = z.object({
  seizureId: z.uuid(),
  state: z.enum(['not_sent', 'queued', 'on_hub', 'withdrawn', 'failed']),
  hubId: z.uuid().nullable(),
  hubReference: z.string().nullable(),
  hubStatus: z.enum(['submitted', 'validated', 'returned']).nullable(),
  hubComment: z.string().nullable(),
  checkedAt: time.nullable(),
  lastError: z.string().nullable(),
}) satisfies z.ZodType<HubState>;

const listQuery = z.object({
  state: z.enum(OUTBOX_STATES, { message: `must be one of: ${OUTBOX_STATES.join(', ')}` }).optional(),
  limit: z.coerce.number().int().min(1, 'must be at least 1').max(200, 'must be at most 200').default(50),
  offset: z.coerce.number().int().min(0, 'must not be negative').max(10_000_000).default(0),
});
const rowParams = z.object({ id: z.string().regex(/^[1-9]\d{0,17}$/, 'must be an outbox row number') });
const pauseBody = z.object({ paused: z.boolean({ message: 'must be true or false' }) });
const seizureParams = z.object({ seizureId: z.uuid('must be a UUID') });

const meta = (r: FastifyRequest) => ({ ip: r.ip, requestId: r.id });

export interface OutboxRouteDeps {
  records: Pick<Records, 'snapshot'>;
  hubUrl: string | null;
  /** Tells this process's sender to look now (other nodes hear the notification). */
  wake(): void;
}

export function registerOutboxRoutes(app: App, ctx: Pick<AppContext, 'database' | 'audit'>, deps: OutboxRouteDeps) {
  const { database, audit } = ctx;

  async function status(): Promise<OutboxStatus> {
    const [{ paused }, counts] = await Promise.all([store.settings(database), store.counts(database)]);
    return { paused, hubUrl: deps.hubUrl, counts };
  }

  app.get(
    `${BASE}/outbox`,
    {
      config: { access: OUTBOX_READERS },
      schema: {
        tags,
        summary: "The outbox of the push to the hub: one row per change of a seizure, newest first, with the hub's last answer",
        querystring: listQuery,
        response: { 200: outboxPage },
      },
    },
    async (request): Promise<OutboxPage> => {
      const [s, page] = await Promise.all([status(), store.listRows(database, request.query)]);
      return { ...s, items: page.items.map(store.itemOut), total: page.total };
    },
  );

  app.post(
    `${BASE}/outbox/:id/retry`,
    {
      config: { access: OUTBOX_ACTORS },
      schema: {
        tags,
        summary: 'Send a refused or waiting row now (after correcting what the hub refused: the seizure, the token)',
        params: rowParams,
        response: { 200: outboxItem },
      },
    },
    async (request): Promise<OutboxItem> => {
      const existing = await store.rowById(database, request.params.id);
      if (!existing) throw notFound('Outbox row');
      if ((await store.settings(database)).paused) throw conflict('The outbox is paused: resume it, and its rows are sent.');
      const row = await store.retryNow(database, request.params.id);
      if (!row) {
        throw conflict(
          existing.state === 'pending' ? 'The row is being sent right now.' : `The row is ${existing.state}: only a failed or waiting row can be sent again.`,
        );
      }
      await audit.record({ actor: requirePrincipal(request), action: 'national.outbox.retry', targetType: 'national_outbox', targetId: row.id, detail: { seizureId: row.seizureId, operation: row.operation }, ...meta(request) });
      deps.wake();
      return store.itemOut(row);
    },
  );

  app.post(
    `${BASE}/outbox/pause`,
    {
      config: { access: OUTBOX_ACTORS },
      schema: {
        tags,
        summary: 'Pause or resume the push: a paused outbox sends nothing, changes keep queueing in order',
        body: pauseBody,
        response: { 200: outboxStatus },
      },
    },
    async (request): Promise<OutboxStatus> => {
      await store.setPaused(database, request.body.paused, requirePrincipal(request).userId);
      await audit.record({ actor: requirePrincipal(request), action: request.body.paused ? 'national.outbox.pause' : 'national.outbox.resume', ...meta(request) });
      deps.wake();
      return status();
    },
  );

  app.get(
    `${BASE}/seizures/:seizureId/hub`,
    {
      config: { access: OUTBOX_READERS },
      schema: {
        tags,
        summary: "A seizure's state on the hub as this node last knew it: queued, on the hub (submitted, validated, returned with the RILO's comment), withdrawn or refused",
        params: seizureParams,
        response: { 200: hubState },
      },
    },
    async (request): Promise<HubState> => {
      const id = request.params.seizureId;
      const state = await store.hubStateOf(database, id);
      if (state.state === 'not_sent' && !(await deps.records.snapshot(id))) throw notFound('Seizure');
      return state;
    },
  );
}
