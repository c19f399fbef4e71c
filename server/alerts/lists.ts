import { sql } from 'drizzle-orm';
import type { AppContext } from '../platform/context.ts';
import { type Db, execRows } from '../platform/db/database.ts';
import { isUniqueViolation } from '../platform/db/errors.ts';
import type { Principal } from '../platform/http/access.ts';
import { conflict, notFound, Problem } from '../platform/http/problem.ts';
import { uuidArray } from '../platform/db/pg-array.ts';
import { isoTime } from '../platform/db/timestamps.ts';
import { scopeOf, type AlertScope } from './access.ts';
import { directory } from './circulation.ts';
import type { DistributionList } from './alert-view.ts';

type Ctx = Pick<AppContext, 'database' | 'audit'>;
type ListView = DistributionList;

/** Distribution lists: named sets of organisations an administration circulates alerts and profiles to. */
export function createLists(ctx: Ctx) {
  const { database, audit } = ctx;

  async function mine(actor: Principal): Promise<ListView[]> {
    const rows = await database.rows<ListView & { updatedAt: Date | string }>(sql`SELECT id, name, owner_org_id AS "ownerOrgId", org_ids AS "orgIds",
      cardinality(org_ids) AS "orgCount", updated_at AS "updatedAt" FROM alert_lists WHERE owner_org_id = ${actor.orgId} ORDER BY lower(name)`);
    return rows.map((r) => ({ ...r, updatedAt: isoTime(r.updatedAt) }));
  }

  async function checkOrgs(t: Db, orgIds: string[]) {
    const orgs = await directory(t);
    const unknown = orgIds.filter((id) => !orgs.has(id));
    if (unknown.length) throw new Problem(422, 'Unprocessable Content', `orgIds: not organisations: ${unknown.join(', ')}`, [{ field: 'orgIds', message: `not organisations: ${unknown.join(', ')}` }]);
  }

  async function save(actor: Principal, id: string | null, input: { name: string; orgIds: string[] }) {
    const orgIds = [...new Set(input.orgIds)];
    try {
      return await database.db.transaction(async (t) => {
        await checkOrgs(t, orgIds);
        const [row] = id
          ? await execRows<{ id: string }>(t, sql`UPDATE alert_lists SET name = ${input.name}, org_ids = ${uuidArray(orgIds)}, updated_at = now()
              WHERE id = ${id} AND owner_org_id = ${actor.orgId} RETURNING id`)
          : await execRows<{ id: string }>(t, sql`INSERT INTO alert_lists (name, owner_org_id, org_ids, created_by)
              VALUES (${input.name}, ${actor.orgId}, ${uuidArray(orgIds)}, ${actor.userId}) RETURNING id`);
        if (!row) throw notFound('List');
        await audit.record({ actor, action: id ? 'alert.list.update' : 'alert.list.create', targetType: 'alert_list', targetId: row.id, detail: { orgs: orgIds.length } }, t);
        return row.id;
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict(`Your administration has a list named "${input.name}" already.`);
      throw e;
    }
  }

  async function remove(actor: Principal, id: string) {
    await database.db.transaction(async (t) => {
      const gone = await execRows(t, sql`DELETE FROM alert_lists WHERE id = ${id} AND owner_org_id = ${actor.orgId} RETURNING id`);
      if (!gone.length) throw notFound('List');
      await audit.record({ actor, action: 'alert.list.delete', targetType: 'alert_list', targetId: id }, t);
    });
  }

  /** The members of the lists the reader's administration keeps (a list of another administration is not found). */
  async function members(t: Db, s: AlertScope, ids: string[]): Promise<Map<string, string[]>> {
    if (!ids.length) return new Map();
    const rows = await execRows<{ id: string; org_ids: string[] }>(t, sql`SELECT id, org_ids FROM alert_lists WHERE id = ANY(${uuidArray(ids)}) AND owner_org_id = ${s.orgId}`);
    return new Map(rows.map((r) => [r.id, r.org_ids]));
  }

  /** The directory's organisations (no people), for choosing recipients. */
  async function directoryList() {
    return database.rows<{ id: string; name: string; shortName: string; kind: string; country: string | null; region: string | null }>(sql`SELECT id, name,
      short_name AS "shortName", kind, country, region FROM identity_organisations ORDER BY kind, name`);
  }

  return { mine, save, remove, members, directory: directoryList, scopeOf: (p: Principal) => scopeOf(database, p) };
}

export type Lists = ReturnType<typeof createLists>;
