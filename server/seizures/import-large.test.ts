import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../platform/http/access.ts';
import { startTestApp, type TestApp } from '../platform/testing/test-app.ts';
import { commit, settle, upload } from './import-test-helpers.ts';
import { brokenCount, writeSampleCsv } from './import-sample.ts';
import { importFile } from './import-service.ts';
import { signIn } from './test-helpers.ts';

let t: TestApp;
let dir: string;
beforeAll(async () => {
  t = await startTestApp();
  await t.gazetteer;
  dir = mkdtempSync(join(tmpdir(), 'opencen-import-'));
});
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

const count = async (orgId: string) => (await t.ctx.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM seizures WHERE org_id = ${orgId}`))[0].n;

describe('a large file with broken rows', () => {
  it('locates every error, refuses all-or-nothing, stores exactly the valid rows, and stores nothing new the second time', async () => {
    const N = 100_000;
    const EVERY = 997;
    const broken = brokenCount(N, EVERY);
    const path = join(dir, 'large.csv');
    await writeSampleCsv(path, N, { brokenEvery: EVERY });
    const data = readFileSync(path);
    const fr = await signIn(t, ['ncp'], { country: 'FR' });

    const up = await upload(fr.client, 'large.csv', data);
    expect(up.status).toBe(201);
    expect((await fr.client.post(`/api/v1/seizures/imports/${up.body.id}/validate`, { mapping: up.body.suggestedMapping })).status).toBe(202);
    const v = (await settle(fr.client, up.body.id)).body;
    expect(v).toMatchObject({ status: 'validated', totalRows: N, validRows: N - broken, errorRows: broken, progress: 1 });
    // Row i of the generator is on line i + 2 (after the header); the broken ones are i = 996, 1993, …
    const firstRows = [...new Set(v.errors.map((e: { row: number }) => e.row))].slice(0, 5);
    expect(firstRows).toEqual([998, 1995, 2992, 3989, 4986]);
    expect(v.errors[0]).toEqual({ row: 998, column: 'country', field: 'country', message: 'XX is not a known ISO 3166 country' });
    expect(v.errors.find((e: { row: number }) => e.row === 1995)).toMatchObject({ column: 'commodity_1_quantity', message: 'must be greater than zero' });

    const all = await fr.client.post(`/api/v1/seizures/imports/${up.body.id}/commit`, { mode: 'all' });
    expect(all.status).toBe(409);
    expect(all.body.detail).toMatch(`${broken} rows have errors`);
    expect(await count(fr.org.id)).toBe(0);

    const valid = await commit(fr.client, up.body.id, { mode: 'valid' });
    expect(valid.body).toMatchObject({ status: 'committed', inserted: N - broken, skipped: 0 });
    expect(await count(fr.org.id)).toBe(N - broken);
    const [lines] = await t.ctx.database.rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM seizure_commodities c JOIN seizures s ON s.id = c.seizure_id WHERE s.org_id = ${fr.org.id}`,
    );
    expect(lines.n).toBe(2 * (N - broken));
    // The planner's statistics are renewed once a large import is in (the table held nothing before it).
    const estimate = async () => (await t.ctx.database.rows<{ n: number }>(sql`SELECT reltuples::float8 AS n FROM pg_class WHERE oid = 'seizures'::regclass`))[0].n;
    await expect.poll(estimate, { timeout: 60_000, interval: 250 }).toBeGreaterThan(0.9 * (N - broken));

    // The same file again: nothing new.
    const again = await upload(fr.client, 'large.csv', data);
    await fr.client.post(`/api/v1/seizures/imports/${again.body.id}/validate`, { mapping: again.body.suggestedMapping });
    expect((await settle(fr.client, again.body.id)).body).toMatchObject({ validRows: N - broken, alreadyStored: N - broken });
    const second = await commit(fr.client, again.body.id, { mode: 'valid' });
    expect(second.body).toMatchObject({ status: 'committed', inserted: 0, skipped: N - broken });
    expect(await count(fr.org.id)).toBe(N - broken);
  }, 600_000);

  it('rolls back an all-or-nothing import whose broken row comes after rows already written', async () => {
    const fr = await signIn(t, ['ncp'], { country: 'FR' });
    const path = join(dir, 'late-error.csv');
    // 9,999 good rows, then row 9,999 of the generator is broken: two insert batches were written before it.
    await writeSampleCsv(path, 10_000, { brokenEvery: 10_000 });
    const actor: Principal = { userId: fr.user.id, orgId: fr.org.id, roles: ['ncp'], via: 'session', secondFactorPending: false };
    const failed = await importFile(t.ctx, actor, path, null, 'all');
    expect(failed).toMatchObject({ status: 'failed', errorRows: 1, inserted: 0 });
    expect(failed.detail).toMatch(/1 row has errors; nothing was stored/);
    expect(await count(fr.org.id)).toBe(0);
    const ok = await importFile(t.ctx, actor, path, null, 'valid');
    expect(ok).toMatchObject({ status: 'committed', inserted: 9_999, errorRows: 1 });
    expect(await count(fr.org.id)).toBe(9_999);
  }, 300_000);
});
