import type { AppContext, ServerModule } from '../platform/context.ts';
import { createDirectory, type Directory } from './directory/service.ts';
import { registerDirectoryRoutes } from './directory/routes.ts';
import { seedDeskDemo } from './demo.ts';
import type { ScreeningServices } from '../screening/index.ts';
import { createRequests, type Requests } from './helpdesk/requests.ts';
import { createHelpdeskFiles } from './helpdesk/files.ts';
import { createScreeningLink } from './helpdesk/screening-link.ts';
import { registerHelpdeskRoutes } from './helpdesk/routes.ts';
import type { SeizureExtracts } from '../seizures/index.ts';
import { createDataRequests, type DataRequests } from './data-requests/service.ts';
import { registerDataRequestRoutes } from './data-requests/routes.ts';
import { createDiagnostics, type Diagnostics } from './diagnostics/service.ts';
import { registerDiagnosticRoutes } from './diagnostics/routes.ts';

/** The services of other modules the desk uses (each through its public face). */
export interface DeskDeps {
  /** The help desk runs watch-list searches on behalf of a member. */
  screening: Pick<ScreeningServices, 'search'>;
  /** Requests for WCO data are fulfilled by extracts of the seizure database. */
  seizureExtracts: SeizureExtracts;
}

export interface DeskServices {
  directory: Directory;
  helpdesk: Requests;
  dataRequests: DataRequests;
  diagnostics: Diagnostics;
}

/**
 * The I2C desk: the contact-points directory, the help desk, requests for WCO data and the
 * customs–police cooperation diagnostic. Each part keeps its files in its own folder.
 */
export function createDeskModule(ctx: AppContext, deps: DeskDeps): ServerModule<DeskServices> {
  const directory = createDirectory(ctx);
  const helpdesk = createRequests(ctx);
  const helpdeskFiles = createHelpdeskFiles(ctx, helpdesk);
  const screeningLink = createScreeningLink(ctx, helpdesk, (actor, input, meta) => deps.screening.search.search(actor, input, meta));
  const dataRequests = createDataRequests(ctx, deps.seizureExtracts);
  const diagnostics = createDiagnostics(ctx);
  const services: DeskServices = { directory, helpdesk, dataRequests, diagnostics };
  return {
    name: 'desk',
    services,
    routes(app) {
      registerDirectoryRoutes(app, directory);
      registerHelpdeskRoutes(app, { database: ctx.database, requests: helpdesk, files: helpdeskFiles, screening: screeningLink });
      registerDataRequestRoutes(app, dataRequests, ctx.config.dataRequestMinCell);
      registerDiagnosticRoutes(app, diagnostics);
    },
    seedDemo: (log) => seedDeskDemo(ctx, services, log),
  };
}
