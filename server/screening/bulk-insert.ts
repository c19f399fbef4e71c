import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db/database.ts';
import { ncicKey, type RecordKey } from './keys.ts';
import { LIST_DEFS, type ListName } from './lists.ts';
import { textArray, uuidArray } from '../platform/db/pg-array.ts';

export interface BulkRow {
  id: string;
  values: Record<string, unknown>;
  keys: RecordKey[];
  reviewOn?: string;
}

const CAST: Record<string, string> = { date: '::date', int: '::int', 'text[]': '::text[]', country: '', text: '' };

/** Renders a value as the text PostgreSQL casts back to the column's type (arrays as array literals). */
function asText(type: string, v: unknown): string | null {
  if (v === undefined || v === null || v === '') return null;
  if (type === 'text[]') return `{${(v as string[]).map((s) => `"${s.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
  return String(v);
}

/**
 * Many records of one list and their keys in two statements: one text array per column, unnest()
 * into rows, cast to the column types. Used by CSV imports and by the synthetic-list generator.
 */
export async function bulkInsert(tx: Db, list: ListName, orgId: string, userId: string | null, rows: BulkRow[]): Promise<void> {
  if (!rows.length) return;
  const def = LIST_DEFS[list];
  const arrays = def.columns.map((c) => textArray(rows.map((r) => asText(c.type, r.values[c.field]))));
  const names = def.columns.map((c, i) => `c${i}`);
  await tx.execute(sql`
    INSERT INTO ${sql.raw(def.table)} (id, ${sql.raw(def.columns.map((c) => c.column).join(', '))}, org_id, created_by, review_on)
    SELECT u.id, ${sql.raw(def.columns.map((c, i) => `u.c${i}${CAST[c.type]}`).join(', '))}, ${orgId}::uuid, ${userId}::uuid,
           coalesce(u.review_on::date, current_date + 3652)
      FROM unnest(${uuidArray(rows.map((r) => r.id))}, ${sql.join(arrays, sql`, `)}, ${textArray(rows.map((r) => r.reviewOn ?? null))})
        AS u(id, ${sql.raw(names.join(', '))}, review_on)`);
  const keys = rows.flatMap((r) => r.keys.map((k) => ({ id: r.id, ...k })));
  if (!keys.length) return;
  await tx.execute(sql`
    INSERT INTO screening_keys (list, record_id, kind, raw, norm, folded, ncic)
    SELECT ${list}, k.id, k.kind, k.raw, k.norm, k.folded, k.ncic
      FROM unnest(${uuidArray(keys.map((k) => k.id))}, ${textArray(keys.map((k) => k.kind))}, ${textArray(keys.map((k) => k.raw))},
                  ${textArray(keys.map((k) => k.norm))}, ${textArray(keys.map((k) => k.folded))}, ${textArray(keys.map((k) => ncicKey(k.kind, k.norm)))})
        AS k(id, kind, raw, norm, folded, ncic)`);
}
