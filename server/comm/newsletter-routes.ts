import type { App } from '../platform/context.ts';
import { registerExportRoutes, type Exports } from './exports.ts';
import { registerNewsletterRoutes, type Newsletters } from './newsletters.ts';

export interface ReportServices {
  newsletters: Newsletters;
  exports: Exports;
}

/** Newsletters and exports, registered inside the operation scope of routes.ts, behind its membership gate. */
export function registerReportRoutes(scope: App, deps: ReportServices) {
  registerNewsletterRoutes(scope, deps.newsletters);
  registerExportRoutes(scope, deps.exports);
}
