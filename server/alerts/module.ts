import type { AppContext, ServerModule } from '../platform/context.ts';
import { createAlertFiles, type AlertFiles } from './files.ts';
import { createLists, type Lists } from './lists.ts';
import { createAlertReads, type AlertReads } from './read.ts';
import { registerAlertRoutes } from './routes.ts';
import { createWorkflow, type Workflow } from './workflow.ts';
import { createProfiles, type Profiles } from './profiles/service.ts';
import { registerProfileRoutes } from './profiles/routes.ts';
import { createBulletins, type Bulletins } from './bulletins/service.ts';
import { registerBulletinRoutes } from './bulletins/routes.ts';
import { PROFILE_SWEEP, sweepProfiles } from './profiles/sweep.ts';
import { registerStixRoutes } from './stix/routes.ts';
import { registerTaxiiRoutes } from './taxii/routes.ts';
import { seedAlertsDemo } from './demo.ts';

export interface AlertServices {
  workflow: Workflow;
  reads: AlertReads;
  lists: Lists;
  files: AlertFiles;
  profiles: Profiles;
  bulletins: Bulletins;
  /** Matches the validated seizures changed since the last sweep against every active profile (a job runs it every 10 s). */
  sweep(): ReturnType<typeof sweepProfiles>;
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
  const profiles = createProfiles(ctx, lists);
  const bulletins = createBulletins(ctx, lists);
  const services: AlertServices = { workflow, reads, lists, files, profiles, bulletins, sweep: () => sweepProfiles(ctx) };
  return {
    name: 'alerts',
    services,
    routes(app) {
      registerAlertRoutes(app, services);
      registerProfileRoutes(app, profiles);
      registerBulletinRoutes(app, bulletins);
      registerStixRoutes(app, ctx, services);
      registerTaxiiRoutes(app, ctx);
    },
    async jobs() {
      ctx.jobs.handle(PROFILE_SWEEP, async () => void (await sweepProfiles(ctx)), { maxAttempts: 1 });
      await ctx.jobs.schedule(PROFILE_SWEEP, '*/10 * * * * *', PROFILE_SWEEP);
    },
    seedDemo: (log) => seedAlertsDemo(ctx, services, log),
  };
}
