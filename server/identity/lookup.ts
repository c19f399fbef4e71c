import { sql } from 'drizzle-orm';
import type { Database } from '../platform/db/database.ts';

/** The id of a user by username, case-insensitive (the command line names users by username). */
export async function findUserIdByUsername(database: Database, username: string): Promise<string | null> {
  const [u] = await database.rows<{ id: string }>(sql`SELECT id FROM users WHERE lower(username) = lower(${username})`);
  return u?.id ?? null;
}

/** An organisation's id and short name by its short name, case-insensitive. */
export async function findOrganisationByShortName(database: Database, shortName: string): Promise<{ id: string; shortName: string } | null> {
  const [o] = await database.rows<{ id: string; shortName: string }>(sql`SELECT id, short_name AS "shortName" FROM organisations WHERE lower(short_name) = lower(${shortName})`);
  return o ?? null;
}
