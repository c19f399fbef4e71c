import { sql } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.ts';
import type { Principal, Role } from '../../platform/http/access.ts';
import type { DeskServices } from '../module.ts';
import type { RequestInput } from './schema.ts';

/** A demo user as the services see a signed-in one. */
async function principal(ctx: Pick<AppContext, 'database'>, username: string): Promise<Principal | null> {
  const [u] = await ctx.database.rows<{ id: string; orgId: string; roles: Role[] }>(sql`SELECT id, org_id AS "orgId", roles FROM identity_users WHERE username = ${username}`);
  return u ? { userId: u.id, orgId: u.orgId, roles: u.roles, via: 'session', secondFactorPending: false } : null;
}

/** Moves everything of a request so far `hours` into the past, so that the demo has ageing and real durations. */
const age = (ctx: Pick<AppContext, 'database'>, id: string, hours: number) =>
  ctx.database.exec(`UPDATE helpdesk_requests SET created_at = created_at - interval '${hours} hours', updated_at = updated_at - interval '${hours} hours',
      first_response_due = first_response_due - interval '${hours} hours', resolution_due = resolution_due - interval '${hours} hours',
      first_response_at = first_response_at - interval '${hours} hours', waiting_since = waiting_since - interval '${hours} hours',
      resolved_at = resolved_at - interval '${hours} hours', closed_at = closed_at - interval '${hours} hours' WHERE id = '${id}';
    UPDATE helpdesk_entries SET created_at = created_at - interval '${hours} hours' WHERE request_id = '${id}';`);

/** A few requests in every status, from several administrations, some answered late, one overdue. */
export async function seedHelpdeskDemo(ctx: AppContext, services: DeskServices, log: (m: string) => void) {
  const [{ n }] = await ctx.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM helpdesk_requests`);
  if (n > 0) return;
  const [kenya, france, brazil, interpol, officer] = await Promise.all(['ncp.kenya', 'ncp.france', 'ncp.brazil', 'interpol.liaison', 'i2c.officer'].map((u) => principal(ctx, u)));
  if (!kenya || !france || !brazil || !interpol || !officer) return;
  const hd = services.helpdesk;
  const open = async (who: Principal, input: Omit<RequestInput, 'search'> & { search?: RequestInput['search'] }, hoursAgo: number) => {
    const { id } = await hd.create(who, { search: null, ...input });
    await age(ctx, id, hoursAgo);
    return id;
  };

  await open(kenya, { type: 'watch_list_search', priority: 'high', subject: 'Passport presented at JKIA transit', body: 'A transit passenger from Addis Ababa presented this passport; our systems show nothing. Please check it against the watch lists.', search: { identifier: 'P7731905', list: 'travel_documents' } }, 2);
  await open(interpol, { type: 'data_request', priority: 'low', subject: 'Seizure figures for the 2026 ivory report', body: 'For the joint INTERPOL–WCO report on ivory trafficking we would need yearly ivory seizure counts by region since 2022.' }, 30);

  const contact = await open(france, { type: 'contact', priority: 'normal', subject: 'Contact in Brazil for a suspicious reefer from Santos', body: 'We hold a reefer container from Santos with an anomaly on the X-ray. Who can confirm the exporter on the Brazilian side tonight?' }, 20);
  await hd.reply(officer, contact, 'The 24/7 contact is the COREP desk (see the directory). Can you share the container number through CENcomm?', false);
  await hd.setStatus(officer, contact, 'waiting_member', '');
  await age(ctx, contact, 16);

  const trace = await open(brazil, { type: 'firearm_trace', priority: 'urgent', subject: 'Trace of 12 pistols seized at Foz do Iguaçu', body: 'Twelve pistols without import markings, serial numbers attached. Please trace them with the manufacturer countries.' }, 10);
  await hd.manage(officer, trace, { assigneeId: officer.userId });
  await hd.reply(officer, trace, 'Received; the traces are sent to the two manufacturer countries.', false);
  await hd.reply(officer, trace, 'Manufacturer 1 answered by phone; waiting for the written reply.', true);

  const advice = await open(france, { type: 'advice', priority: 'normal', subject: 'Legal basis to share a seizure photo with Europol', body: 'May a photo of a CEN seizure be passed to Europol, and under which arrangement?' }, 120);
  await hd.reply(officer, advice, 'Yes, under the WCO–Europol arrangement; the photo keeps its handling code. See the guidance attached to the CEN manual.', false);
  await age(ctx, advice, 90);
  await hd.setStatus(officer, advice, 'resolved', 'Answered; reopen by replying if anything is unclear.');
  await age(ctx, advice, 20);

  const alert = await open(kenya, { type: 'gran_alert', priority: 'high', subject: 'Share an ivory concealment alert with RILO ESA members', body: 'We found ivory in hollowed timber logs; please share the alert with the region through GRAN.' }, 300);
  await hd.reply(officer, alert, 'Shared with the RILO ESA distribution list as alert A-2026-0112.', false);
  await age(ctx, alert, 200);
  await hd.setStatus(officer, alert, 'resolved', '');
  await hd.close(kenya, alert, { satisfaction: 5, comment: 'Circulated the same day, thank you.' });
  await age(ctx, alert, 50);

  log('desk: 6 help-desk requests (new, in progress, waiting for the member, resolved, closed)');
}
