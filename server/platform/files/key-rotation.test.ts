import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { createFileStore } from './file-store.ts';
import { generateMasterKey } from './master-key.ts';
import { rotateMasterKey } from './key-rotation.ts';

let testDb: TestDatabase;
let database: Database;

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = testDb.database;
});
afterAll(async () => testDb?.cleanup());

const keyIds = async () => (await database.rows<{ key_id: string }>(sql`SELECT DISTINCT key_id FROM files`)).map((r) => r.key_id);

describe('master key rotation', () => {
  it('re-wraps every data key so files stay readable under the new key only', async () => {
    const oldKey = generateMasterKey();
    const newKey = generateMasterKey();
    const before = createFileStore({ database, masterKey: oldKey });
    const contents = ['first', 'second', 'third'].map((s) => Buffer.from(`${s} attachment`));
    const ids = [];
    for (const [i, data] of contents.entries()) ids.push((await before.put({ name: `f${i}.txt`, data })).id);

    expect(await rotateMasterKey(database, oldKey, newKey)).toBe(3);
    expect(await keyIds()).toEqual([newKey.id]);

    const after = createFileStore({ database, masterKey: newKey });
    for (const [i, id] of ids.entries()) expect((await after.get(id))?.data.equals(contents[i])).toBe(true);
    await expect(before.get(ids[0])).rejects.toThrow();
    // While nodes restart with the new key, one holding both can still read.
    const bridging = createFileStore({ database, masterKey: oldKey, previousKeys: [newKey] });
    expect((await bridging.get(ids[0]))?.data.equals(contents[0])).toBe(true);

    // Running it again finds nothing left to do.
    expect(await rotateMasterKey(database, oldKey, newKey)).toBe(0);
    await database.exec('DELETE FROM files');
  });

  it('changes nothing when a file is under a key it was not given', async () => {
    const oldKey = generateMasterKey();
    const newKey = generateMasterKey();
    const stranger = generateMasterKey();
    const { id: ok } = await createFileStore({ database, masterKey: oldKey }).put({ name: 'a.txt', data: Buffer.from('a') });
    await createFileStore({ database, masterKey: stranger }).put({ name: 'b.txt', data: Buffer.from('b') });

    await expect(rotateMasterKey(database, oldKey, newKey)).rejects.toThrow(stranger.id);
    expect((await keyIds()).sort()).toEqual([oldKey.id, stranger.id].sort());
    expect((await createFileStore({ database, masterKey: oldKey }).get(ok))?.data.toString()).toBe('a');
    await database.exec('DELETE FROM files');
  });

  it('rolls back every file if one cannot be unwrapped', async () => {
    const oldKey = generateMasterKey();
    const newKey = generateMasterKey();
    const store = createFileStore({ database, masterKey: oldKey });
    const { id: first } = await store.put({ name: 'a.txt', data: Buffer.from('a') });
    const { id: broken } = await store.put({ name: 'b.txt', data: Buffer.from('b') });
    await database.exec(`UPDATE files SET wrapped_key = set_byte(wrapped_key, 20, get_byte(wrapped_key, 20) # 1) WHERE id = '${broken}'`);

    await expect(rotateMasterKey(database, oldKey, newKey)).rejects.toThrow();
    expect(await keyIds()).toEqual([oldKey.id]);
    expect((await store.get(first))?.data.toString()).toBe('a');
  });
});
