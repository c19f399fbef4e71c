import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../testing/test-database.ts';
import { listMigrations, migrate, NATIONAL_ONLY_MODULES } from './migrate.ts';

const nationalTables = (rows: { table_name: string }[]) => rows.map((r) => r.table_name).filter((n) => n.startsWith('national_'));

describe('migrations by node role', () => {
  it('a hub has no national table; the same database migrated as a national node gets them, once', async () => {
    expect(listMigrations('hub').some((m) => NATIONAL_ONLY_MODULES.some((mod) => m.id.startsWith(`${mod}/`)))).toBe(false);
    expect(listMigrations('national').length).toBeGreaterThan(listMigrations('hub').length);
    const t = await createTestDatabase();
    try {
      const tables = () => t.database.rows<{ table_name: string }>(sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`);
      expect(await migrate(t.database, () => undefined, 'hub')).toEqual([]);
      expect(nationalTables(await tables())).toEqual([]);
      const applied = await migrate(t.database, () => undefined, 'national');
      expect(applied.length).toBe(listMigrations('national').length - listMigrations('hub').length);
      expect(nationalTables(await tables())).toEqual(expect.arrayContaining(['national_entities', 'national_blind_keys', 'national_cases']));
      expect(await migrate(t.database, () => undefined, 'national')).toEqual([]);
    } finally {
      await t.cleanup();
    }
  });
});
