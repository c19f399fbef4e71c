import { describe, it, expect } from 'vitest';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../testing/test-database.ts';
import { splitStatements } from './migrate.ts';

describe('splitStatements', () => {
  it('keeps plpgsql bodies whole and splits on statement ends', () => {
    const parts = splitStatements(`CREATE TABLE a (x int);
CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'no';
END;
$$;
-- a comment
INSERT INTO a VALUES (1);`);
    expect(parts).toHaveLength(3);
    expect(parts[1]).toMatch(/^CREATE FUNCTION[\s\S]*END;\n\$\$;$/);
  });
});

// The LISTEN connection of PostgreSQL deployments must survive being cut (server restart, failover).
describe.runIf(process.env.OPENCEN_TEST_DATABASE_URL)('LISTEN on PostgreSQL', () => {
  it('re-subscribes after its connection is terminated', async () => {
    const t = await createTestDatabase();
    try {
      const got: string[] = [];
      await t.database.listen('opencen_test_channel', (p) => got.push(p));
      await t.database.notify('opencen_test_channel', 'one');
      await waitFor(() => got.includes('one'));
      const admin = new pg.Client({ connectionString: t.url });
      await admin.connect();
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'`);
      await admin.end();
      // Notifications sent while it reconnects are lost by design (NOTIFY is not durable); keep sending until one arrives.
      await waitFor(async () => {
        await t.database.notify('opencen_test_channel', 'two');
        return got.includes('two');
      }, 15_000);
      expect(got).toContain('two');
    } finally {
      await t.cleanup();
    }
  });
});

describe('prepared statements', () => {
  it('run with their parameters and give rows; on PostgreSQL only their own connections force the generic plan', async () => {
    const t = await createTestDatabase();
    try {
      const rows = await t.database.prepared<{ n: number; s: string }>('opencen_test_echo', 'SELECT $1::int + 1 AS n, $2::text AS s', [41, 'x']);
      expect(rows).toEqual([{ n: 42, s: 'x' }]);
      // Again under the same name: prepared once, run twice.
      expect(await t.database.prepared('opencen_test_echo', 'SELECT $1::int + 1 AS n, $2::text AS s', [1, 'y'])).toEqual([{ n: 2, s: 'y' }]);
      const [main] = await t.database.rows<{ plan_cache_mode: string }>(sql`SHOW plan_cache_mode`);
      expect(main.plan_cache_mode).toBe('auto');
      const [own] = await t.database.prepared<{ plan_cache_mode: string }>('opencen_test_plan_mode', 'SHOW plan_cache_mode', []);
      expect(own.plan_cache_mode).toBe(t.database.kind === 'postgres' ? 'force_generic_plan' : 'auto');
    } finally {
      await t.cleanup();
    }
  });
});

async function waitFor(check: () => boolean | Promise<boolean>, ms = 5000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('condition not met in time');
}
