import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { isoTime } from '../../platform/db/timestamps.ts';
import type { ThreadEntry } from './helpdesk-view.ts';

/** The thread of a request in order; the I2C's internal notes only for the I2C. */
export async function readThread(database: Database, requestId: string, withNotes: boolean): Promise<ThreadEntry[]> {
  const rows = await database.rows<Omit<ThreadEntry, 'createdAt'> & { createdAt: Date | string }>(sql`SELECT e.id, e.kind, e.author_id AS "authorId",
      coalesce(u.display_name, '') AS "authorName", coalesce(o.name, '') AS "authorOrgName", coalesce('i2c_officer' = ANY(u.roles), false) AS "fromI2c",
      e.body, e.detail, e.created_at AS "createdAt"
    FROM helpdesk_entries e LEFT JOIN identity_users u ON u.id = e.author_id LEFT JOIN identity_organisations o ON o.id = e.author_org_id
    WHERE e.request_id = ${requestId} AND (${withNotes} OR e.kind <> 'note')
    ORDER BY e.created_at, e.id`);
  return rows.map((r) => ({ ...r, createdAt: isoTime(r.createdAt) }));
}
