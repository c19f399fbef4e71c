import type { AppContext, ServerModule } from '../platform/context.ts';
import type { Role } from '../platform/http/access.ts';
import { createOrganisations, createUser, listOrganisations } from '../identity/index.ts';

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
  note: string;
}

export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', displayName: 'OpenCEN Administrator', org: 'WCO-I2C', roles: ['admin'], note: 'administrator, enrols a TOTP second factor at first sign-in' },
  { username: 'ncp.france', displayName: 'Claire Martin', org: 'FR-CUSTOMS', roles: ['ncp'], note: 'National Contact Point, French Customs (Europe)' },
  { username: 'ncp.kenya', displayName: 'Wanjiru Otieno', org: 'KE-CUSTOMS', roles: ['ncp'], note: 'National Contact Point, Kenya Revenue Authority (East and Southern Africa)' },
  { username: 'ncp.brazil', displayName: 'Rafael Souza', org: 'BR-CUSTOMS', roles: ['ncp'], note: 'National Contact Point, Brazil (Americas and Caribbean)' },
  { username: 'rilo.weu', displayName: 'Jan de Vries', org: 'RILO-WE', roles: ['rilo_analyst'], note: 'RILO Western Europe analyst' },
  { username: 'rilo.esa', displayName: 'Thandiwe Dlamini', org: 'RILO-ESA', roles: ['rilo_analyst'], note: 'RILO Eastern and Southern Africa analyst' },
  { username: 'i2c.officer', displayName: 'Amira Haddad', org: 'WCO-I2C', roles: ['i2c_officer'], note: 'WCO Information and Intelligence Centre officer' },
  { username: 'interpol.liaison', displayName: 'Marco Bianchi', org: 'INTERPOL', roles: ['partner'], note: 'partner agency (INTERPOL)' },
  { username: 'unodc.analyst', displayName: 'Elena Petrova', org: 'UNODC', roles: ['partner'], note: 'partner agency (UNODC)' },
  { username: 'viewer.belgium', displayName: 'Luc Peeters', org: 'BE-CUSTOMS', roles: ['viewer'], note: 'read-only user, Belgian Customs' },
  { username: 'system.fr-ncen', displayName: 'French nCEN (system account)', org: 'FR-CUSTOMS', roles: ['ncp'], system: true, note: 'system account for API tokens' },
];

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
    type Org = { name: string; shortName: string; kind: 'customs' | 'rilo' | 'wco' | 'partner'; country: string | null; region: string | null };
    const orgs: Org[] = [
      { name: 'WCO Secretariat — Information and Intelligence Centre (I2C)', shortName: 'WCO-I2C', kind: 'wco', country: 'BE', region: null },
      ...ref.rilos.map((r): Org => ({ name: r.name, shortName: r.code, kind: 'rilo', country: r.country, region: r.region })),
      ...ref.members.map((m): Org => ({ name: `${m.name} Customs`, shortName: `${m.country}-CUSTOMS`, kind: 'customs', country: m.country, region: m.region })),
      { name: 'INTERPOL General Secretariat', shortName: 'INTERPOL', kind: 'partner', country: 'FR', region: null },
      { name: 'United Nations Office on Drugs and Crime', shortName: 'UNODC', kind: 'partner', country: 'AT', region: null },
    ];
    const orgIds = new Map((await createOrganisations(deps, null, orgs)).map((o) => [o.shortName, o.id]));

    for (const u of DEMO_USERS) {
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
    log(`demo data loaded: ${orgIds.size} organisations, ${DEMO_USERS.length} users`);
  }
  // Then each module's own demo data, in the app's module order.
  for (const m of modules) await m.seedDemo?.(log);
  const people = DEMO_USERS.filter((u) => !u.system)
    .map((u) => `  ${u.username.padEnd(18)} ${u.note}`)
    .join('\n');
  log(`Demo sign-in at ${ctx.config.publicUrl} with password ${DEMO_PASSWORD} as:\n${people}`);
}
