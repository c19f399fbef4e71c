import type { AppContext, ServerModule } from '../platform/context.ts';
import { countryExists, createReferenceService } from '../reference/index.ts';
import { createArtImages } from './art-images.ts';
import { createBatch } from './batch.ts';
import { createCsvImport } from './csv-import.ts';
import { createFirearmReference } from './firearm-reference.ts';
import { createQueryLog, DEFAULT_RATE_LIMITS, type QueryLog, type RateLimits } from './query-log.ts';
import { getOrganisation } from '../identity/index.ts';
import type { Database } from '../platform/db/database.ts';
import { createRecords } from './records.ts';
import { screeningRoutes, type ScreeningServices } from './routes.ts';
import { createSearch } from './search.ts';
import { registerIdentifierRoutes } from './identifiers-routes.ts';
import { registerHitRoutes } from './hits-routes.ts';
import { seedScreeningDemo } from './demo.ts';

export { LISTS, type ListName } from './lists.ts';
export { SEARCHERS, RECORDERS } from './routes.ts';

/** The per-user limits, from the environment where an operator set them (e.g. a border system's account needs more). */
export function rateLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): RateLimits {
  const n = (v: string | undefined, d: number) => (v && /^\d+$/.test(v) ? Number(v) : d);
  return {
    searchesPerMinute: n(env.OPENCEN_SCREENING_SEARCHES_PER_MINUTE, DEFAULT_RATE_LIMITS.searchesPerMinute),
    batchItemsPerMinute: n(env.OPENCEN_SCREENING_BATCH_ITEMS_PER_MINUTE, DEFAULT_RATE_LIMITS.batchItemsPerMinute),
  };
}

/** The query logs writing to each database, so that a test can read the log once its rows are stored. */
const queryLogs = new WeakMap<Database, Set<QueryLog>>();

/** Stores every screening query still waiting to be written to this database. */
export async function flushScreeningQueryLogs(database: Database): Promise<void> {
  for (const q of queryLogs.get(database) ?? []) await q.flush();
}

/** The screening services over one app context (also used by the benchmark without the HTTP layer). */
export function createScreeningServices(
  ctx: Pick<AppContext, 'database' | 'audit'> & Partial<Pick<AppContext, 'log' | 'files' | 'config'>>,
  limits: RateLimits = rateLimitsFromEnv(),
): ScreeningServices {
  const { database, audit } = ctx;
  const reference = createFirearmReference(database, audit);
  const artImages = ctx.files ? createArtImages({ database, audit, files: ctx.files }) : undefined;
  const records = createRecords({
    database,
    audit,
    reference,
    countryExists: (c) => countryExists(database, c),
    beforeRemove: async (tx, list, id) => {
      if (list === 'art') await artImages?.removeAll(tx, id);
    },
  });
  const countries = createReferenceService(database);
  const queryLog = createQueryLog(database, audit, limits, {
    organisationExists: async (id) => !!(await getOrganisation(database, id)),
    onError: (err, message) => (ctx.log ? ctx.log.error({ err }, message) : console.error(message, err)),
  });
  const logs = queryLogs.get(database) ?? queryLogs.set(database, new Set()).get(database)!;
  logs.add(queryLog);
  return {
    records,
    artImages,
    reference,
    queryLog,
    search: createSearch({ database, reference, queryLog, countryOfAlpha3: async (code) => (await countries.get('countries', code))?.code ?? null }),
    batch: createBatch({ database, queryLog }),
    csvImport: createCsvImport({ database, audit, records }),
    uploadLimitBytes: ctx.config?.uploadLimitBytes,
  };
}

export function createScreeningModule(ctx: AppContext, opts: { limits?: RateLimits } = {}): ServerModule<ScreeningServices> {
  const services = createScreeningServices(ctx, opts.limits ?? rateLimitsFromEnv());
  return {
    name: 'screening',
    services,
    routes(app) {
      screeningRoutes(app, services);
      registerIdentifierRoutes(app);
      registerHitRoutes(app, ctx, services);
      // Queries still waiting are stored before the database closes.
      app.addHook('onClose', async () => {
        await services.queryLog.close();
        queryLogs.get(ctx.database)?.delete(services.queryLog);
      });
    },
    seedDemo: (log) => seedScreeningDemo(ctx, log),
  };
}
