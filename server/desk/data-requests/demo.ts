import { sql } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.ts';
import type { Principal, Role } from '../../platform/http/access.ts';
import { findOrganisationByShortName, findUserIdByUsername } from '../../identity/index.ts';
import type { DeskServices } from '../module.ts';
import type { RequestInput } from './schema.ts';

async function principal(ctx: Pick<AppContext, 'database'>, username: string, org: string, roles: Role[]): Promise<Principal | null> {
  const userId = await findUserIdByUsername(ctx.database, username);
  const o = await findOrganisationByShortName(ctx.database, org);
  return userId && o ? { userId, orgId: o.id, roles, via: 'session', secondFactorPending: false } : null;
}

const thisYear = new Date().getUTCFullYear();

/** A few requests for WCO data in several statuses: submitted (UNODC), narrowed (INTERPOL), fulfilled (Kenya), refused (France). */
export async function seedDataRequestsDemo(ctx: Pick<AppContext, 'database'>, services: DeskServices, log: (m: string) => void) {
  const [{ n }] = await ctx.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM data_requests`);
  if (n > 0) return;
  const i2c = await principal(ctx, 'i2c.officer', 'WCO-I2C', ['i2c_officer']);
  const unodc = await principal(ctx, 'unodc.analyst', 'UNODC', ['partner']);
  const interpol = await principal(ctx, 'interpol.liaison', 'INTERPOL', ['partner']);
  const kenya = await principal(ctx, 'ncp.kenya', 'KE-CUSTOMS', ['ncp']);
  const france = await principal(ctx, 'ncp.france', 'FR-CUSTOMS', ['ncp']);
  if (!i2c) return;
  const r = services.dataRequests;
  const file = (who: Principal, input: Omit<RequestInput, 'format'> & { format?: RequestInput['format'] }) => r.create(who, { format: 'csv', ...input });
  let made = 0;

  if (unodc) {
    await file(unodc, {
      purpose: 'World Drug Report: trends in cocaine and synthetic drug seizures by country and year, to compare with the annual report questionnaire.',
      from: `${thisYear - 5}-01-01`, to: `${thisYear - 1}-12-31`, riskAreas: ['DRUGS'], regions: [], fields: ['country', 'year', 'category'], format: 'xlsx',
    });
    made++;
  }
  if (interpol) {
    const id = await file(interpol, {
      purpose: 'Project on firearms trafficking routes: seizures of weapons and explosives by region, year and means of transport.',
      from: `${thisYear - 6}-01-01`, to: `${thisYear - 1}-12-31`, riskAreas: ['WEAPONS', 'EXPLOSIVES'], regions: [], fields: ['region', 'year', 'category', 'transportMode'],
    });
    await r.decide(i2c, id, {
      decision: 'narrow', reason: 'Approved for firearms only and the last three years, as agreed with the project lead; explosives data are under review.',
      scope: { from: `${thisYear - 3}-01-01`, to: `${thisYear - 1}-12-31`, riskAreas: ['WEAPONS'], regions: [], fields: ['region', 'year', 'category', 'transportMode'] },
    });
    made++;
  }
  if (kenya) {
    const id = await file(kenya, {
      purpose: 'Wildlife trafficking risk profiles for JKIA and Mombasa: environmental seizures in East and Southern Africa, record by record.',
      from: `${thisYear - 3}-01-01`, to: `${thisYear}-12-31`, riskAreas: ['ENVIRONMENT'], regions: ['ESA'],
      fields: ['reference', 'seizedAt', 'country', 'category', 'subcategory', 'quantity', 'transportMode', 'departureCountry', 'destinationCountry'],
    });
    await r.decide(i2c, id, { decision: 'approve', reason: 'Risk profiling by a member administration: approved as requested.' });
    await r.fulfil(i2c, id);
    made++;
  }
  if (france) {
    const id = await file(france, {
      purpose: 'Press release on the year of the Customs: every seizure of the world with its route, to be published on our website.',
      from: `${thisYear - 1}-01-01`, to: `${thisYear - 1}-12-31`, riskAreas: [], regions: [], fields: ['reference', 'seizedAt', 'country', 'routeCountries'],
    });
    await r.decide(i2c, id, { decision: 'refuse', reason: 'CEN data are shared for analytical purposes, not for publication of other administrations\u2019 records; ask for your own figures or for aggregates.' });
    made++;
  }
  log(`desk: ${made} requests for WCO data`);
}
