import type { AppContext, ServerModule } from '../platform/context.ts';
import type { Role } from '../platform/http/access.ts';
import { createOrganisations, createUser, listOrganisations } from '../identity/index.ts';
import { writeDemoHubToken } from './hub-token.ts';

export const DEMO_PASSWORD = 'OpenCEN-demo-2026!';

/** What the demo needs from the reference module. */
export interface DemoReference {
  rilos: { code: string; name: string; region: string; country: string | null }[];
  members: { country: string; name: string; region: string }[];
}

interface DemoUser {
  username: string;
  displayName: string;
  org: string; // short name
  roles: Role[];
  system?: boolean;
  /** What else the account is in the demo (told in the console and the README). */
  extra?: string;
  /** Enrols a TOTP second factor at first sign-in (administrators, and coordinators of an operation). */
  secondFactor?: boolean;
}

/** The demo accounts: the one source of the console's list and of the README's table (a test compares them). */
export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', displayName: 'OpenCEN Administrator', org: 'WCO-I2C', roles: ['admin'], secondFactor: true },
  { username: 'ncp.france', displayName: 'Claire Martin', org: 'FR-CUSTOMS', roles: ['ncp'] },
  { username: 'ncp.kenya', displayName: 'Wanjiru Otieno', org: 'KE-CUSTOMS', roles: ['ncp'] },
  { username: 'ncp.brazil', displayName: 'Rafael Souza', org: 'BR-CUSTOMS', roles: ['ncp'] },
  { username: 'rilo.weu', displayName: 'Jan de Vries', org: 'RILO-WE', roles: ['rilo_analyst'], extra: 'OCU+ of the operation Global Shield', secondFactor: true },
  { username: 'rilo.esa', displayName: 'Thandiwe Dlamini', org: 'RILO-ESA', roles: ['rilo_analyst'] },
  { username: 'i2c.officer', displayName: 'Amira Haddad', org: 'WCO-I2C', roles: ['i2c_officer'], extra: 'OCU+ of the operation Global Shield', secondFactor: true },
  { username: 'interpol.liaison', displayName: 'Marco Bianchi', org: 'INTERPOL', roles: ['partner'] },
  { username: 'unodc.analyst', displayName: 'Elena Petrova', org: 'UNODC', roles: ['partner'] },
  { username: 'viewer.belgium', displayName: 'Luc Peeters', org: 'BE-CUSTOMS', roles: ['viewer'] },
  { username: 'system.fr-ncen', displayName: 'French nCEN (system account)', org: 'FR-CUSTOMS', roles: ['ncp'], system: true },
];

/** A national node's own accounts (France's nCEN), beside the directory every node has. */
export const DEMO_NATIONAL_USERS: DemoUser[] = [
  { username: 'ncen.officer', displayName: 'Sophie Leroy', org: 'FR-CUSTOMS', roles: ['ncp', 'nominal_read', 'nominal_write'] },
  { username: 'ncen.analyst', displayName: 'Karim Benali', org: 'FR-CUSTOMS', roles: ['nominal_read'] },
];

/** The demo accounts of a node of this role. */
export function demoUsersOf(role: 'hub' | 'national'): DemoUser[] {
  return role === 'national' ? [...DEMO_USERS, ...DEMO_NATIONAL_USERS] : DEMO_USERS;
}

const ROLE_TEXT: Record<Role, string> = {
  admin: 'administrator',
  ncp: 'National Contact Point',
  rilo_analyst: 'RILO analyst',
  i2c_officer: 'I2C officer',
  partner: 'partner agency',
  viewer: 'read-only',
  nominal_read: 'reads nominal data (national node)',
  nominal_write: 'writes nominal data (national node)',
};

type DemoOrganisation = { name: string; shortName: string; kind: 'customs' | 'rilo' | 'wco' | 'partner'; country: string | null; region: string | null };

/** The demo directory: the I2C, the RILOs, one customs administration per WCO member, two partner agencies. */
export function demoOrganisations(ref: DemoReference): DemoOrganisation[] {
  return [
    { name: 'WCO Secretariat — Information and Intelligence Centre (I2C)', shortName: 'WCO-I2C', kind: 'wco', country: 'BE', region: null },
    ...ref.rilos.map((r): DemoOrganisation => ({ name: r.name, shortName: r.code, kind: 'rilo', country: r.country, region: r.region })),
    ...ref.members.map((m): DemoOrganisation => ({ name: `${m.name} Customs`, shortName: `${m.country}-CUSTOMS`, kind: 'customs', country: m.country, region: m.region })),
    { name: 'INTERPOL General Secretariat', shortName: 'INTERPOL', kind: 'partner', country: 'FR', region: null },
    { name: 'United Nations Office on Drugs and Crime', shortName: 'UNODC', kind: 'partner', country: 'AT', region: null },
  ];
}

export interface DemoAccountRow {
  username: string;
  role: string;
  organisation: string;
}

/** The people's accounts as the console and the README list them. */
export function demoAccountRows(organisationName: (shortName: string) => string, users: DemoUser[] = DEMO_USERS): DemoAccountRow[] {
  return users.filter((u) => !u.system).map((u) => ({
    username: u.username,
    role: [u.roles.map((r) => ROLE_TEXT[r]).join(', '), u.extra, u.secondFactor ? 'enrols a TOTP second factor at first sign-in' : undefined].filter(Boolean).join('; '),
    organisation: organisationName(u.org),
  }));
}

/**
 * Loads the demo directory on an empty database: the WCO secretariat's I2C, the
 * RILOs, one customs administration per WCO member, two partner agencies and a
 * user for every role. Does nothing when organisations exist.
 */
export async function seedDemoData(ctx: AppContext, reference: () => Promise<DemoReference>, log: (m: string) => void, modules: Pick<ServerModule, 'seedDemo'>[]) {
  const existing = await listOrganisations(ctx.database);
  if (existing.length === 0) {
    const ref = await reference();
    const deps = { database: ctx.database, audit: ctx.audit, countryExists: async () => true };
    const orgs = demoOrganisations(ref);
    const orgIds = new Map((await createOrganisations(deps, null, orgs)).map((o) => [o.shortName, o.id]));

    for (const u of demoUsersOf(ctx.config.role)) {
      const orgId = orgIds.get(u.org);
      if (!orgId) throw new Error(`Demo organisation ${u.org} is missing from the reference data.`);
      await createUser(deps, null, {
        username: u.username,
        displayName: u.displayName,
        email: `${u.username}@demo.opencen.org`,
        orgId,
        roles: u.roles,
        system: !!u.system,
        password: u.system ? undefined : DEMO_PASSWORD,
      });
    }
    log(`demo data loaded: ${orgIds.size} organisations, ${demoUsersOf(ctx.config.role).length} users`);
  }
  // Then each module's own demo data, in the app's module order.
  for (const m of modules) await m.seedDemo?.(log);
  await writeDemoHubToken(ctx, log);
  const names = new Map((await listOrganisations(ctx.database)).map((o) => [o.shortName, o.name]));
  const people = demoAccountRows((short) => names.get(short) ?? short, demoUsersOf(ctx.config.role))
    .map((r) => `  ${r.username.padEnd(18)} ${r.role} (${r.organisation})`)
    .join('\n');
  log(`Demo sign-in at ${ctx.config.publicUrl} with password ${DEMO_PASSWORD} as:\n${people}\nsystem.fr-ncen is a system account (no password) for API tokens.`);
}
