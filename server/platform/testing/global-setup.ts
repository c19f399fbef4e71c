import { existsSync, rmSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from '../db/database.ts';
import { listMigrations } from '../db/migrate.ts';
import { prepareDatabase } from '../../database-setup.ts';
import { adminUrl } from './test-database.ts';

/**
 * Prepares, once per run, the template database every test file clones:
 * migrated and loaded with reference data. On PGlite the template folder is kept
 * between runs while the migrations and reference data are unchanged.
 */
export default async function setup() {
  const url = process.env.OPENCEN_TEST_DATABASE_URL;
  if (url) {
    // A template per run, so that runs sharing a server do not drop each other's.
    const template = `opencen_test_template_${process.pid}`;
    process.env.OPENCEN_TEST_PG_TEMPLATE = template;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${template}`);
    await admin.end();
    const database = await openDatabase({ databaseUrl: adminUrl(url, template), poolSize: 2 });
    await prepareDatabase(database);
    await database.close();
    return async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      await c.end();
    };
  }
  const fingerprint = createHash('sha256')
    .update(listMigrations().map((m) => m.checksum).join())
    .update(referenceFingerprint())
    .digest('hex');
  // One folder per fingerprint, published by an atomic rename: runs from other work trees, or
  // several runs at once, never see a template being rebuilt under them.
  const dir = process.env.OPENCEN_TEST_PGLITE_TEMPLATE ?? join(tmpdir(), `opencen-test-template-${fingerprint.slice(0, 16)}`);
  process.env.OPENCEN_TEST_PGLITE_TEMPLATE = dir;
  if (existsSync(join(dir, '.opencen-template'))) return;
  const building = `${dir}.${process.pid}.building`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const database = await openDatabase({ pgliteDir: building });
  await prepareDatabase(database);
  await database.close();
  writeFileSync(join(building, '.opencen-template'), fingerprint);
  try {
    renameSync(building, dir);
  } catch {
    // Another run published the same template first.
    rmSync(building, { recursive: true, force: true });
  }
}

function referenceFingerprint(): string {
  const dataDir = join(import.meta.dirname, '..', '..', 'reference', 'data');
  if (!existsSync(dataDir)) return '';
  const h = createHash('sha256');
  for (const f of readdirSync(dataDir).sort()) h.update(f).update(readFileSync(join(dataDir, f)));
  return h.digest('hex');
}
