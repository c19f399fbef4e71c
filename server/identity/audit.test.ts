import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../platform/testing/test-database.ts';
import { createAuditLog, verifyAuditChain, canonicalJson } from './audit.ts';

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => tdb?.cleanup());

describe('audit log', () => {
  it('chains rows and names the first tampered one', async () => {
    const audit = createAuditLog(tdb.database);
    for (let i = 0; i < 5; i++) await audit.record({ actor: null, action: 'test.event', detail: { i, nested: { b: 2, a: [1, 'x'] } } });
    expect(await verifyAuditChain(tdb.database)).toEqual({ ok: true, checked: 5, firstBrokenId: null });

    const rows = await tdb.database.rows<{ id: string }>(sql`SELECT id::text AS id FROM audit_log ORDER BY id`);
    // Tampering needs the append-only trigger off, as an attacker with database rights would do.
    await tdb.database.exec(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
    await tdb.database.exec(`UPDATE audit_log SET detail = '{"i": 99}' WHERE id = ${rows[2].id}`);
    await tdb.database.exec(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`);
    expect(await verifyAuditChain(tdb.database, 2)).toEqual({ ok: false, checked: 2, firstBrokenId: rows[2].id });
  });

  it('refuses updates and deletes', async () => {
    await expect(tdb.database.exec(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(tdb.database.exec(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/append-only/);
  });

  it('keeps one chain when records are written concurrently', async () => {
    const audit = createAuditLog(tdb.database);
    await Promise.all(Array.from({ length: 20 }, (_, i) => audit.record({ actor: null, action: 'test.concurrent', detail: { i } })));
    // The rows tampered with above are still there; the verdict must still point at the same row.
    const verdict = await verifyAuditChain(tdb.database);
    expect(verdict.ok).toBe(false);
    const [{ n }] = await tdb.database.rows<{ n: number }>(sql`SELECT count(DISTINCT prev_hash)::int AS n FROM audit_log`);
    const [{ total }] = await tdb.database.rows<{ total: number }>(sql`SELECT count(*)::int AS total FROM audit_log`);
    expect(n).toBe(total);
  });

  it('hashes JSON independently of key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe(canonicalJson({ a: { c: 3, d: 2 }, b: 1 }));
  });
});
