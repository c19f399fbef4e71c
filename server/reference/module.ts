import type { AppContext, ServerModule } from '../platform/context.ts';
import type { Database } from '../platform/db/database.ts';
import { referenceRoutes } from './routes.ts';
import { createReferenceService, type ReferenceService } from './service.ts';

export { loadReferenceData } from './load.ts';
export { createReferenceService, type ReferenceService, UI_LANGS, type UiLang } from './service.ts';
export { REFERENCE_KINDS, type ReferenceItem, type ReferenceKind } from './reference-view.ts';
export { referenceSets, type ReferenceSets } from './sets.ts';

/** For modules that only need to check a country code (e.g. identity, for an organisation's country). */
export function countryExists(database: Database, code: string): Promise<boolean> {
  return createReferenceService(database).isCountry(code);
}

export function createReferenceModule(ctx: Pick<AppContext, 'database'>): ServerModule<ReferenceService> {
  const services = createReferenceService(ctx.database);
  return {
    name: 'reference',
    services,
    routes(app) {
      referenceRoutes(app, services);
    },
  };
}
