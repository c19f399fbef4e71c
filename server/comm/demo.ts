import { sql } from 'drizzle-orm';
import type { AppContext } from '../platform/context.ts';
import { textArray } from '../platform/db/pg-array.ts';
import type { Principal, Role } from '../platform/http/access.ts';
import type { CommServices } from './module.ts';
import { seedFormattedDemo } from './formatted-demo.ts';
import type { OperationRole } from './schema.ts';

/** Who takes part in the demo operation, and in which operation role. The first one opens it (OCU+). */
const MEMBERS: { username: string; role: OperationRole }[] = [
  { username: 'i2c.officer', role: 'ocu_plus' },
  { username: 'rilo.weu', role: 'ocu_plus' },
  { username: 'rilo.esa', role: 'ocu' },
  { username: 'ncp.france', role: 'ncp' },
  { username: 'ncp.kenya', role: 'ncp' },
  { username: 'ncp.brazil', role: 'ncp' },
  { username: 'interpol.liaison', role: 'pu' },
];

const DESCRIPTION = [
  'Global Shield monitors the licit trade of 14 chemicals and explosive precursors that can be diverted to make improvised explosive devices.',
  'Participating administrations risk-assess consignments before arrival, send a WARNING for a suspect shipment, and answer warnings with a FEEDBACK (the result of the control) or a SEIZURE message.',
].join(' ');

const LIBRARY: { folder: string; name: string; text: string }[] = [
  {
    folder: 'Project plan',
    name: 'global-shield-project-plan.txt',
    text: 'Global Shield — project plan\n\n1. Pre-arrival risk assessment of the 14 precursor chemicals.\n2. WARNING messages to the administration of destination.\n3. FEEDBACK or SEIZURE within 48 hours.\n4. Monthly reports by the NCPs.\n',
  },
  {
    folder: 'Monthly reports',
    name: 'precursors-shipments-january.csv',
    text: 'chemical,hs_code,shipments,warnings,seizures\nAmmonium nitrate,310230,412,9,2\nPotassium chlorate,282919,57,3,1\nHydrogen peroxide,284700,233,4,0\nNitromethane,290420,12,1,0\n',
  },
  {
    folder: 'NCP reporting form',
    name: 'ncp-monthly-reporting-form.txt',
    text: 'NCP monthly reporting form\n\nCountry:\nReporting month:\nConsignments risk-assessed:\nWARNING messages sent:\nFEEDBACK messages sent:\nSEIZURE messages sent:\nRemarks:\n',
  },
];

type Sender = 'i2c.officer' | 'rilo.esa' | 'ncp.kenya' | 'ncp.france';
const MESSAGES: { from: Sender; to: 'all' | 'ncps' | { chosen: string[] }; subject: string; body: string; attachment?: { name: string; text: string }; replyToFirst?: boolean }[] = [
  {
    from: 'i2c.officer',
    to: 'all',
    subject: 'Welcome to Operation Global Shield',
    body: 'Dear all,\n\nWelcome to the closed user group of Operation Global Shield. The programme and the reporting form are in the library. Please send WARNING messages for any suspect consignment of the 14 precursor chemicals, and answer the warnings addressed to you with a FEEDBACK or a SEIZURE message.\n\nThe WCO Secretariat',
    attachment: { name: 'global-shield-seminar-agenda.txt', text: 'Second Global Shield seminar\n\nDay 1: risk indicators for precursor chemicals\nDay 2: exchange of WARNING and FEEDBACK messages\nDay 3: results and next steps\n' },
  },
  {
    from: 'rilo.esa',
    to: 'ncps',
    subject: 'Monthly reports due by the 5th',
    body: 'Dear NCPs,\n\nA reminder that the monthly reports are due by the 5th of each month. Please use the form in the library (folder "NCP reporting form").\n\nRILO ESA',
  },
  {
    from: 'ncp.kenya',
    to: { chosen: ['i2c.officer'] },
    subject: 'Re: Welcome to Operation Global Shield',
    body: 'Thank you. Kenya Revenue Authority has nominated two officers at the port of Mombasa for the operation.',
    replyToFirst: true,
  },
  {
    from: 'ncp.france',
    to: { chosen: ['ncp.kenya', 'rilo.weu'] },
    subject: 'Ammonium nitrate consignment Le Havre – Mombasa',
    body: 'A consignment of 24 t of ammonium nitrate declared as fertiliser left Le Havre for Mombasa this week. The consignee is a newly registered company. A formal WARNING follows.',
  },
];

