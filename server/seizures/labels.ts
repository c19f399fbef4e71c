import { sql } from 'drizzle-orm';
import type { Database } from '../platform/db/database.ts';
import { isoTime } from '../platform/db/timestamps.ts';

export interface SeizureLabel {
  id: string;
  reference: string;
  seizedAt: string;
  orgId: string;
  status: string;
}

/** The reference, date, owner and status of seizures by id, for modules that link to them (nCEN). */
export async function seizureLabels(database: Database, ids: readonly string[]): Promise<Map<string, SeizureLabel>> {
  const out = new Map<string, SeizureLabel>();
  const unique = [...new Set(ids)].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (!unique.length) return out;
  const rows = await database.rows<Omit<SeizureLabel, 'seizedAt'> & { seizedAt: Date | string }>(sql`SELECT id, reference, seized_at AS "seizedAt",
    org_id AS "orgId", status FROM seizures WHERE id IN (${sql.join(unique.map((id) => sql`${id}::uuid`), sql`, `)})`);
  for (const r of rows) out.set(r.id, { ...r, seizedAt: isoTime(r.seizedAt) });
  return out;
}

/** The latest seizures of an administration, newest first (demo data links its entities to them). */
export async function recentSeizureIds(database: Database, orgId: string, limit: number): Promise<string[]> {
  const rows = await database.rows<{ id: string }>(sql`SELECT id FROM seizures WHERE org_id = ${orgId} ORDER BY seized_at DESC LIMIT ${limit}`);
  return rows.map((r) => r.id);
}
