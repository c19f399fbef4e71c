import type { SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { Database } from '../platform/db/database.ts';

/**
 * Runs one aggregate statement over the seizures with room for its hash aggregates (no sort spilled to disk)
 * and, on PostgreSQL, without JIT compilation: the planner's estimates for a scan of a million rows call for
 * it, and compiling takes longer than these queries run (half of a million-seizure extract's time).
 */
export function readAggregate(database: Pick<Database, 'db' | 'kind'>, q: SQL): Promise<Record<string, unknown>[]> {
  const settings = database.kind === 'postgres' ? sql`SELECT set_config('work_mem', '64MB', true), set_config('jit', 'off', true)` : sql`SELECT set_config('work_mem', '64MB', true)`;
  return database.db.transaction(async (tx) => {
    await tx.execute(settings);
    return ((await tx.execute(q)) as unknown as { rows: Record<string, unknown>[] }).rows;
  });
}
