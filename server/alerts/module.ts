import type { AppContext, ServerModule } from '../platform/context.ts';
import { createAlertFiles, type AlertFiles } from './files.ts';
import { createLists, type Lists } from './lists.ts';
import { createAlertReads, type AlertReads } from './read.ts';
import { registerAlertRoutes } from './routes.ts';
import { createWorkflow, type Workflow } from './workflow.ts';

export interface AlertServices {
  workflow: Workflow;
  reads: AlertReads;
  lists: Lists;
  files: AlertFiles;
}

/**
 * RILO and GRAN: alerts written by NCPs and RILOs, approved and circulated by the RILO (globally with the
 * I2C's approval), acknowledged by their recipients; intelligence profiles that watch new CEN seizures.
 */
export function createAlertsModule(ctx: AppContext): ServerModule<AlertServices> {
  const lists = createLists(ctx);
  const workflow = createWorkflow(ctx, lists);
  const reads = createAlertReads(ctx, workflow);
  const files = createAlertFiles(ctx, workflow);
  const services: AlertServices = { workflow, reads, lists, files };
  return {
    name: 'alerts',
    services,
    routes(app) {
      registerAlertRoutes(app, services);
    },
  };
}
