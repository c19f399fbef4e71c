import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../platform/paths.ts';
import { createTestDatabase, type TestDatabase } from '../platform/testing/test-database.ts';
import { demoReference } from '../database-setup.ts';
import { demoAccountRows, demoOrganisations } from './seed.ts';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.cleanup());

// The README's demo table is written from the same source as the console's list: this keeps them equal.
test("the README's demo accounts are the seeded ones, with the seeded organisations' names", async () => {
  const names = new Map(demoOrganisations(await demoReference(testDb.database)).map((o) => [o.shortName, o.name]));
  const expected = demoAccountRows((short) => names.get(short) ?? `(missing ${short})`).map((r) => `| \`${r.username}\` | ${r.role} | ${r.organisation} |`);
  const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
  const table = readme.split('\n').filter((line) => /^\| `[a-z0-9.]+` \|/.test(line));
  expect(table, `README.md's demo table should read:\n${expected.join('\n')}`).toEqual(expected);
});
