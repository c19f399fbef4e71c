import { sql } from 'drizzle-orm';
import type { AppContext } from '../platform/context.ts';
import { uuidArray } from '../platform/db/pg-array.ts';
import { listOrganisations } from '../identity/index.ts';
import { referenceSets } from '../reference/index.ts';
import { generateSeizures } from './generate.ts';

/** Demo records carry these external references, so that a second start adds nothing. */
const PREFIX = 'DEMO-';
export const DEMO_SEIZURES = 3_000;

/**
 * The demo's seizures: a few thousand validated records over ten years reported by the demo customs
 * administrations, and a few of French customs' own (drafts, and submitted ones waiting in RILO
 * Western Europe's queue). One transaction, bulk inserts; does nothing when they are there.
 */
export async function seedDemoSeizures(ctx: Pick<AppContext, 'database'>, log: (m: string) => void, count = DEMO_SEIZURES): Promise<void> {
  const { database } = ctx;
  const [{ seeded }] = await database.rows<{ seeded: boolean }>(sql`SELECT EXISTS (SELECT 1 FROM seizures WHERE external_ref LIKE ${`${PREFIX}%`}) AS seeded`);
  if (seeded) return;
  const orgs = (await listOrganisations(database)).filter((o) => o.kind === 'customs' && o.country && o.shortName === `${o.country}-CUSTOMS`);
  if (!orgs.length) return;
  const orgIdsByCountry = new Map(orgs.map((o) => [o.country!, o.id]));
  const [france] = await database.rows<{ id: string; org_id: string }>(sql`SELECT id, org_id FROM identity_users WHERE username = 'ncp.france'`);
  const started = Date.now();
  const ref = await referenceSets(database);

  await database.db.transaction(async (tx) => {
    const main = await generateSeizures(database, { count, orgIdsByCountry, seed: 2026, tx, ref, batch: 1_000, statuses: [['validated', 1]], externalRefPrefix: PREFIX });
    let own = 0;
    if (france) {
      // French customs' work in progress: recent drafts, and submitted records of various ages in the RILO's queue.
      const mine = await generateSeizures(database, {
        count: 12,
        orgIdsByCountry: new Map([['FR', france.org_id]]),
        seed: 75,
        years: 0.15,
        tx,
        ref,
        userId: france.id,
        statuses: [['draft', 1], ['submitted', 1]],
        externalRefPrefix: `${PREFIX}FR-`,
      });
      own = mine.inserted;
      if (mine.ids.length) {
        const ids = uuidArray(mine.ids);
        await tx.execute(sql`UPDATE seizures SET submitted_at = now() - (random() * interval '9 days'), updated_at = now() - interval '9 days' * random()
          WHERE id = ANY(${ids}) AND status = 'submitted'`);
        await tx.execute(sql`INSERT INTO seizure_history (seizure_id, user_id, action, at)
          SELECT s.id, ${france.id}::uuid, a.action, CASE a.action WHEN 'created' THEN s.created_at ELSE s.submitted_at END
            FROM seizures s CROSS JOIN (VALUES ('created'), ('submitted')) AS a(action)
           WHERE s.id = ANY(${ids}) AND (a.action = 'created' OR s.status = 'submitted')`);
      }
    }
    log(`demo seizures loaded in ${Date.now() - started} ms: ${main.inserted} validated, ${own} of French customs in progress`);
  });
}
