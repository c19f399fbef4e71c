import type { AppContext, ServerModule } from '../platform/context.ts';
import { registerImportExportRoutes } from './import-routes.ts';
import { createPhotos } from './photos.ts';
import { createRecords } from './records.ts';
import { seizureRoutes, type SeizureServices } from './routes.ts';
import { createSearch } from './search.ts';
import { registerStatsRoutes } from './stats.ts';
import { seedDemoSeizures } from './demo.ts';

export { insertSeizures, type NewSeizure } from './store.ts';
export { checkSeizure, type PreparedSeizure } from './check.ts';

/** The seizure services over one app context (the benchmark and the demo seed use them without HTTP). */
export function createSeizureServices(ctx: AppContext): SeizureServices {
  const records = createRecords(ctx);
  return { records, search: createSearch(ctx.database), photos: createPhotos(ctx, records) };
}

export function createSeizuresModule(ctx: AppContext): ServerModule<SeizureServices> {
  const services = createSeizureServices(ctx);
  return {
    name: 'seizures',
    services,
    routes(app) {
      seizureRoutes(app, ctx, services);
      registerStatsRoutes(app, ctx);
      registerImportExportRoutes(app, ctx, services);
    },
    seedDemo: (log) => seedDemoSeizures(ctx, log),
  };
}
