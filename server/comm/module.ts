import type { AppContext, ServerModule } from '../platform/context.ts';
import type { SeizureServices } from '../seizures/index.ts';
import { seedCommDemo } from './demo.ts';
import { createMailbox } from './mailbox.ts';
import { createOperations } from './operations.ts';
export { coordinatesAnOperation } from './operations.ts';
import { createLibrary } from './library.ts';
import { createCenExport } from './cen-export.ts';
import { createGroupUsers } from './group-users.ts';
import { commRoutes } from './routes.ts';
import { createFormattedServices } from './formatted-routes.ts';
import { createNewsletters } from './newsletters.ts';
import { createExports } from './exports.ts';

/** What comm needs of the other modules. */
export interface CommDeps {
  seizures: SeizureServices;
}

export function createCommServices(ctx: AppContext, deps: CommDeps) {
  const operations = createOperations(ctx);
  const mailbox = createMailbox(ctx, operations);
  const formatted = createFormattedServices(ctx, operations, mailbox);
  return {
    operations,
    mailbox,
    library: createLibrary(ctx, operations),
    groupUsers: createGroupUsers(ctx, operations),
    cenExport: createCenExport(ctx, operations, deps.seizures),
    ...formatted,
    newsletters: createNewsletters(ctx, operations, formatted.cases),
    exports: createExports(ctx, operations, formatted.cases),
  };
}

export type CommServices = ReturnType<typeof createCommServices>;

export function createCommModule(ctx: AppContext, deps: CommDeps): ServerModule<CommServices> {
  const services = createCommServices(ctx, deps);
  return {
    name: 'comm',
    services,
    routes(app) {
      commRoutes(app, { database: ctx.database, ...services });
    },
    async jobs() {
      // The daily newsletter: a job every quarter of an hour picks the operations whose hour has come.
      await services.newsletters.registerJobs();
    },
    seedDemo: (log) => seedCommDemo(ctx, services, log),
  };
}
