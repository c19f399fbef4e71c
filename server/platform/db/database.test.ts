import { describe, it, expect } from 'vitest';
import pg from 'pg';
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

async function waitFor(check: () => boolean | Promise<boolean>, ms = 5000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('condition not met in time');
}
