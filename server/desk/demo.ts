import type { AppContext } from '../platform/context.ts';
import type { DeskServices } from './module.ts';
import { seedDirectoryDemo } from './directory/demo.ts';
import { seedHelpdeskDemo } from './helpdesk/demo.ts';
import { seedDataRequestsDemo } from './data-requests/demo.ts';
import { seedDiagnosticsDemo } from './diagnostics/demo.ts';

/** The desk's demo data, part by part (a hub only: a national node's demo is its nCEN). */
export async function seedDeskDemo(ctx: AppContext, services: DeskServices, log: (m: string) => void) {
  if (ctx.config.role !== 'hub') return;
  await seedDirectoryDemo(ctx, services, log);
  await seedHelpdeskDemo(ctx, services, log);
  await seedDataRequestsDemo(ctx, services, log);
  await seedDiagnosticsDemo(ctx, services, log);
}
