import type { AppContext, ServerModule } from '../platform/context.ts';
import type { Sealer } from '../platform/crypto/sealer.ts';
import type { SeizureServices } from '../seizures/index.ts';
import { registerNameRoutes } from './names/index.ts';
import { createOutbox, type Outbox } from './outbox/index.ts';

/** What the national module uses of the others. */
export interface NationalDeps {
  sealer: Sealer;
  seizures: SeizureServices;
}

export interface NationalServices {
  /** The push of the node's seizures to its hub. */
  outbox: Outbox;
}

/**
 * The national CEN (nCEN): the nominal database of one administration, and its push of non-nominal seizures
 * to the hub. Built only on a node whose role is `national` (its tables exist only there).
 */
export function createNationalModule(ctx: AppContext, deps: NationalDeps): ServerModule<NationalServices> {
  const outbox = createOutbox(ctx, deps.seizures.records);
  const services: NationalServices = { outbox };
  return {
    name: 'national',
    services,
    routes(app) {
      registerNameRoutes(app);
      outbox.routes(app);
    },
    jobs: () => outbox.start(),
  };
}
