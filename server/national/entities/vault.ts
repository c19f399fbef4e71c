import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { createSealer, type Sealer } from '../../platform/crypto/sealer.ts';
import { execRows, type Database, type Db } from '../../platform/db/database.ts';

/**
 * Nominal fields at rest: each entity has its own data key, sealed by the master key (`sealed_key`), and its
 * fields are one JSON document sealed by that data key (`sealed_data`). Deleting the row erases both; a
 * master-key rotation re-seals the 32-byte data keys, never the documents.
 */
export function sealEntity(master: Sealer, fields: object): { sealedKey: string; sealedData: string } {
  const dataKey = randomBytes(32);
  return { sealedKey: master.seal(dataKey.toString('base64')), sealedData: createSealer(dataKey, 'e').seal(JSON.stringify(fields)) };
}

/** Seals new fields under the entity's existing data key. */
export function resealEntityData(master: Sealer, sealedKey: string, fields: object): string {
  return entitySealer(master, sealedKey).seal(JSON.stringify(fields));
}

export function openEntity<T = Record<string, unknown>>(master: Sealer, sealedKey: string, sealedData: string): T {
  return JSON.parse(entitySealer(master, sealedKey).open(sealedData)) as T;
}

function entitySealer(master: Sealer, sealedKey: string): Sealer {
  return createSealer(Buffer.from(master.open(sealedKey), 'base64'), 'e');
}

/** The node's blind-index key: made once, sealed by the master key, read at start-up. */
export async function loadIndexSecret(database: Database, master: Sealer): Promise<Buffer> {
  const fresh = master.seal(randomBytes(32).toString('base64'));
  await database.db.execute(sql`INSERT INTO national_secrets (name, sealed) VALUES ('blind_index', ${fresh}) ON CONFLICT (name) DO NOTHING`);
  const [row] = await database.rows<{ sealed: string }>(sql`SELECT sealed FROM national_secrets WHERE name = 'blind_index'`);
  return Buffer.from(master.open(row!.sealed), 'base64');
}

/**
 * Key rotation: re-seals every entity's data key, the case summaries and the node's secrets under `next`;
 * those already under `next` are skipped, so an interrupted rotation can be re-run. Nothing when the node
 * has no nCEN tables (a hub).
 */
export async function resealNationalKeys(database: Database, previous: Sealer, next: Sealer): Promise<number> {
  const [{ present }] = await database.rows<{ present: boolean }>(sql`SELECT to_regclass('national_entities') IS NOT NULL AS present`);
  if (!present) return 0;
  const prefix = `v1.${next.keyId}.`;
  return database.db.transaction(async (tx: Db) => {
    let count = 0;
    const move = async (table: string, column: string, idColumn: string) => {
      const rows = await execRows<{ id: string; sealed: string }>(tx, sql`SELECT ${sql.raw(idColumn)} AS id, ${sql.raw(column)} AS sealed
        FROM ${sql.raw(table)} WHERE ${sql.raw(column)} IS NOT NULL AND ${sql.raw(column)} NOT LIKE ${prefix + '%'} FOR UPDATE`);
      for (const r of rows) {
        await tx.execute(sql`UPDATE ${sql.raw(table)} SET ${sql.raw(column)} = ${next.seal(previous.open(r.sealed))} WHERE ${sql.raw(idColumn)} = ${r.id}`);
        count++;
      }
    };
    await move('national_entities', 'sealed_key', 'id');
    await move('national_cases', 'sealed_summary', 'id');
    await move('national_secrets', 'sealed', 'name');
    return count;
  });
}
