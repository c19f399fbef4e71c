import { sql } from 'drizzle-orm';
import type { AppContext } from '../platform/context.ts';
import type { Db } from '../platform/db/database.ts';
import { uuidArray } from '../platform/db/pg-array.ts';

/** Something a user is told about: in the app (live) and by e-mail. */
export interface Notice {
  title: string;
  body: string;
  /** Where the web shows the item; mails carry this path, never the item's contents. */
  link: string;
  [extra: string]: unknown;
}

/** Who hears of it: organisations (their users with `orgRoles`), single users, the I2C desk. */
export interface Recipients {
  orgIds?: string[];
  /** The roles within `orgIds` that are told (default: NCPs and I2C officers). */
  orgRoles?: string[];
  userIds?: string[];
  i2cDesk?: boolean;
  /** Mail only those whose profile asks for mail alerts (the in-app notice reaches everyone). */
  onlyMailAlerts?: boolean;
  /** Mail only those whose profile asks for library alerts. */
  onlyLibraryAlerts?: boolean;
}

type Ctx = Pick<AppContext, 'events' | 'jobs'>;

/**
 * Queues one mail per recipient in the caller's transaction (so a rolled-back change sends nothing, and
 * recipients do not see one another's addresses), then returns the realtime publish to run after commit.
 */
export async function queueNotice(ctx: Ctx, tx: Db, notice: Notice, to: Recipients): Promise<() => Promise<void>> {
  const orgIds = to.orgIds ?? [];
  const userIds = to.userIds ?? [];
  const orgRoles = to.orgRoles ?? ['ncp', 'i2c_officer'];
  const rows = ((await tx.execute(sql`
    SELECT DISTINCT email FROM users
     WHERE NOT disabled AND NOT system AND email <> ''
       AND (NOT ${!!to.onlyMailAlerts} OR coalesce((profile->>'mailAlerts')::boolean, false))
       AND (NOT ${!!to.onlyLibraryAlerts} OR coalesce((profile->>'libraryAlerts')::boolean, false))
       AND ((org_id = ANY(${uuidArray(orgIds)}) AND roles && ${`{${orgRoles.join(',')}}`}::text[])
            OR id = ANY(${uuidArray(userIds)})
            OR (${!!to.i2cDesk} AND 'i2c_officer' = ANY(roles)))
     ORDER BY email`)) as unknown as { rows: { email: string }[] }).rows;
  const text = `${notice.body}\n\nOpen it in OpenCEN: ${notice.link}\n`;
  for (const r of rows) await ctx.jobs.enqueue('mail.send', { to: r.email, subject: `[OpenCEN] ${notice.title}`, text }, {}, tx);
  return () => ctx.events.publish('notification', notice, { orgIds, userIds, roles: to.i2cDesk ? ['i2c_officer'] : [] });
}
