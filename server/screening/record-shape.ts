import { sql, type SQL } from 'drizzle-orm';
import { LIST_DEFS, type ListName } from './lists.ts';

/** The columns every list table shares, as the API names them. */
const COMMON = sql.raw(
  `id, org_id AS "orgId", created_by AS "createdBy", review_on::text AS "reviewOn", created_at AS "createdAt", updated_at AS "updatedAt"`,
);

/** SELECT list of a record in API shape; dates as ISO strings (no time-zone shift), as stored. */
export function recordColumns(list: ListName): SQL {
  const cols = LIST_DEFS[list].columns.map((c) => (c.type === 'date' ? `${c.column}::text AS "${c.field}"` : `${c.column} AS "${c.field}"`));
  return sql.join([COMMON, sql.raw(cols.join(', '))], sql`, `);
}

/** Only the first-level fields: what a search reply shows before the officer opens the detail. */
export function firstLevelColumns(list: ListName): SQL {
  const def = LIST_DEFS[list];
  const cols = def.firstLevel.map((f) => {
    const c = def.columns.find((x) => x.field === f)!;
    return `${c.column} AS "${c.field}"`;
  });
  return sql.raw(['id', ...cols].join(', '));
}

export type StoredRecord = Record<string, unknown> & { id: string; orgId: string; createdBy: string | null; reviewOn: string; createdAt: string; updatedAt: string };

const TIMESTAMPS = new Set(['createdAt', 'updatedAt', 'at']);

export function toApi(row: Record<string, unknown>): StoredRecord {
  const out: Record<string, unknown> = {};
  // Timestamps come back as Date from node-postgres and as text from PGlite: one ISO form for both.
  for (const [k, v] of Object.entries(row)) out[k] = v instanceof Date ? v.toISOString() : TIMESTAMPS.has(k) && typeof v === 'string' ? new Date(v).toISOString() : v;
  return out as StoredRecord;
}

/** A SQL value of a column, typed so that PostgreSQL reads arrays and dates right on both drivers. */
export function columnValue(type: string, value: unknown): SQL {
  if (value === undefined || value === null || value === '') return sql`NULL`;
  switch (type) {
    case 'date':
      return sql`${value}::date`;
    case 'int':
      return sql`${value}::int`;
    case 'text[]':
      return sql`ARRAY[${sql.join((value as string[]).map((v) => sql`${v}`), sql`, `)}]::text[]`;
    default:
      return sql`${value}`;
  }
}
