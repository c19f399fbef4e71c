import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../testing/test-app.ts';
import { cocaineSeizure, signIn } from '../../seizures/testing.ts';
import { firstControlCharacter } from './control-characters.ts';

describe('control characters at the boundary', () => {
  it('finds the first string with one, by its path, and lets tabs and line breaks through', () => {
    expect(firstControlCharacter({ a: 'x', b: [{ c: 'y\u0000' }] }, 'body')).toBe('body.b.0.c');
    expect(firstControlCharacter({ narrative: 'line one\r\n\tline two' }, 'body')).toBeNull();
    expect(firstControlCharacter({ n: 'bell\u0007' }, 'body')).toBe('body.n');
    expect(firstControlCharacter({ n: 'del\u007F' }, 'body')).toBe('body.n');
  });

  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, 60_000);
  afterAll(async () => t?.close());

  it('refuses a NUL byte in a seizure narrative with 400 naming the field, and stores nothing', async () => {
    const { client, org } = await signIn(t, ['ncp']);
    const res = await client.post('/api/v1/seizures', cocaineSeizure({ narrative: 'Container\u0000 of bananas' }));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'body.narrative', message: 'must not contain control characters' }]);
    const q = await client.get(`/api/v1/seizures?q=${encodeURIComponent('a\u0001b')}`);
    expect(q.status).toBe(400);
    expect(q.body.errors[0].field).toBe('querystring.q');
    expect(await t.ctx.database.rows(sql`SELECT 1 FROM seizures WHERE org_id = ${org.id}`)).toEqual([]);
  });
});