/**
 * The demo operation "Global Shield" (code GS), organised by the WCO Secretariat, with the demo users
 * as members, a small library and a few messages. Runs once: nothing happens when GS exists.
 */
export async function seedCommDemo(ctx: AppContext, comm: CommServices, log: (m: string) => void): Promise<void> {
  // The command line seeds the directory without the file store or the event bus; the operation waits for the app.
  if (!ctx.files || !ctx.events || !ctx.jobs) return;
  const { database } = ctx;
  const [exists] = await database.rows(sql`SELECT 1 FROM comm_operations WHERE upper(code) = 'GS'`);
  if (exists) return;

  const users = await database.rows<{ id: string; username: string; org_id: string; roles: Role[] | string }>(sql`SELECT id, username, org_id, roles
    FROM identity_users WHERE NOT disabled AND username = ANY(${textArray(MEMBERS.map((m) => m.username))})`);
  const byName = new Map(
    users.map((u) => [
      u.username,
      { userId: u.id, orgId: u.org_id, roles: (Array.isArray(u.roles) ? u.roles : []) as Role[], via: 'session', secondFactorPending: false } satisfies Principal,
    ]),
  );
  if (MEMBERS.some((m) => !byName.has(m.username))) return; // not the demo directory
  const as = (username: string) => byName.get(username)!;

  const year = new Date().getUTCFullYear();
  const op = await comm.operations.create(as('i2c.officer'), {
    code: 'GS',
    name: 'Global Shield',
    description: DESCRIPTION,
    startsOn: `${year}-01-01`,
    endsOn: `${year}-12-31`,
    status: 'active',
    newsletterHour: 7,
    newsletterTimeZone: 'Europe/Brussels',
  }, {}, { globalShield: true });
  for (const m of MEMBERS.slice(1)) await comm.operations.addMember(as('i2c.officer'), op.id, as(m.username).userId, m.role);

  const folders = new Map<string, string>();
  for (const doc of LIBRARY) {
    if (!folders.has(doc.folder)) {
      const listing = await comm.library.createFolder(as('i2c.officer'), op.id, doc.folder);
      folders.set(doc.folder, listing.folders.find((f) => f.name === doc.folder)!.id);
    }
    await comm.library.upload(as('i2c.officer'), op.id, doc.name, Buffer.from(doc.text, 'utf8'), folders.get(doc.folder));
  }

  let first: string | undefined;
  for (const m of MESSAGES) {
    const sender = as(m.from);
    const attachmentIds = m.attachment ? [(await comm.mailbox.upload(sender, op.id, m.attachment.name, Buffer.from(m.attachment.text, 'utf8'))).id] : [];
    const to = m.to === 'all' || m.to === 'ncps' ? { mode: m.to } : { mode: 'chosen' as const, userIds: m.to.chosen.map((u) => as(u).userId) };
    const sent = await comm.mailbox.send(sender, op.id, { to, subject: m.subject, body: m.body, attachmentIds, replyToId: m.replyToFirst ? first : undefined });
    first ??= sent.id;
  }
  await seedFormattedDemo(database, comm, op.id, { france: as('ncp.france'), kenya: as('ncp.kenya'), brazil: as('ncp.brazil') }).catch((e) => log(`demo formatted messages skipped: ${(e as Error).message}`));
  log('demo operation Global Shield (GS) loaded');
}
