import { sql } from 'drizzle-orm';
import type { AppContext } from '../platform/context.ts';
import type { Principal, Role } from '../platform/http/access.ts';
import type { AlertServices } from './module.ts';
import { alertInput, type AlertInput, type TargetsInput } from './schema.ts';
import { profileInput } from './profiles/schema.ts';
import { bulletinInput } from './bulletins/schema.ts';

// The demo RILO/GRAN cycle: a dozen alerts of RILO Western Europe, RILO Eastern and Southern Africa, the I2C
// and NCPs, at every step (draft, under review, circulated to a region, waiting for the I2C, global),
// acknowledged by some recipients; three intelligence profiles that then watch the demo seizures.

type Step = { by: string; submit?: boolean; circulate?: TargetsInput; acks?: { by: string; feedback: 'acted_on' | 'not_relevant' | null; comment?: string }[] };
const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const region = (...regions: string[]): TargetsInput => ({ regions, orgIds: [], listIds: [], global: false });
const GLOBAL: TargetsInput = { regions: [], orgIds: [], listIds: [], global: true };

const ALERTS: [Partial<AlertInput> & Pick<AlertInput, 'title' | 'riskArea' | 'handling' | 'sourceReliability' | 'infoCredibility'>, Step][] = [
  [{ title: 'Cocaine in rip-on/rip-off bags in reefer containers from Guayaquil', riskArea: 'drugs', handling: 'H1', sourceReliability: 'B', infoCredibility: 2, commodities: [{ hsCode: '293972', description: 'Cocaine hydrochloride, 25-40 kg bags' }], concealmentMethods: ['RIP_ON_RIP_OFF'], detectionMethods: ['XRAY_SCANNER', 'RISK_PROFILING'], route: [{ role: 'departure', country: 'EC', place: 'Guayaquil' }, { role: 'transit', country: 'PA', place: 'Balboa' }, { role: 'destination', country: 'NL', place: 'Rotterdam' }], transportMode: 'sea', conveyance: 'Reefer container (bananas)', modusOperandi: 'Sports bags placed behind the doors of reefer containers after loading; a second seal replaces the original.', indicators: ['Seal number differs from the bill of lading', 'Container dwell time under 24 h at transhipment', 'Consignee registered in the last 6 months'], recommendedAction: 'Check seals and the door area of reefer containers from Ecuador before the terminal gate.' }, { by: 'rilo.weu', circulate: region('EUR'), acks: [{ by: 'viewer.belgium', feedback: null }] }],
  [{ title: 'Cigarettes hidden in furniture loads on trucks from the Balkans', riskArea: 'tobacco', handling: 'H2', sourceReliability: 'B', infoCredibility: 2, commodities: [{ hsCode: '240220', description: 'Cigarettes, no tax stamps' }], concealmentMethods: ['CARGO_MIXED_LEGITIMATE', 'VEHICLE_LOAD'], detectionMethods: ['XRAY_SCANNER'], route: [{ role: 'departure', country: 'RS', place: '' }, { role: 'destination', country: 'DE', place: '' }], transportMode: 'road', conveyance: 'Curtain-sided truck', modusOperandi: 'Master cases inside hollow sofa frames, declared as upholstered furniture.', indicators: ['Furniture declared at low unit value', 'Truck weight above what the declared goods explain'], recommendedAction: 'Scan furniture loads from the Western Balkans.' }, { by: 'rilo.weu', circulate: region('EUR') }],
  [{ title: 'Counterfeit cancer medicines sent by post', riskArea: 'ipr', handling: 'H1', sourceReliability: 'C', infoCredibility: 3, commodities: [{ hsCode: '300490', description: 'Counterfeit oncology tablets' }], concealmentMethods: ['POSTAL_PARCEL'], detectionMethods: ['DOCUMENTARY_CHECK'], route: [{ role: 'departure', country: 'IN', place: '' }, { role: 'destination', country: 'FR', place: '' }], transportMode: 'postal', conveyance: 'Small parcels', modusOperandi: 'Blister packs without outer boxes, declared as vitamins.', indicators: ['Declared as food supplements', 'Sender address a freight forwarder'], recommendedAction: 'Hold and sample parcels declared as vitamins from the same senders.' }, { by: 'rilo.weu', circulate: { ...region('EUR'), orgIds: [] } }],
  [{ title: 'Ivory and rhino horn in air cargo declared as handicrafts', riskArea: 'environment', handling: 'H2', sourceReliability: 'A', infoCredibility: 2, commodities: [{ hsCode: '050710', description: 'Raw ivory, cut pieces' }], concealmentMethods: ['CARGO_INSIDE_GOODS'], detectionMethods: ['XRAY_SCANNER', 'CANINE'], route: [{ role: 'departure', country: 'MZ', place: 'Maputo' }, { role: 'transit', country: 'ET', place: 'Addis Ababa' }, { role: 'destination', country: 'VN', place: 'Hanoi' }], transportMode: 'air', conveyance: 'Air cargo', modusOperandi: 'Pieces wrapped in aluminium foil inside wooden carvings.', indicators: ['Handicrafts at high declared weight', 'Routing through two hubs for a short distance'], recommendedAction: 'X-ray wooden handicrafts from Mozambique in transit.' }, { by: 'rilo.esa', circulate: region('ESA', 'AP'), acks: [{ by: 'ncp.kenya', feedback: 'acted_on', comment: 'Profile added at JKIA cargo.' }] }],
  [{ title: 'Pangolin scales in frozen fish containers', riskArea: 'environment', handling: 'H1', sourceReliability: 'B', infoCredibility: 3, commodities: [{ hsCode: '051199', description: 'Pangolin scales' }], concealmentMethods: ['IN_FOODSTUFFS'], detectionMethods: ['XRAY_SCANNER'], route: [{ role: 'departure', country: 'NG', place: 'Lagos' }, { role: 'destination', country: 'CN', place: '' }], transportMode: 'sea', conveyance: 'Reefer container', modusOperandi: 'Sacks of scales under cartons of frozen fish.', indicators: ['New exporter of frozen fish'], recommendedAction: 'Examine frozen fish from Lagos to Asia.' }, { by: 'rilo.esa', circulate: { ...region('ESA'), global: true } }],
  [{ title: 'Precursor chemicals for explosives in mislabelled drums (Programme Global Shield)', riskArea: 'weapons', handling: 'H1', sourceReliability: 'A', infoCredibility: 1, commodities: [{ hsCode: '310230', description: 'Ammonium nitrate declared as fertiliser blend' }], concealmentMethods: ['CARGO_MISDECLARED'], detectionMethods: ['TRACE_DETECTION', 'DOCUMENTARY_CHECK'], route: [{ role: 'departure', country: 'TR', place: '' }, { role: 'destination', country: 'AF', place: '' }], transportMode: 'road', conveyance: 'Truck, 200 l drums', modusOperandi: 'Ammonium nitrate in drums labelled as a compound fertiliser.', indicators: ['Fertiliser consignments outside the planting season', 'Cash payment'], recommendedAction: 'Test drums declared as fertiliser bound for conflict areas; report under Global Shield.' }, { by: 'i2c.officer', circulate: GLOBAL, acks: [{ by: 'ncp.kenya', feedback: null }, { by: 'ncp.brazil', feedback: 'not_relevant', comment: 'No such trade through our ports.' }] }],
  [{ title: 'Firearm parts in express parcels declared as tools', riskArea: 'weapons', handling: 'H2', sourceReliability: 'B', infoCredibility: 2, commodities: [{ hsCode: '930599', description: 'Frames and receivers' }], concealmentMethods: ['EXPRESS_COURIER'], detectionMethods: ['XRAY_SCANNER'], route: [{ role: 'departure', country: 'US', place: '' }, { role: 'destination', country: 'BR', place: '' }], transportMode: 'air', conveyance: 'Express courier', modusOperandi: 'Parts split across several parcels to different consignees.', indicators: ['Several parcels from one sender to neighbouring addresses'], recommendedAction: 'Image parcels declared as tools from the same senders.' }, { by: 'i2c.officer', circulate: GLOBAL }],
  [{ title: 'Cash couriers with undeclared euros on flights to Dubai', riskArea: 'cash', handling: 'H2', sourceReliability: 'C', infoCredibility: 2, commodities: [], concealmentMethods: ['LUGGAGE_LINING'], detectionMethods: ['CANINE'], route: [{ role: 'departure', country: 'FR', place: 'Paris CDG' }, { role: 'destination', country: 'AE', place: 'Dubai' }], transportMode: 'air', conveyance: 'Passenger baggage', modusOperandi: 'Notes vacuum-packed in suitcase linings, several couriers on the same flight.', indicators: ['One-way tickets bought in cash'], recommendedAction: 'Currency dogs on Dubai departures.' }, { by: 'ncp.france', submit: true }],
  [{ title: 'Heroin in suitcases with false bottoms from Nairobi', riskArea: 'drugs', handling: 'H2', sourceReliability: 'B', infoCredibility: 3, commodities: [{ hsCode: '293911', description: 'Heroin' }], concealmentMethods: ['LUGGAGE_FALSE_BOTTOM'], detectionMethods: ['XRAY_SCANNER'], route: [{ role: 'departure', country: 'KE', place: 'Nairobi' }, { role: 'destination', country: 'BE', place: 'Brussels' }], transportMode: 'air', conveyance: 'Passenger baggage', modusOperandi: 'Two to three kilograms in a sealed false bottom.', indicators: ['Short stay, ticket bought at the last minute'], recommendedAction: 'X-ray hold baggage of the named routes.' }, { by: 'ncp.kenya', submit: true }],
  [{ title: 'Timber of protected species declared as common plywood', riskArea: 'environment', handling: 'H1', sourceReliability: 'C', infoCredibility: 3, commodities: [{ hsCode: '4412', description: 'Plywood (rosewood core)' }], concealmentMethods: ['CARGO_MISDECLARED'], detectionMethods: ['PHYSICAL_EXAMINATION'], route: [{ role: 'departure', country: 'BR', place: 'Belém' }, { role: 'destination', country: 'PT', place: 'Lisbon' }], transportMode: 'sea', conveyance: 'Container', modusOperandi: 'Rosewood core between poplar sheets.', indicators: ['Density above what plywood explains'], recommendedAction: 'Sample plywood consignments from the Amazon ports.' }, { by: 'ncp.brazil' }],
  [{ title: 'Undervalued textiles through a transit warehouse', riskArea: 'revenue', handling: 'H3', sourceReliability: 'B', infoCredibility: 2, commodities: [{ hsCode: '6204', description: "Women's suits" }], concealmentMethods: ['CARGO_MISDECLARED'], detectionMethods: ['POST_CLEARANCE_AUDIT'], route: [{ role: 'departure', country: 'CN', place: '' }, { role: 'transit', country: 'HU', place: '' }, { role: 'destination', country: 'FR', place: '' }], transportMode: 'rail', conveyance: 'Rail container', modusOperandi: 'Invoices at a fifth of the market price, released through one customs warehouse.', indicators: ['Same declarant for many importers'], recommendedAction: 'Audit the named warehouse releases.' }, { by: 'rilo.weu', circulate: { regions: [], orgIds: ['FR-CUSTOMS', 'BE-CUSTOMS'], listIds: [], global: false } }],
  [{ title: 'Looted antiquities shipped as garden ornaments', riskArea: 'cultural_goods', handling: 'H1', sourceReliability: 'D', infoCredibility: 3, commodities: [{ hsCode: '9705', description: 'Archaeological objects' }], concealmentMethods: ['CARGO_MISDECLARED'], detectionMethods: ['INTELLIGENCE'], route: [{ role: 'departure', country: 'LB', place: '' }, { role: 'destination', country: 'GB', place: '' }], transportMode: 'sea', conveyance: 'Groupage container', modusOperandi: 'Stone heads and reliefs declared as reproductions.', indicators: ['No export licence for "reproductions" of old style'], recommendedAction: 'Ask for provenance papers and an expert opinion.' }, { by: 'rilo.weu' }],
];

