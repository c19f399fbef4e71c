import type { AppContext } from '../platform/context.ts';
import type { Role } from '../platform/http/access.ts';
import { createOrganisation, createUser } from './directory.ts';
import { randomBytes } from 'node:crypto';

export const TEST_PASSWORD = 'correct-horse-battery-9';

/** Creates an organisation and a user in it, for tests. */
export async function makeUser(ctx: AppContext, roles: Role[], opts: { system?: boolean; country?: string; kind?: 'customs' | 'rilo' | 'wco' | 'partner'; shortName?: string; orgId?: string } = {}) {
  const tag = randomBytes(4).toString('hex');
  const deps = { database: ctx.database, audit: ctx.audit, countryExists: async () => true };
  const org = opts.orgId
    ? { id: opts.orgId }
    : await createOrganisation(deps, null, { name: `Org ${tag}`, shortName: opts.shortName ?? `ORG-${tag}`, kind: opts.kind ?? 'customs', country: opts.country ?? 'FR', region: null });
  const user = await createUser(deps, null, {
    username: `user.${tag}`,
    displayName: `User ${tag}`,
    email: `user.${tag}@example.org`,
    orgId: org.id,
    roles,
    system: !!opts.system,
    password: opts.system ? undefined : TEST_PASSWORD,
  });
  return { org, user, password: TEST_PASSWORD };
}
