import { existsSync, rmSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from '../db/database.ts';
import { listMigrations } from '../db/migrate.ts';
import { prepareDatabase } from '../../database-setup.ts';
import { adminUrl, pgliteTemplateDir, TEMPLATE_DB } from './test-database.ts';

/**
 * Prepares, once per run, the template database every test file clones:
 * migrated and loaded with reference data. On PGlite the template folder is kept
 * between runs while the migrations and reference data are unchanged.
 */
export default async function setup() {
  const url = process.env.OPENCEN_TEST_DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
    await admin.end();
    const database = await openDatabase({ databaseUrl: adminUrl(url, TEMPLATE_DB), poolSize: 2 });
    await prepareDatabase(database);
    await database.close();
    return;
  }
  const dir = pgliteTemplateDir();
  const fingerprint = createHash('sha256')
    .update(listMigrations().map((m) => m.checksum).join())
    .update(referenceFingerprint())
    .digest('hex');
  const stamp = join(dir, '.opencen-template');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === fingerprint) return;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const database = await openDatabase({ pgliteDir: dir });
  await prepareDatabase(database);
  await database.close();
  writeFileSync(stamp, fingerprint);
}

function referenceFingerprint(): string {
  const dataDir = join(import.meta.dirname, '..', '..', 'reference', 'data');
  if (!existsSync(dataDir)) return '';
  const h = createHash('sha256');
  for (const f of readdirSync(dataDir).sort()) h.update(f).update(readFileSync(join(dataDir, f)));
  return h.digest('hex');
}
