import { join } from 'node:path';
import { PROJECT_ROOT } from './platform/paths.ts';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Config } from './platform/config.ts';
import type { App, AppContext, MailMessage, ServerModule } from './platform/context.ts';
import type { Database } from './platform/db/database.ts';
import { openConfiguredDatabase } from './database-setup.ts';
import { migrate, listMigrations } from './platform/db/migrate.ts';
import { createHttpServer } from './platform/http/server.ts';
import type { RegisteredRoute } from './platform/http/access.ts';
import { loadOrCreateMasterKey } from './platform/files/master-key.ts';
import { createFileStore } from './platform/files/file-store.ts';
import { createSealer, type Sealer } from './platform/crypto/sealer.ts';
import { createMailer } from './platform/mail/mailer.ts';
import { createJobRunner } from './platform/jobs/job-runner.ts';
import { createEventBus } from './platform/realtime/event-bus.ts';
import { createAuditLog, createAuthenticator, createIdentityModule } from './identity/index.ts';
import { createReferenceModule, loadReferenceData, countryExists } from './reference/index.ts';
import { seedDemoData } from './demo/seed.ts';
import { createScreeningModule } from './screening/index.ts';
import { createSeizuresModule, createSeizureExtracts } from './seizures/index.ts';
import { createCommModule, coordinatesAnOperation } from './comm/index.ts';
import { createNationalModule } from './national/index.ts';
import { createAlertsModule } from './alerts/index.ts';
import { createDeskModule } from './desk/index.ts';
import { createOsintModule } from './osint/index.ts';
import { demoReference } from './database-setup.ts';

export const WEB_ROOT = join(PROJECT_ROOT, 'dist', 'web');

export interface RunningApp {
  ctx: AppContext;
  routes: RegisteredRoute[];
  /** Settles when the UN/LOCODE and airport lists are loaded. */
  gazetteer: Promise<void>;
  url: string;
  close(): Promise<void>;
}

export interface StartOptions {
  /** An already opened database (tests); otherwise the configured one is opened. */
  database?: Database;
  listen?: boolean;
  logger?: boolean | object;
  /** Skip migrations and reference loading (the database was prepared already). */
  prepared?: boolean;
}

export async function startApp(config: Config, opts: StartOptions = {}): Promise<RunningApp> {
  const started = Date.now();
  const { app, setAuthenticator, routes } = await createHttpServer(config, opts.logger, WEB_ROOT);
  const log = app.log;
  const database = opts.database ?? (await openConfiguredDatabase(config));
  log.info({ ms: Date.now() - started, database: database.kind }, 'database open');
  if (!opts.prepared) {
    await migrate(database, (m) => log.info(m), config.role);
    await loadReferenceData(database, (m) => log.info(m), ['core']);
  }

  const masterKey = loadOrCreateMasterKey(config.masterKeyFile);
  const sealer = createSealer(masterKey.key, masterKey.id);
  const events = createEventBus({ database, log });
  const jobs = createJobRunner({ database, log });
  const ctx: AppContext = {
    config,
    database,
    db: database.db,
    log,
    audit: createAuditLog(database),
    files: createFileStore({ database, masterKey, limitBytes: config.uploadLimitBytes }),
    mail: createMailer(config, log),
    events,
    jobs,
  };

  // Mail goes through the job queue: a failing SMTP server delays a message, it does not lose it.
  jobs.handle('mail.send', async (payload) => ctx.mail.send(payload as MailMessage), { maxAttempts: 8 });
  setAuthenticator(createAuthenticator(database));
  const modules = createModules(ctx, sealer);
  registerHealth(app, database, config.role);
  events.register(app);
  for (const m of modules) await m.routes?.(app);
  for (const m of modules) await m.jobs?.();

  // The demo notice is for the person at the console, so it is printed, not logged as JSON.
  if (config.demo) await seedDemoData(ctx, () => demoReference(database), (m) => console.log(m), modules);
  if (config.runJobs) jobs.start();

  await app.ready();
  let url = '';
  if (opts.listen !== false) {
    url = await app.listen({ port: config.port, host: config.host });
    log.info({ ms: Date.now() - started, routes: routes.length, database: database.kind }, `OpenCEN (${config.role}) ready`);
  }
  // The gazetteer (UN/LOCODE, airports) is not needed to start; on a first start it loads while the app serves.
  const gazetteer = opts.prepared
    ? Promise.resolve()
    : loadReferenceData(database, (m) => log.info(m), ['gazetteer']).catch((err: unknown) => log.error({ err }, 'could not load the gazetteer'));
  return {
    ctx,
    routes,
    url,
    gazetteer,
    async close() {
      await gazetteer;
      await jobs.stop();
      await events.close();
      await app.close();
      if (!opts.database) await database.close();
    },
  };
}

/**
 * Every module, built once, in dependency order: a module receives the services of those it uses
 * (docs/modules.md). Routes, jobs and demo data are registered in this order too.
 */
export function createModules(ctx: AppContext, sealer: Sealer): ServerModule[] {
  const { database } = ctx;
  const identity = createIdentityModule(ctx, { sealer, countryExists: (c) => countryExists(database, c), secondFactorRequired: (u) => coordinatesAnOperation(database, u) });
  const reference = createReferenceModule(ctx);
  const seizures = createSeizuresModule(ctx);
  const comm = createCommModule(ctx, { seizures: seizures.services });
  const screening = createScreeningModule(ctx);
  const alerts = createAlertsModule(ctx);
  const desk = createDeskModule(ctx, { screening: screening.services, seizureExtracts: createSeizureExtracts(database) });
  const modules: ServerModule[] = [identity, reference, seizures, comm, screening, createOsintModule(ctx), alerts, desk];
  // The nominal database exists only on a national node (its tables too: migrate by role).
  if (ctx.config.role === 'national') {
    // A document, VIN or container recorded in the nCEN is screened against the watch lists (exact keys).
    const screen = async (identifier: string) => screening.services.search.find({ identifier, oneEdit: false, limit: 10 });
    modules.push(createNationalModule(ctx, { sealer, seizures: seizures.services, screen }));
  }
  return modules;
}

function registerHealth(app: App, database: Database, role: Config['role']) {
  app.get('/api/health', { config: { access: 'public' }, schema: { tags: ['operations'], summary: 'Liveness', response: { 200: z.object({ status: z.literal('ok') }) } } }, async () => ({
    status: 'ok' as const,
  }));
  app.get(
    '/api/ready',
    { config: { access: 'public' }, schema: { tags: ['operations'], summary: 'Readiness: database reachable and migrated' } },
    async (_request, reply) => {
      try {
        const [{ n }] = await database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM schema_migrations`);
        const expected = listMigrations(role).length;
        if (n < expected) return reply.status(503).send({ status: 'migrating', applied: n, expected });
        return { status: 'ready', database: database.kind, migrations: n };
      } catch (e) {
        return reply.status(503).send({ status: 'unavailable', detail: (e as Error).message });
      }
    },
  );
}
