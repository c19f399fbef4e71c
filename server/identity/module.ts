import type { AppContext, ServerModule } from '../platform/context.ts';
import type { Sealer } from '../platform/crypto/sealer.ts';
import { registerAuthRoutes } from './auth-routes.ts';
import { registerProfileRoutes } from './profile-routes.ts';
import { registerAdminRoutes } from './admin-routes.ts';
import { purgeExpiredSessions } from './sessions.ts';

export interface IdentityModuleDeps {
  sealer: Sealer;
  countryExists(code: string): Promise<boolean>;
  /** Asked at sign-in: does another module require a second factor of this user (an operation coordinator)? */
  secondFactorRequired?(userId: string): Promise<boolean>;
}

/** Organisations, users, sign-in with a second factor, sessions, API tokens, profile and the audit log. */
export function createIdentityModule(ctx: AppContext, deps: IdentityModuleDeps): ServerModule<Record<string, never>> {
  return {
    name: 'identity',
    services: {},
    routes(app) {
      const base = { database: ctx.database, audit: ctx.audit };
      registerAuthRoutes(app, { ...base, sealer: deps.sealer, jobs: ctx.jobs, secondFactorRequired: deps.secondFactorRequired }, ctx.config, ctx.events);
      registerProfileRoutes(app, { ...base, countryExists: deps.countryExists }, ctx.events);
      registerAdminRoutes(app, { ...base, countryExists: deps.countryExists }, ctx.events, ctx.jobs);
    },
    async jobs() {
      ctx.jobs.handle('identity.purge-sessions', async () => purgeExpiredSessions(ctx.database));
      await ctx.jobs.schedule('identity.purge-sessions', '17 * * * *', 'identity.purge-sessions');
    },
  };
}
