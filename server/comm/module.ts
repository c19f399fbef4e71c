import type { AppContext, ServerModule } from '../platform/context.ts';
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

export function createCommServices(ctx: AppContext) {
  const operations = createOperations(ctx);
  const mailbox = createMailbox(ctx, operations);
  const formatted = createFormattedServices(ctx, operations, mailbox);
  return {
    operations,
    mailbox,
    library: createLibrary(ctx, operations),
    groupUsers: createGroupUsers(ctx, operations),
    cenExport: createCenExport(ctx, operations),
    ...formatted,
    newsletters: createNewsletters(ctx, operations, formatted.cases),
    exports: createExports(ctx, operations, formatted.cases),
  };
}

export const commModule: ServerModule = {
  name: 'comm',
  routes(app, ctx) {
    commRoutes(app, { database: ctx.database, ...createCommServices(ctx) });
  },
  async jobs(ctx) {
    // The daily newsletter: a job every quarter of an hour picks the operations whose hour has come.
    await createCommServices(ctx).newsletters.registerJobs();
  },
};
