import { sql } from 'drizzle-orm';
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../platform/testing/test-app.ts';
import { commit, download, uploadAndValidate } from './import-test-helpers.ts';
import { COMMIT_INTERRUPTED, createImports } from './import-service.ts';
import { signIn } from './test-helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.gazetteer;
});
afterAll(() => t?.close());

const count = async (orgId: string) => (await t.ctx.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM seizures WHERE org_id = ${orgId}`))[0].n;

/** What a commit killed with its server leaves: 'committing', claimed by a process that is gone, updated just now. */
async function killedCommit(id: string) {
  await t.ctx.database.rows(sql`UPDATE seizure_imports SET status = 'committing', commit_mode = 'all', progress = 0.4, node = ${hostname()},
    claim_boot = 'a-process-that-stopped', updated_at = now() WHERE id = ${id}`);
}

describe('a seizure import whose commit was killed with the server', () => {
  it('is validated again at once after the restart, with a note, and commits', async () => {
    const fr = await signIn(t, ['ncp'], { country: 'FR' });
    const tpl = await download(fr.client, '/api/v1/seizures/import-template?format=csv');
    const { upload } = await uploadAndValidate(fr.client, 'template.csv', tpl.data);
    await killedCommit(upload.id);

    const after = await fr.client.get(`/api/v1/seizures/imports/${upload.id}`);
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({ status: 'validated', detail: COMMIT_INTERRUPTED });
    expect(await count(fr.org.id)).toBe(0);

    const done = await commit(fr.client, upload.id, { mode: 'all' });
    expect(done.body).toMatchObject({ status: 'committed', inserted: 2, detail: null });
    expect(await count(fr.org.id)).toBe(2);
  });

  it('is released by the restarted service before it lists the imports, and commits it', async () => {
    const fr = await signIn(t, ['ncp'], { country: 'FR' });
    const tpl = await download(fr.client, '/api/v1/seizures/import-template?format=csv');
    const { upload } = await uploadAndValidate(fr.client, 'template.csv', tpl.data);
    await killedCommit(upload.id);
    const restarted = createImports(t.ctx);
    const actor = { userId: fr.user.id, orgId: fr.org.id, roles: ['ncp'], via: 'session', secondFactorPending: false } as Parameters<typeof restarted.list>[0];
    const listed = await restarted.list(actor);
    expect(listed.find((i) => i.id === upload.id)).toMatchObject({ status: 'validated', detail: COMMIT_INTERRUPTED });

    const mine = await restarted.commit(actor, upload.id, { mode: 'all' });
    expect(mine.status).toBe('committing');
    await restarted.settled(upload.id);
    expect((await restarted.get(actor, upload.id)).status).toBe('committed');
  });
});
