import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import type { TestClient } from '../platform/testing/test-app.ts';
import { signedIn, startScreeningTestApp } from './test-app.ts';

type T = Awaited<ReturnType<typeof startScreeningTestApp>>;
let t: T;
let recorder: TestClient;
let searcher: TestClient;
let firearm: string;
beforeAll(async () => {
  t = await startScreeningTestApp();
  recorder = (await signedIn(t, ['ncp'])).client;
  searcher = (await signedIn(t, ['rilo_analyst'])).client;
  const res = await recorder.post('/api/v1/screening/lists/firearms/records', { serialNumbers: ['369257'], make: 'Colt', firearmType: 'revolver', status: 'stolen' });
  expect(res.status).toBe(201);
  firearm = res.body.id;
});
afterAll(async () => t?.close());

const search = (identifier: string) => searcher.post('/api/v1/screening/search', { identifier, list: 'firearms' });

describe('firearm serials match as NCIC matches them (letters embedded between digits left out)', () => {
  it('finds 369257 when 3J6K9257 is searched, and says why; 3J6K9258 finds nothing', async () => {
    const hit = await search('3J6K9257');
    expect(hit.status).toBe(200);
    expect(hit.body.hits).toHaveLength(1);
    expect(hit.body.hits[0]).toMatchObject({ recordId: firearm, match: { type: 'normalised', key: '369257' } });
    expect(hit.body.hits[0].match.detail).toContain('letters between digits');
    expect((await search('369J257')).body.hits.map((h: { recordId: string }) => h.recordId)).toEqual([firearm]);
    expect((await search('3J6K9258')).body.hits).toEqual([]);
  });

  it('a batch check matches the same way', async () => {
    const res = await searcher.post('/api/v1/screening/batch', { items: [{ identifier: '3J6K9258' }, { identifier: '3J6K9257' }] });
    expect(res.status).toBe(200);
    expect(res.body.hits.map((h: { item: number; recordId: string; match: { type: string } }) => [h.item, h.recordId, h.match.type])).toEqual([[1, firearm, 'normalised']]);
  });

  it('a prefix or suffix letter still counts, and the exact and wildcard matches are unchanged', async () => {
    expect((await search('A369257')).body.hits.filter((h: { match: { type: string } }) => h.match.type === 'normalised')).toEqual([]);
    expect((await search('369257')).body.hits[0]).toMatchObject({ recordId: firearm, match: { type: 'exact' } });
    expect((await search('3692*')).body.hits[0]).toMatchObject({ recordId: firearm, match: { type: 'wildcard' } });
    // The wildcard reads the folded key, which keeps the letters: the embedded ones are not dropped there.
    expect((await search('3J6*')).body.hits).toEqual([]);
  });

  it('a firearm recorded before the key existed gets it from the migration', async () => {
    const db = t.ctx.database;
    const other = await recorder.post('/api/v1/screening/lists/firearms/records', { serialNumbers: ['12AB34C56'], make: 'Beretta', firearmType: 'pistol', status: 'stolen' });
    expect(other.status).toBe(201);
    await db.rows(sql`UPDATE screening_keys SET ncic = NULL WHERE kind = 'firearm_serial'`);
    expect((await search('123456')).body.hits).toEqual([]);
    const backfill = readFileSync(new URL('./migrations/0006_firearm_ncic_key.sql', import.meta.url), 'utf8')
      .split(';')
      .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
      .find((s) => s.startsWith('UPDATE'))!;
    await db.rows(sql.raw(backfill));
    const rows = await db.rows<{ norm: string; ncic: string }>(sql`SELECT norm, ncic FROM screening_keys WHERE kind = 'firearm_serial' ORDER BY norm`);
    expect(rows).toEqual([
      { norm: '12AB34C56', ncic: '123456' },
      { norm: '369257', ncic: '369257' },
    ]);
    expect((await search('123456')).body.hits.map((h: { recordId: string }) => h.recordId)).toEqual([other.body.id]);
  });
});
