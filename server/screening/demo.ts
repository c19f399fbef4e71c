import { sql } from 'drizzle-orm';
import type { AppContext } from '../platform/context.ts';
import { generateWatchLists } from './generate.ts';

/** Enough to search in, small enough for a first start in seconds. */
export const DEMO_WATCH_LISTS = { travelDocuments: 20_000, vehicles: 2_000, firearms: 1_000, containers: 200, vessels: 50 };

/**
 * Synthetic watch lists recorded by French customs, so that a new user has something to search (and to hit).
 * Seeded once: a restart finds records and adds nothing. Prints a few identifiers to try.
 */
export async function seedScreeningDemo(ctx: Pick<AppContext, 'database'>, log: (m: string) => void): Promise<void> {
  const { database } = ctx;
  const [{ seeded }] = await database.rows<{ seeded: boolean }>(sql`SELECT EXISTS (SELECT 1 FROM screening_travel_documents) AS seeded`);
  if (seeded) return;
  const [france] = await database.rows<{ id: string; org_id: string }>(sql`SELECT id, org_id FROM identity_users WHERE username = 'ncp.france'`);
  if (!france) return;
  const { counts, samples } = await generateWatchLists(database, { recordingOrgId: france.org_id, createdBy: france.id, ...DEMO_WATCH_LISTS, seed: 7 });
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const tryThese = [samples.travel_documents?.[0], samples.vehicles?.[0], samples.firearms?.[0]].filter(Boolean).join(', ');
  log(`demo watch lists: ${total.toLocaleString('en')} records recorded by French customs; try searching ${tryThese}`);
}
