import type { AppContext, ServerModule } from '../platform/context.ts';
import { countryExists } from '../reference/module.ts';
import { createBatch } from './batch.ts';
import { createCsvImport } from './csv-import.ts';
import { createFirearmReference } from './firearm-reference.ts';
import { createQueryLog, DEFAULT_RATE_LIMITS, type RateLimits } from './query-log.ts';
import { createRecords } from './records.ts';
import { screeningRoutes, type ScreeningServices } from './routes.ts';
import { createSearch } from './search.ts';
import { registerIdentifierRoutes } from './identifiers-routes.ts';
import { registerHitRoutes } from './hits-routes.ts';

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

/** The screening services over one app context (also used by the benchmark without the HTTP layer). */
export function createScreeningServices(ctx: Pick<AppContext, 'database' | 'audit'>, limits: RateLimits = rateLimitsFromEnv()): ScreeningServices {
  const { database, audit } = ctx;
  const reference = createFirearmReference(database, audit);
  const records = createRecords({ database, audit, reference, countryExists: (c) => countryExists(database, c) });
  const queryLog = createQueryLog(database, audit, limits);
  return {
    records,
    reference,
    queryLog,
    search: createSearch({ database, reference, queryLog }),
    batch: createBatch({ database, queryLog }),
    csvImport: createCsvImport({ database, audit, records }),
  };
}

export function createScreeningModule(limits?: RateLimits): ServerModule {
  return {
    name: 'screening',
    routes(app, ctx) {
      screeningRoutes(app, createScreeningServices(ctx, limits ?? rateLimitsFromEnv()));
      registerIdentifierRoutes(app);
      registerHitRoutes(app, ctx);
    },
  };
}

export const screeningModule: ServerModule = createScreeningModule();
