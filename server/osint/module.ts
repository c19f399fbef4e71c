import type { AppContext, ServerModule } from '../platform/context.ts';
import { createItems, type Items } from './collect/items.ts';
import { createPoller, type Poller } from './collect/poller.ts';
import { registerCollectionRoutes } from './collect/routes.ts';
import { createSources, type Sources } from './collect/sources.ts';
import { geotag } from './geotag/geotag.ts';
import { identifyLanguage } from './language/identify.ts';
import { registerUnderstandingRoutes } from './routes.ts';

export interface OsintServices {
  geotag: typeof geotag;
  identifyLanguage: typeof identifyLanguage;
  sources: Sources;
  items: Items;
  /** Polls a source now, or queues the polls of the sources that are due (a job does every minute). */
  poller: Poller;
}

/**
 * IRIS, open-source news monitoring: the I2C's news sources polled by jobs, the items collected from them, and
 * the understanding of a text (language and geotags) applied to each. The gazetteer is read from its data
 * file on first use (about half a second), not at start-up.
 */
export function createOsintModule(ctx: AppContext): ServerModule<OsintServices> {
  const sources = createSources(ctx);
  const items = createItems(ctx);
  const poller = createPoller(ctx);
  return {
    name: 'osint',
    services: { geotag, identifyLanguage, sources, items, poller },
    routes(app) {
      registerUnderstandingRoutes(app);
      registerCollectionRoutes(app, { sources, items, poller });
    },
    jobs: () => poller.registerJobs(),
  };
}
