import { sql } from 'drizzle-orm';
import { queueNotice } from '../../identity/index.ts';
import type { AppContext } from '../../platform/context.ts';
import { execRows } from '../../platform/db/database.ts';

export const REVIEW_REMINDER = 'national.review-reminder';

/**
 * Retention: once a day, each administration whose records have passed their review date is told how many
 * (its nominal_write holders, in the app and, for those who asked for mail alerts, by e-mail) and sent to the
 * review page to keep them with a reason or delete them. The notice carries a count and a link, never a name.
 */
export async function remindReviews(ctx: Pick<AppContext, 'database' | 'events' | 'jobs'>): Promise<number> {
  const due = await execRows<{ org_id: string; n: number }>(
    ctx.database.db,
    sql`SELECT org_id, count(*)::int AS n FROM national_entities
         WHERE merged_into IS NULL AND review_at <= current_date GROUP BY org_id ORDER BY org_id`,
  );
  const publishes: (() => Promise<void>)[] = [];
  await ctx.database.db.transaction(async (tx) => {
    for (const { org_id, n } of due) {
      const notice = {
        title: n === 1 ? 'A record is past its review date' : `${n} records are past their review date`,
        body: 'Keep each one for another period, with a reason, or delete it.',
        link: '/national/review',
        kind: 'national.review',
        count: n,
      };
      publishes.push(await queueNotice(ctx, tx, notice, { orgIds: [org_id], orgRoles: ['nominal_write'], onlyMailAlerts: true }));
    }
  });
  for (const publish of publishes) await publish();
  return due.length;
}
