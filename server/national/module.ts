import type { AppContext, ServerModule } from '../platform/context.ts';
import type { Sealer } from '../platform/crypto/sealer.ts';
import { seizureLabels, type SeizureServices } from '../seizures/index.ts';
import { NAME_COMPARE_ACCESS, registerNameRoutes } from './names/index.ts';
import { createBlindIndex, type BlindIndex } from './entities/blind-index.ts';
import { createEntities, type Entities } from './entities/service.ts';
import { createEntitySearch, type EntitySearch } from './entities/search.ts';
import { createMerges, type Merges } from './entities/merge.ts';
import { registerEntityRoutes, NOMINAL_READERS } from './entities/routes.ts';
import { loadIndexSecret } from './entities/vault.ts';
import { REVIEW_REMINDER, remindReviews } from './entities/review-reminder.ts';
import { createCases, type Cases } from './cases/service.ts';
import { registerCaseRoutes } from './cases/routes.ts';
import { seedNationalDemo } from './demo.ts';
import { createOutbox, type Outbox } from './outbox/index.ts';

/** What the national module uses of the others. */
export interface NationalDeps {
  sealer: Sealer;
  seizures: SeizureServices;
  /** Watch-list hits on one identifier (the screening module's exact search). */
  screen?(identifier: string): Promise<{ list: string; recordId: string }[]>;
}

export interface NationalServices {
  /** Settles once the blind-index key is read (or made, on a first start); the services need it. */
  ready: Promise<void>;
  entities: Entities;
  search: EntitySearch;
  merges: Merges;
  cases: Cases;
  /** The push of the node's seizures to its hub. */
  outbox: Outbox;
}

/**
 * The national CEN (nCEN): the nominal database of one administration, and its push of non-nominal seizures
 * to the hub. Built only on a node whose role is `national` (its tables exist only there).
 */
export function createNationalModule(ctx: AppContext, deps: NationalDeps): ServerModule<NationalServices> {
  const { database, audit } = ctx;
  const { sealer } = deps;
  let keyed: BlindIndex | null = null;
  const index: BlindIndex = {
    key(kind, clear) {
      if (!keyed) throw new Error('The blind-index key is not loaded yet (await services.ready).');
      return keyed.key(kind, clear);
    },
  };
  const ready = loadIndexSecret(database, sealer).then((secret) => {
    keyed = createBlindIndex(secret);
  });
  const labels = (ids: readonly string[]) => seizureLabels(database, ids);
  const entities = createEntities({ database, audit, sealer, index, seizureLabels: labels, screen: deps.screen });
  const search = createEntitySearch({ database, audit, sealer, index });
  const merges = createMerges({ database, audit, sealer, index }, entities);
  const cases = createCases({ database, audit, sealer, entities, seizureLabels: labels });
  const outbox = createOutbox(ctx, deps.seizures.records);
  const services: NationalServices = { ready, entities, search, merges, cases, outbox };
  return {
    name: 'national',
    services,
    async routes(app) {
      await ready;
      registerNameRoutes(app, [...NAME_COMPARE_ACCESS, ...NOMINAL_READERS]);
      registerEntityRoutes(app, { entities, search, merges });
      registerCaseRoutes(app, { cases, database, audit, graph: { sealer, seizureLabels: labels } });
      outbox.routes(app);
    },
    async jobs() {
      await outbox.start();
      ctx.jobs.handle(REVIEW_REMINDER, async () => void (await remindReviews(ctx)), { maxAttempts: 1 });
      await ctx.jobs.schedule(REVIEW_REMINDER, '5 6 * * *', REVIEW_REMINDER);
    },
    seedDemo: async (log) => {
      await ready;
      await seedNationalDemo(ctx, services, log);
    },
  };
}
