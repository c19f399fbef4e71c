import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { Problem } from '../http/problem.ts';
import { createFileStore } from './file-store.ts';
import { generateMasterKey } from './master-key.ts';
import { toBuffer } from './envelope.ts';
import { tinyPdf, tinyPng } from './test-fixtures.ts';

let testDb: TestDatabase;
let database: Database;
const masterKey = generateMasterKey();

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = testDb.database;
});
afterAll(async () => testDb?.cleanup());

async function rejection(p: Promise<unknown>): Promise<Problem> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(Problem);
  return err as Problem;
}

describe('encrypted file store', () => {
  it('stores encrypted and returns the same bytes with sniffed type, clean name and checksum', async () => {
    const store = createFileStore({ database, masterKey, limitBytes: 1024 });
    const secret = Buffer.from('Ship MV Example, container MSCU1234565: 40 kg hidden in the floor.\n');
    const stored = await store.put({ name: '../evidence\u0000/report.txt', data: secret, ownerUserId: 'user-1' });
    expect(stored).toMatchObject({ name: 'report.txt', mime: 'text/plain', size: secret.length });
    expect(stored.createdAt).toBeInstanceOf(Date);

    const [row] = await database.rows<Record<string, unknown>>(sql`SELECT * FROM files WHERE id = ${stored.id}`);
    expect(row.sha256).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(row.owner_user_id).toBe('user-1');
    expect(row.key_id).toBe(masterKey.id);
    expect(toBuffer(row.iv)).toHaveLength(12);
    expect(toBuffer(row.tag)).toHaveLength(16);
    expect(toBuffer(row.wrapped_key)).toHaveLength(60);
    const atRest = toBuffer(row.data);
    expect(atRest).toHaveLength(secret.length);
    expect(atRest.includes(Buffer.from('MSCU1234565'))).toBe(false);
    expect(toBuffer(row.wrapped_key).includes(masterKey.key.subarray(0, 8))).toBe(false);

    const got = await store.get(stored.id);
    expect(got?.data.equals(secret)).toBe(true);
    expect(got?.file).toEqual(stored);
  });

  it('sniffs binary types from content, not from the name', async () => {
    const store = createFileStore({ database, masterKey });
    expect((await store.put({ name: 'photo.txt', data: tinyPng() })).mime).toBe('image/png');
    expect((await store.put({ name: 'x', data: tinyPdf() })).mime).toBe('application/pdf');
    expect((await store.put({ name: 'blob', data: Buffer.from([0xff, 0, 1, 2]) })).mime).toBe('application/octet-stream');
  });

  it('accepts a file exactly at the limit and refuses one byte more with 413 naming the field', async () => {
    const store = createFileStore({ database, masterKey, limitBytes: 100 });
    await store.put({ name: 'ok.txt', data: Buffer.alloc(100, 'a') });
    const before = await database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM files`);
    const p = await rejection(store.put({ name: 'big.txt', data: Buffer.alloc(101, 'a') }));
    expect(p.status).toBe(413);
    expect(p.errors?.[0].field).toBe('file');
    const after = await database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM files`);
    expect(after[0].n).toBe(before[0].n);
  });

  it('defaults to a 10 MB limit', async () => {
    const store = createFileStore({ database, masterKey });
    const p = await rejection(store.put({ name: 'big.bin', data: Buffer.alloc(10 * 1024 * 1024 + 1) }));
    expect(p.status).toBe(413);
  });

  it('refuses a type the caller does not allow with 415', async () => {
    const store = createFileStore({ database, masterKey });
    const imagesOnly = (mime: string) => mime.startsWith('image/');
    const p = await rejection(store.put({ name: 'photo.png', data: tinyPdf(), allowedMime: imagesOnly }));
    expect(p.status).toBe(415);
    expect(p.errors?.[0].field).toBe('file');
    expect(p.detail).toContain('application/pdf');
    expect((await store.put({ name: 'photo.png', data: tinyPng(), allowedMime: imagesOnly })).mime).toBe('image/png');
  });

  it('fails to decrypt a tampered ciphertext, tag or wrapped key', async () => {
    const store = createFileStore({ database, masterKey });
    for (const column of ['data', 'tag', 'wrapped_key'] as const) {
      const { id } = await store.put({ name: `t-${column}.txt`, data: Buffer.from('untouched original contents') });
      await database.exec(`UPDATE files SET ${column} = set_byte(${column}, 0, get_byte(${column}, 0) # 1) WHERE id = '${id}'`);
      await expect(store.get(id)).rejects.toThrow();
    }
  });

  it('fails when one file’s ciphertext is swapped into another row', async () => {
    const store = createFileStore({ database, masterKey });
    const a = await store.put({ name: 'a.txt', data: Buffer.from('aaaaaaaa') });
    const b = await store.put({ name: 'b.txt', data: Buffer.from('bbbbbbbb') });
    await database.rows(sql`UPDATE files SET (wrapped_key, iv, tag, data, sha256) =
      (SELECT wrapped_key, iv, tag, data, sha256 FROM files WHERE id = ${b.id}) WHERE id = ${a.id}`);
    await expect(store.get(a.id)).rejects.toThrow();
  });

  it('cannot be read with another master key', async () => {
    const { id } = await createFileStore({ database, masterKey }).put({ name: 'k.txt', data: Buffer.from('k') });
    await expect(createFileStore({ database, masterKey: generateMasterKey() }).get(id)).rejects.toThrow(/does not hold/);
  });

  it('answers null for an unknown or malformed id, and removes files', async () => {
    const store = createFileStore({ database, masterKey });
    expect(await store.get('00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(await store.get('not-a-uuid')).toBeNull();
    const { id } = await store.put({ name: 'gone.txt', data: Buffer.from('bye') });
    await store.remove(id);
    expect(await store.get(id)).toBeNull();
  });

  it('writes in the caller’s transaction, so a rollback leaves no file', async () => {
    const store = createFileStore({ database, masterKey });
    let id = '';
    await expect(
      database.db.transaction(async (tx) => {
        id = (await store.put({ name: 'draft.txt', data: Buffer.from('draft') }, tx)).id;
        throw new Error('the seizure failed validation');
      }),
    ).rejects.toThrow('the seizure failed validation');
    expect(id).not.toBe('');
    expect(await store.get(id)).toBeNull();
  });
});
