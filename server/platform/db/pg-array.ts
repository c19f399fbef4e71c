import { sql, type SQL } from 'drizzle-orm';

/**
 * A whole array as one bound parameter (a PostgreSQL array literal), so that a batch of 10,000
 * items is one parameter to unnest() rather than 10,000 placeholders. Same text on both drivers.
 */
export function textArray(values: readonly (string | null)[]): SQL {
  return sql`${arrayLiteral(values)}::text[]`;
}

export function intArray(values: readonly number[]): SQL {
  return sql`${`{${values.join(',')}}`}::int[]`;
}

export function uuidArray(values: readonly string[]): SQL {
  return sql`${arrayLiteral(values)}::uuid[]`;
}

/** The text of a PostgreSQL array of these values (quoted, NULL for null), to bind as one parameter. */
export function arrayLiteral(values: readonly (string | null)[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`)).join(',')}}`;
}
