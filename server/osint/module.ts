import type { AppContext, ServerModule } from '../platform/context.ts';
import { geotag } from './geotag/geotag.ts';
import { identifyLanguage } from './language/identify.ts';
import { registerUnderstandingRoutes } from './routes.ts';

export interface OsintServices {
  geotag: typeof geotag;
  identifyLanguage: typeof identifyLanguage;
}

/**
 * IRIS, open-source news monitoring. So far its understanding of a text: language and geotags. It owns no
 * table yet; the gazetteer is read from its data file on first use (about half a second), not at start-up.
 */
export function createOsintModule(_ctx: AppContext): ServerModule<OsintServices> {
  return {
    name: 'osint',
    services: { geotag, identifyLanguage },
    routes(app) {
      registerUnderstandingRoutes(app);
    },
  };
}
