import type { AppContext, ServerModule } from '../platform/context.ts';
import type { Sealer } from '../platform/crypto/sealer.ts';
import type { SeizureServices } from '../seizures/index.ts';
import { registerNameRoutes } from './names/index.ts';

/** What the national module uses of the others. */
export interface NationalDeps {
  sealer: Sealer;
  seizures: SeizureServices;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled as the module's services are built
export interface NationalServices {}

/**
 * The national CEN (nCEN): the nominal database of one administration, and its push of non-nominal seizures
 * to the hub. Built only on a node whose role is `national` (its tables exist only there).
 */
export function createNationalModule(ctx: AppContext, deps: NationalDeps): ServerModule<NationalServices> {
  void ctx;
  void deps;
  const services: NationalServices = {};
  return {
    name: 'national',
    services,
    routes(app) {
      registerNameRoutes(app);
    },
  };
}
