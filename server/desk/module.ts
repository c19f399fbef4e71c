import type { AppContext, ServerModule } from '../platform/context.ts';
import { createDirectory, type Directory } from './directory/service.ts';
import { registerDirectoryRoutes } from './directory/routes.ts';
import { seedDeskDemo } from './demo.ts';

export interface DeskServices {
  directory: Directory;
}

/**
 * The I2C desk: the contact-points directory, the help desk, requests for WCO data and the
 * customs–police cooperation diagnostic. Each part keeps its files in its own folder.
 */
export function createDeskModule(ctx: AppContext): ServerModule<DeskServices> {
  const directory = createDirectory(ctx);
  const services: DeskServices = { directory };
  return {
    name: 'desk',
    services,
    routes(app) {
      registerDirectoryRoutes(app, directory);
    },
    seedDemo: (log) => seedDeskDemo(ctx, services, log),
  };
}
