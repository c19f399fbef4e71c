import { sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { toBuffer, unwrapKey, wrapKey } from './envelope.ts';
import type { MasterKey } from './master-key.ts';

/**
 * Re-wraps every file's data key from `oldKey` to `newKey` in one transaction:
 * either all files move to the new key or none do. Only the 60-byte wrapped keys
 * are read and rewritten, never the file contents. Returns how many were re-wrapped.
 * Files already under `newKey` are left alone, so an interrupted rotation can be re-run.
 */
export async function rotateMasterKey(database: Database, oldKey: MasterKey, newKey: MasterKey): Promise<number> {
  if (oldKey.id === newKey.id) return 0;
  return database.db.transaction(async (tx) => {
    const res = await tx.execute(sql`SELECT id, key_id, wrapped_key FROM files WHERE key_id <> ${newKey.id} ORDER BY id FOR UPDATE`);
    const rows = (res as unknown as { rows: { id: string; key_id: string; wrapped_key: unknown }[] }).rows;
    const strangers = rows.filter((r) => r.key_id !== oldKey.id);
    if (strangers.length) {
      throw new Error(
        `${strangers.length} file(s) are wrapped by neither the old key (${oldKey.id}) nor the new one (${newKey.id}), e.g. by ${strangers[0].key_id}; nothing was changed.`,
      );
    }
    for (const row of rows) {
      const dataKey = unwrapKey(oldKey, toBuffer(row.wrapped_key), row.id);
      await tx.execute(sql`UPDATE files SET wrapped_key = ${wrapKey(newKey, dataKey, row.id)}, key_id = ${newKey.id} WHERE id = ${row.id}`);
    }
    return rows.length;
  });
}
