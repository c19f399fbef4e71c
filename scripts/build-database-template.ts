import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../server/platform/db/database.ts';
import { prepareDatabase, databaseFingerprint, EMBEDDED_TEMPLATE_DIR } from '../server/database-setup.ts';

/**
 * Builds, once per version of the migrations and reference data, an embedded database
 * that is initialised, migrated and loaded with reference data (no users, no demo).
 * A first start on a new data folder copies it instead of creating a cluster and
 * loading 130,000 reference rows, which takes seconds.
 */
const fingerprint = databaseFingerprint();
const stamp = join(EMBEDDED_TEMPLATE_DIR, '.opencen-template');
if (existsSync(stamp) && readFileSync(stamp, 'utf8') === fingerprint) {
  console.log('embedded database template is up to date');
} else {
  const building = `${EMBEDDED_TEMPLATE_DIR}.building`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const started = Date.now();
  const database = await openDatabase({ pgliteDir: building });
  await prepareDatabase(database);
  await database.close();
  writeFileSync(join(building, '.opencen-template'), fingerprint);
  rmSync(EMBEDDED_TEMPLATE_DIR, { recursive: true, force: true });
  renameSync(building, EMBEDDED_TEMPLATE_DIR);
  console.log(`embedded database template built in ${Date.now() - started} ms`);
}
