import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { loadConfig } from './platform/config.ts';
import { openConfiguredDatabase, prepareDatabase, demoReference } from './database-setup.ts';
import { migrate } from './platform/db/migrate.ts';
import { createAuditLog, createOrganisation, createUser, findOrganisationByShortName, findUserIdByUsername, issueApiToken, resetPassword, revokeApiToken, verifyAuditChain } from './identity/index.ts';
import { seedDemoData } from './demo/seed.ts';
import { createModules } from './app.ts';
import { createSealer } from './platform/crypto/sealer.ts';
import { loadOrCreateMasterKey } from './platform/files/master-key.ts';
import { rotateMasterKeyFile } from './maintenance/rotate-master-key.ts';
import type { AppContext } from './platform/context.ts';
import type { Role } from './platform/http/access.ts';
import { loadReferenceData, countryExists } from './reference/index.ts';

const HELP = `Usage: npx opencen <command> [options]

  migrate                              apply database migrations and load reference data
  seed-demo                            load the demo organisations and users (on an empty database)
  org:create --name N --short S --kind customs|rilo|wco|partner [--country CC] [--region R]
  user:create --username U --name N --email E --org SHORT --roles r1,r2 [--system] [--password P]
                                       without --password (and not --system) a password is generated and printed once
  user:reset-password --username U    prints a temporary password; the user must change it at next sign-in
  token:issue --username U --name N [--days D]
                                       issues an API token to a system account; printed once
  token:revoke --id ID
  audit:verify                         verifies the audit log's hash chain; exit 1 and names the first broken row
  key:rotate                           new master key: re-wraps every file key and re-seals every secret
  reference:load                       reload the reference data when its files changed

Configuration comes from the environment (DATABASE_URL, OPENCEN_DATA_DIR, OPENCEN_MASTER_KEY_FILE, ...).`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    name: { type: 'string' },
    short: { type: 'string' },
    kind: { type: 'string' },
    country: { type: 'string' },
    region: { type: 'string' },
    username: { type: 'string' },
    email: { type: 'string' },
    org: { type: 'string' },
    roles: { type: 'string' },
    system: { type: 'boolean' },
    password: { type: 'string' },
    days: { type: 'string' },
    id: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

const command = positionals[0];
if (!command || values.help) {
  console.log(HELP);
  process.exit(command ? 0 : 1);
}

const config = loadConfig();
const database = await openConfiguredDatabase(config);
const audit = createAuditLog(database);
const directory = { database, audit, countryExists: (c: string) => countryExists(database, c) };
const need = (v: string | undefined, flag: string): string => {
  if (!v) throw new Error(`--${flag} is required (see npx opencen --help).`);
  return v;
};

async function userIdOf(username: string) {
  const id = await findUserIdByUsername(database, username);
  if (!id) throw new Error(`No user ${username}.`);
  return id;
}

let exitCode = 0;
try {
  switch (command) {
    case 'migrate': {
      const applied = await migrate(database, console.log, config.role);
      await loadReferenceData(database, console.log);
      console.log(applied.length ? `applied ${applied.length} migration(s)` : 'database is up to date');
      break;
    }
    case 'reference:load':
      await loadReferenceData(database, console.log);
      break;
    case 'seed-demo': {
      await prepareDatabase(database, console.log, config.role);
      // Without the app's file store, mail and jobs: the modules seed what needs none of them.
      const ctx = { config, database, db: database.db, audit } as AppContext;
      const masterKey = loadOrCreateMasterKey(config.masterKeyFile);
      await seedDemoData(ctx, () => demoReference(database), console.log, createModules(ctx, createSealer(masterKey.key, masterKey.id)));
      break;
    }
    case 'org:create': {
      const org = await createOrganisation(directory, null, {
        name: need(values.name, 'name'),
        shortName: need(values.short, 'short'),
        kind: need(values.kind, 'kind') as 'customs',
        country: values.country ?? null,
        region: values.region ?? null,
      });
      console.log(`organisation ${org.shortName} created: ${org.id}`);
      break;
    }
    case 'user:create': {
      const shortName = need(values.org, 'org');
      const org = await findOrganisationByShortName(database, shortName);
      if (!org) throw new Error(`No organisation with short name ${shortName}.`);
      const generated = !values.system && !values.password ? randomBytes(12).toString('base64url') : undefined;
      const user = await createUser(directory, null, {
        username: need(values.username, 'username'),
        displayName: need(values.name, 'name'),
        email: need(values.email, 'email'),
        orgId: org.id,
        roles: need(values.roles, 'roles').split(',').map((r) => r.trim()) as Role[],
        system: !!values.system,
        password: values.password ?? generated,
      });
      console.log(`user ${user.username} created: ${user.id}`);
      if (generated) console.log(`password (shown once): ${generated}`);
      break;
    }
    case 'user:reset-password': {
      const { temporaryPassword } = await resetPassword(directory, null, await userIdOf(need(values.username, 'username')));
      console.log(`temporary password (shown once; to be changed at next sign-in): ${temporaryPassword}`);
      break;
    }
    case 'token:issue': {
      const issued = await issueApiToken(database, {
        name: need(values.name, 'name'),
        userId: await userIdOf(need(values.username, 'username')),
        expiresInDays: values.days ? Number(values.days) : undefined,
      });
      await audit.record({ actor: null, action: 'token.issue', targetType: 'api_token', targetId: issued.id, detail: { name: issued.name, via: 'cli' } });
      console.log(`token ${issued.id} for ${issued.username} (shown once):\n${issued.token}`);
      break;
    }
    case 'token:revoke': {
      const id = need(values.id, 'id');
      await revokeApiToken(database, id);
      await audit.record({ actor: null, action: 'token.revoke', targetType: 'api_token', targetId: id, detail: { via: 'cli' } });
      console.log(`token ${id} revoked`);
      break;
    }
    case 'audit:verify': {
      const verdict = await verifyAuditChain(database);
      if (verdict.ok) console.log(`audit chain intact: ${verdict.checked} rows checked`);
      else {
        console.error(`audit chain BROKEN at row ${verdict.firstBrokenId} (${verdict.checked} rows before it are intact)`);
        exitCode = 1;
      }
      break;
    }
    case 'key:rotate': {
      const result = await rotateMasterKeyFile(database, config.masterKeyFile);
      await audit.record({ actor: null, action: 'key.rotate', detail: result });
      console.log(`master key rotated to ${result.newKeyId}: ${result.files} file key(s) re-wrapped, ${result.secrets} secret(s) re-sealed; old key kept as ${result.oldKeyBackup}`);
      break;
    }
    default:
      console.error(`Unknown command ${command}.\n\n${HELP}`);
      exitCode = 1;
  }
} catch (e) {
  console.error(`error: ${(e as Error).message}`);
  exitCode = 1;
} finally {
  await database.close();
}
process.exit(exitCode);
