import { sql } from 'drizzle-orm';
import type { Database } from '../platform/db/database.ts';
import type { Principal } from '../platform/http/access.ts';
import type { FormattedServices } from './formatted-routes.ts';

const HOUR = 3600_000;

/**
 * The demo operation's formatted messages: France warns of an ammonium nitrate consignment bound for
 * Mombasa, Kenya answers with a FEEDBACK and a SEIZURE (a closed case, answered in 26 hours), and Brazil's
 * warning of potassium chlorate for Lagos is still open. Places are written as text: the UN/LOCODE list
 * may still be loading when the demo is.
 */
export async function seedFormattedDemo(database: Database, comm: FormattedServices, opId: string, as: { france: Principal; kenya: Principal; brazil: Principal }) {
  const templates = await comm.templates.list(as.france, opId);
  const tpl = (code: string) => templates.find((t) => t.code === code)!.id;
  const now = Date.now();
  const iso = (msAgo: number) => new Date(now - msAgo).toISOString();

  const warning = await comm.formatted.create(as.france, opId, {
    templateId: tpl('WARNING'),
    subject: 'Ammonium nitrate Le Havre – Mombasa',
    to: { mode: 'ncps' },
    submit: true,
    fields: {
      office_notifying: 'Direction régionale des douanes du Havre',
      office_in_charge: 'Kenya Revenue Authority, Port of Mombasa',
      route: [
        { country: 'FR', location: { text: 'Le Havre' }, port_code: 'FRLEH', transport: 'SEA', location_type: 'DEPARTURE', order: 1, date: iso(80 * HOUR) },
        { country: 'KE', location: { text: 'Mombasa' }, port_code: 'KEMBA', transport: 'SEA', location_type: 'DESTINATION', order: 2 },
      ],
      offenders: [{ nationality: 'KE', description: 'Consignee: company registered three weeks before the shipment' }],
      motive: '24 t of ammonium nitrate declared as fertiliser, paid in cash; the consignee was registered three weeks ago and has no import history.',
      hs_code: '310230',
      precursors: ['EXPLOSIVES.AMMONIUM_NITRATE'],
      risk_indicators: ['CONSIGNEE_SAME_AS_SHIPPER', 'GOODS_VS_ORIGIN'],
    },
  });
  const feedback = await comm.formatted.create(as.kenya, opId, {
    templateId: tpl('FEEDBACK'),
    to: { mode: 'chosen', userIds: [as.france.userId] },
    linkedWarningId: warning.id,
    submit: true,
    fields: { feedback_type: 'POST_ARRIVAL', control: 'CONTROLLED', result: 'SEIZURE', narrative: 'Container examined on arrival at Mombasa; see the seizure message.' },
  });
  const seizure = await comm.formatted.create(as.kenya, opId, {
    templateId: tpl('SEIZURE'),
    to: { mode: 'all' },
    linkedWarningId: warning.id,
    submit: true,
    fields: {
      commodity_type: 'EXPLOSIVES',
      precursors: ['EXPLOSIVES.AMMONIUM_NITRATE'],
      seized_at: iso(30 * HOUR),
      location: { text: 'Mombasa, Kilindini container terminal' },
      location_type: 'SEAPORT',
      seizure_country: 'KE',
      port: 'Mombasa',
      detection_method: 'ALERT',
      technical_device: 'XRAY_SCANNER',
      conveyance: 'Sea container, 40 ft',
      declared_goods: 'NPK fertiliser',
      narrative: 'Acting on the French warning, the container was scanned and opened: 24 t of ammonium nitrate in 960 bags declared as NPK fertiliser.',
    },
  });
  const open = await comm.formatted.create(as.brazil, opId, {
    templateId: tpl('WARNING'),
    subject: 'Potassium chlorate Santos – Lagos',
    to: { mode: 'ncps' },
    submit: true,
    fields: {
      route: [
        { country: 'BR', location: { text: 'Santos' }, port_code: 'BRSSZ', transport: 'SEA', location_type: 'DEPARTURE', order: 1 },
        { country: 'NG', location: { text: 'Lagos (Apapa)' }, port_code: 'NGAPP', transport: 'SEA', location_type: 'DESTINATION', order: 2 },
      ],
      motive: '5 t of potassium chlorate declared as laboratory reagents for a consignee without a laboratory licence.',
      hs_code: '282919',
      precursors: ['EXPLOSIVES.POTASSIUM_CHLORATE'],
      risk_indicators: ['GOODS_VS_CONTAINER'],
    },
  });
  // Spread over the last days, as an operation would have them.
  for (const [id, msAgo] of [
    [warning.id, 56 * HOUR],
    [feedback.id, 30 * HOUR],
    [seizure.id, 29 * HOUR],
    [open.id, 20 * HOUR],
  ] as const) {
    await database.rows(sql`UPDATE comm_messages SET sent_at = ${iso(msAgo)}::timestamptz WHERE id = ${id}`);
    await database.rows(sql`UPDATE comm_deliveries SET sent_at = ${iso(msAgo)}::timestamptz WHERE message_id = ${id}`);
  }
}
