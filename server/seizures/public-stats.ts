import type { Database } from '../platform/db/database.ts';
import { createStats, type StatsReply } from './stats.ts';

/** No administration's drafts or queue: validated records only, as every member sees them. */
const VALIDATED_ONLY = { orgId: '00000000-0000-0000-0000-000000000000', rilo: null, wco: false, roles: [] };

/**
 * The dashboard's aggregates over the validated seizures of a region (or the world) and a period, for
 * modules that publish figures (the alerts module's analysis bulletins).
 */
export function validatedStats(database: Database, f: { region: string | null; from: string; to: string }): Promise<StatsReply> {
  return createStats(database).stats(VALIDATED_ONLY, { region: f.region ? [f.region] : undefined, from: f.from, to: f.to, year: Number(f.to.slice(0, 4)) });
}
export type { StatsReply };