export async function seedAlertsDemo(ctx: Pick<AppContext, 'database' | 'config'>, s: AlertServices, log: (m: string) => void): Promise<void> {
  const { database } = ctx;
  // The RILO/GRAN cycle is the hub's: a national node's demo is its nCEN.
  if (ctx.config.role === 'national') return;
  const [{ seeded }] = await database.rows<{ seeded: boolean }>(sql`SELECT EXISTS (SELECT 1 FROM alerts) AS seeded`);
  if (seeded) return;
  const users = await database.rows<{ username: string; id: string; orgId: string; roles: Role[] }>(sql`SELECT username, id, org_id AS "orgId", roles FROM identity_users
    WHERE username IN ('rilo.weu', 'rilo.esa', 'i2c.officer', 'ncp.france', 'ncp.kenya', 'ncp.brazil', 'viewer.belgium')`);
  const as = new Map(users.map((u): [string, Principal] => [u.username, { userId: u.id, orgId: u.orgId, roles: u.roles, via: 'session', secondFactorPending: false }]));
  if (as.size < 7) return;
  const orgs = new Map((await database.rows<{ short: string; id: string }>(sql`SELECT short_name AS short, id FROM identity_organisations`)).map((o) => [o.short, o.id]));
  let n = 0;
  for (const [content, step] of ALERTS) {
    const input = alertInput.parse({ language: 'en', validFrom: days(-30), validUntil: days(150), ...content });
    const author = as.get(step.by)!;
    const id = await s.workflow.create(author, input);
    if (step.submit) await s.workflow.submit(author, id);
    if (step.circulate) await s.workflow.circulate(author, id, { ...step.circulate, orgIds: step.circulate.orgIds.map((o) => orgs.get(o) ?? o) });
    for (const ack of step.acks ?? []) await s.workflow.acknowledge(as.get(ack.by)!, id, { feedback: ack.feedback, seizureId: null, comment: ack.comment ?? null });
    n++;
  }

  const profiles = [
    { by: 'rilo.weu', title: 'Cocaine routed from Ecuador or Colombia by sea', riskArea: 'drugs', handling: 'H2', narrative: 'Sea consignments of cocaine routed from the Andean ports; 10 kg or more.', indicators: { hsPrefixes: ['2939'], routeCountries: ['EC', 'CO'], transportModes: ['sea'], minQuantity: 10, quantityUnit: 'kg' }, recipients: { regions: ['EUR'] } },
    { by: 'rilo.esa', title: 'Ivory and horn by air', riskArea: 'environment', handling: 'H2', narrative: 'Animal products of CITES species flown out of Eastern and Southern Africa.', indicators: { hsPrefixes: ['0507'], transportModes: ['air'] }, recipients: { regions: ['ESA'] } },
    { by: 'i2c.officer', title: 'Explosive precursors (Programme Global Shield)', riskArea: 'weapons', handling: 'H1', narrative: 'Ammonium nitrate and other precursors of improvised explosives, any route.', indicators: { hsPrefixes: ['3102', '2834', '2829'] }, recipients: {} },
  ];
  for (const { by, ...p } of profiles) await s.profiles.create(as.get(by)!, profileInput.parse(p));
  const weu = as.get('rilo.weu')!;
  const bulletin = await s.bulletins.create(weu, bulletinInput.parse({
    title: 'RILO Western Europe — quarterly analysis: drugs and tobacco',
    kind: 'quarterly',
    region: 'EUR',
    periodFrom: days(-90),
    periodTo: days(0),
    language: 'en',
    handling: 'H2',
    sections: [
      { heading: 'Summary', body: 'Cocaine by sea from the Andean ports remains the main threat at the northern container terminals; rip-on/rip-off loads dominate.\n\nCigarette smuggling by road from the Western Balkans continues in furniture and mixed loads.' },
      { heading: 'Recommendations', body: 'Keep risk profiles on reefer containers from Ecuador and Colombia; scan furniture loads from the Western Balkans; report every seizure to CEN within a week.' },
    ],
  }));
  await s.bulletins.publish(weu, bulletin, { regions: ['EUR'], orgIds: [], listIds: [], global: false });
  log(`demo alerts loaded: ${n} alerts, ${profiles.length} intelligence profiles, one bulletin`);
}
