import { sql } from 'drizzle-orm';
import type { Database } from '../platform/db/database.ts';

/** The seizure an administration stored under an external reference (an import row, a CENcomm message number), if any. */
export async function seizureByExternalRef(database: Database, orgId: string, externalRef: string): Promise<{ seizureId: string; reference: string } | null> {
  const [row] = await database.rows<{ seizureId: string; reference: string }>(sql`SELECT id AS "seizureId", reference FROM seizures
    WHERE org_id = ${orgId} AND external_ref = ${externalRef}`);
  return row ?? null;
}
