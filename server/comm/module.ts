import type { AppContext, ServerModule } from '../platform/context.ts';
import { createMailbox } from './mailbox.ts';
import { createOperations } from './operations.ts';
import { createLibrary } from './library.ts';
import { createCenExport } from './cen-export.ts';
import { createGroupUsers } from './group-users.ts';
import { commRoutes } from './routes.ts';
import { createFormattedServices } from './formatted-routes.ts';

export function createCommServices(ctx: AppContext) {
  const operations = createOperations(ctx);
  const mailbox = createMailbox(ctx, operations);
  return {
    operations,
    mailbox,
    library: createLibrary(ctx, operations),
    groupUsers: createGroupUsers(ctx, operations),
    cenExport: createCenExport(ctx, operations),
    ...createFormattedServices(ctx, operations, mailbox),
  };
}

export const commModule: ServerModule = {
  name: 'comm',
  routes(app, ctx) {
    commRoutes(app, { database: ctx.database, ...createCommServices(ctx) });
  },
};
