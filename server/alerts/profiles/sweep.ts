import { sql } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.ts';
import { execRows } from '../../platform/db/database.ts';
import { uuidArray } from '../../platform/db/pg-array.ts';
import { queueNotice } from '../../identity/index.ts';
import { matchReasons, PROFILE_COLUMNS, profileMatches } from './indicators.ts';

type Ctx = Pick<AppContext, 'database' | 'events' | 'jobs'>;
export const PROFILE_SWEEP = 'alerts.profile-sweep';
/**
 * A seizure's `updated_at` is its transaction's start, so a long transaction (an import) commits rows older
 * than the mark: each sweep looks this far behind it, skipping what it read already at the same version.
 */
const LOOK_BEHIND = '10 minutes';
/** Seizures matched per transaction; a sweep runs batches until it has caught up. */
export const SWEEP_BATCH = 5000;

export interface SweepResult {
  seizures: number;
  matches: number;
}

/**
 * The standing query: every validated seizure changed since the last sweep is matched against every active
 * profile in one statement (set-based, not a query per profile per seizure); each new (profile, seizure)
 * pair is stored with why it matched, and the profile's owner and recipients are told, once per profile.
 * A row lock on the sweep mark keeps two nodes from sweeping at once; a pair is stored only once.
 */
export async function sweepProfiles(ctx: Ctx): Promise<SweepResult> {
  const total: SweepResult = { seizures: 0, matches: 0 };
  for (;;) {
    const batch = await sweepBatch(ctx);
    total.seizures += batch.seizures;
    total.matches += batch.matches;
    if (batch.seizures < SWEEP_BATCH) return total;
  }
}

async function sweepBatch(ctx: Ctx): Promise<SweepResult> {
  const told: (() => Promise<void>)[] = [];
  const result = await ctx.database.db.transaction(async (t) => {
    // The join is estimated costly enough for PostgreSQL's JIT, whose compiling takes longer than the join itself.
    if (ctx.database.kind === 'postgres') await t.execute(sql`SET LOCAL jit = off`);
    const [mark] = await execRows<{ swept_to: Date | string }>(t, sql`SELECT swept_to FROM profile_sweep WHERE id = 1 FOR UPDATE`);
    const since = new Date(mark.swept_to).toISOString();
    const batch = await execRows<{ id: string; updated_at: Date | string }>(t, sql`SELECT s.id, s.updated_at FROM seizures_validated s
      WHERE s.updated_at > ${since}::timestamptz - ${LOOK_BEHIND}::interval
        AND NOT EXISTS (SELECT 1 FROM profile_swept w WHERE w.seizure_id = s.id AND w.updated_at = s.updated_at)
      ORDER BY s.updated_at, s.id LIMIT ${SWEEP_BATCH}`);
    if (!batch.length) return { seizures: 0, matches: 0 };
    const ids = uuidArray(batch.map((r) => r.id));
    const added = await execRows<{ profile_id: string; seizure_id: string }>(
      t,
      sql`INSERT INTO profile_matches (profile_id, seizure_id, reasons)
        SELECT p.id, s.id, ${matchReasons(PROFILE_COLUMNS)} FROM seizures_validated s JOIN intel_profiles p ON p.active AND ${profileMatches()}
        WHERE s.id = ANY(${ids})
        ON CONFLICT DO NOTHING RETURNING profile_id, seizure_id`,
    );
    const upto = batch.reduce((m, r) => (new Date(r.updated_at) > m ? new Date(r.updated_at) : m), new Date(mark.swept_to));
    await t.execute(sql`INSERT INTO profile_swept (seizure_id, updated_at)
      SELECT id, updated_at FROM seizures_validated WHERE id = ANY(${ids})
      ON CONFLICT (seizure_id) DO UPDATE SET updated_at = EXCLUDED.updated_at`);
    await t.execute(sql`UPDATE profile_sweep SET swept_to = ${upto.toISOString()}::timestamptz WHERE id = 1`);
    await t.execute(sql`DELETE FROM profile_swept WHERE updated_at < ${upto.toISOString()}::timestamptz - ${LOOK_BEHIND}::interval`);
    const byProfile = new Map<string, number>();
    for (const r of added) byProfile.set(r.profile_id, (byProfile.get(r.profile_id) ?? 0) + 1);
    if (byProfile.size) {
      const profiles = await execRows<{ id: string; reference: string; title: string; owner_id: string; recipient_org_ids: string[] }>(
        t,
        sql`SELECT id, reference, title, owner_id, recipient_org_ids FROM intel_profiles WHERE id = ANY(${uuidArray([...byProfile.keys()])})`,
      );
      for (const p of profiles) {
        const count = byProfile.get(p.id)!;
        const notice = {
          title: `Profile ${p.reference}: ${count} new matching seizure${count === 1 ? '' : 's'}`,
          body: `${count} newly validated CEN seizure${count === 1 ? '' : 's'} match${count === 1 ? 'es' : ''} the intelligence profile "${p.title}". Open the profile to see which and why.`,
          link: `/alerts/profiles/${p.id}`,
          profileId: p.id,
        };
        told.push(await queueNotice(ctx, t, notice, { userIds: [p.owner_id], orgIds: p.recipient_org_ids, orgRoles: ['ncp', 'rilo_analyst', 'i2c_officer'], onlyMailAlerts: true }));
      }
    }
    return { seizures: batch.length, matches: added.length };
  });
  for (const tell of told) await tell();
  return result;
}
