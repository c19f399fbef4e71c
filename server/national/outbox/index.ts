import type { App, AppContext } from '../../platform/context.ts';
import type { Records } from '../../seizures/index.ts';
import { createHubClient, type HubClient } from './hub-client.ts';
import { registerOutboxRoutes } from './routes.ts';
import { queueChange } from './store.ts';
import { createOutboxWorker, type OutboxWorker, type OutboxWorkerOptions } from './worker.ts';

/**
 * The push of a national node's seizures to its hub (issue 13). Built once by the national module:
 * listens to the seizures module's changes (an outbox row in each change's transaction), serves the outbox
 * routes, and runs the sender when the node runs jobs.
 */
export interface Outbox {
  client: HubClient;
  worker: OutboxWorker;
  /** The routes, and the sender's stop when the HTTP server closes. */
  routes(app: App): void;
  /** Starts the sender and reader when the node runs jobs. */
  start(): Promise<void>;
}

export function createOutbox(
  ctx: Pick<AppContext, 'config' | 'database' | 'audit' | 'log'>,
  records: Pick<Records, 'onChange' | 'snapshot' | 'mirrorHubDecision'>,
  opts: Partial<Pick<OutboxWorkerOptions, 'concurrency' | 'leaseMs' | 'retryBaseMs' | 'retryMaxMs' | 'idleMs'>> = {},
): Outbox {
  const client = createHubClient(ctx.config.hub);
  records.onChange((tx, change) => queueChange(tx, change).then(() => undefined));
  const worker = createOutboxWorker({ database: ctx.database, log: ctx.log, client, records, pollMs: ctx.config.hub.pollSeconds * 1000, ...opts });
  return {
    client,
    worker,
    routes(app) {
      registerOutboxRoutes(app, ctx, { records, hubUrl: client.url, wake: worker.poke });
      app.addHook('onClose', () => worker.stop());
    },
    async start() {
      if (!ctx.config.runJobs) return;
      if (!client.url) ctx.log.warn('OPENCEN_HUB_URL is not set: seizures queue in the outbox and none is sent to a hub');
      await worker.start();
    },
  };
}

export { outboundPayload, type Outbound } from './payload.ts';
export { OUTBOX_READERS, OUTBOX_ACTORS } from './routes.ts';
