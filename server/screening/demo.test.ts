import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../platform/testing/test-app.ts';
import { signIn } from '../seizures/testing.ts';
import { PROJECT_ROOT } from '../platform/paths.ts';
import { DEMO_WATCH_LISTS, seedScreeningDemo } from './demo.ts';

let printed: string[] = [];

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe('demo watch lists', () => {
  it('are recorded once by French customs, and a printed identifier is found by search', async () => {
    const fr = await signIn(t, ['ncp'], { country: 'FR' });
    await t.ctx.database.rows(sql`UPDATE users SET username = 'ncp.france' WHERE id = ${fr.user.id}`);
    const said: string[] = [];
    await seedScreeningDemo(t.ctx, (m) => said.push(m));
    await seedScreeningDemo(t.ctx, (m) => said.push(m));
    const [{ n }] = await t.ctx.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM screening_travel_documents WHERE org_id = ${fr.org.id}`);
    expect(n).toBe(DEMO_WATCH_LISTS.travelDocuments);
    expect(said).toHaveLength(1);
    printed = /try searching (.+)$/.exec(said[0])![1].split(', ');
    const identifier = printed[0];
    const ke = await signIn(t, ['ncp'], { country: 'KE' });
    const found = await ke.client.post('/api/v1/screening/search', { identifier, oneEdit: false });
    expect(found.status).toBe(200);
    expect(found.body.hits.length).toBeGreaterThan(0);
  });
});

describe('the README', () => {
  it('lists the identifiers the demo prints to try', async () => {
    const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
    const line = /travel document `([^`]+)`, the vehicle `([^`]+)` and the firearm `([^`]+)`/.exec(readme);
    expect(line).not.toBeNull();
    expect(printed).toEqual(line!.slice(1, 4));
  });
});
