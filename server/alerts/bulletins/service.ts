import { sql } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.ts';
import { type Db, execRows } from '../../platform/db/database.ts';
import type { Principal } from '../../platform/http/access.ts';
import { forbidden, notFound, Problem } from '../../platform/http/problem.ts';
import { isoTime } from '../../platform/db/timestamps.ts';
import { queueNotice } from '../../identity/index.ts';
import { referenceSets } from '../../reference/index.ts';
import { periodFigures } from '../../seizures/index.ts';
import { ALERT_READERS, scopeOf } from '../access.ts';
import { HANDLING_CODES, type HandlingCode } from '../alert-view.ts';
import { resolveTargets } from '../circulation.ts';
import type { Lists } from '../lists.ts';
import type { TargetsInput } from '../schema.ts';
import type { BulletinInput, BulletinView, bulletinSummary } from './schema.ts';
import type { z } from 'zod';

type Ctx = Pick<AppContext, 'database' | 'audit' | 'events' | 'jobs'>;
type Meta = { ip?: string; requestId?: string };
type Summary = z.infer<typeof bulletinSummary>;

/** Who writes bulletins: RILO analysts and I2C officers. */
export const BULLETIN_WRITERS = ['rilo_analyst', 'i2c_officer'] as const;

const readable = (orgId: string) => sql`(b.author_org_id = ${orgId}::uuid
  OR (b.status = 'published' AND EXISTS (SELECT 1 FROM alert_bulletin_recipients r WHERE r.bulletin_id = b.id AND r.org_id = ${orgId}::uuid)))`;
const SUMMARY = sql.raw(`b.id, b.reference, b.title, b.kind, b.region, b.period_from::text AS "periodFrom", b.period_to::text AS "periodTo", b.handling,
  b.status, o.name AS "authorOrgName", b.published_at AS "publishedAt", b.updated_at AS "updatedAt"`);
const FROM = sql.raw(`alert_bulletins b JOIN identity_organisations o ON o.id = b.author_org_id`);

const shape = (r: Record<string, unknown>): Summary => ({
  ...(r as unknown as Summary),
  publishedAt: isoTime(r.publishedAt as string | null),
  updatedAt: isoTime(r.updatedAt as string),
});

/**
 * Analysis bulletins: a RILO's or the I2C's narrative over a region and period, with the CEN figures of that
 * region and period (validated seizures counted over exactly the period) and the period's alerts pulled live
 * when read; published (circulated) like an alert, archived and searchable.
 */
export function createBulletins(ctx: Ctx, lists: Lists) {
  const { database, audit } = ctx;

  async function check(input: BulletinInput) {
    const errors = [];
    if (input.periodTo < input.periodFrom) errors.push({ field: 'periodTo', message: 'must not be before periodFrom' });
    if (input.region) {
      const ref = await referenceSets(database);
      if (![...ref.regionOf.values()].includes(input.region)) errors.push({ field: 'region', message: `${input.region} is not a WCO region` });
    }
    if (errors.length) throw new Problem(422, 'Unprocessable Content', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
  }

  const values = (i: BulletinInput) => sql`title = ${i.title}, kind = ${i.kind}, region = ${i.region}, period_from = ${i.periodFrom}::date, period_to = ${i.periodTo}::date,
    language = ${i.language}, handling = ${i.handling}, sections = ${JSON.stringify(i.sections)}::jsonb,
    search = ${[i.title, ...i.sections.flatMap((s) => [s.heading, s.body])].join(' ')}, updated_at = now()`;

  async function create(actor: Principal, input: BulletinInput, meta: Meta = {}): Promise<string> {
    await check(input);
    return database.db.transaction(async (t) => {
      const year = new Date().getUTCFullYear();
      const [{ id }] = await execRows<{ id: string }>(t, sql`INSERT INTO alert_bulletins (reference, title, kind, period_from, period_to, language, handling, author_org_id, author_id)
        VALUES ('BU-' || ${year} || '-' || lpad(nextval('bulletin_numbers')::text, 6, '0'), '', 'ad_hoc', now()::date, now()::date, 'en', 'H2', ${actor.orgId}, ${actor.userId}) RETURNING id`);
      await t.execute(sql`UPDATE alert_bulletins SET ${values(input)} WHERE id = ${id}`);
      await audit.record({ actor, action: 'bulletin.create', targetType: 'bulletin', targetId: id, ...meta }, t);
      return id;
    });
  }

  async function owned(t: Db, actor: Principal, id: string) {
    const [row] = await execRows<{ author_org_id: string; status: string; reference: string; title: string; handling: HandlingCode }>(
      t,
      sql`SELECT author_org_id, status, reference, title, handling FROM alert_bulletins b WHERE id = ${id}::uuid AND ${readable(actor.orgId)} FOR UPDATE`,
    );
    if (!row) throw notFound('Bulletin');
    if (row.author_org_id !== actor.orgId) throw forbidden('Only the administration that wrote the bulletin changes or publishes it.');
    return row;
  }

  async function update(actor: Principal, id: string, input: BulletinInput, meta: Meta = {}) {
    await check(input);
    await database.db.transaction(async (t) => {
      const b = await owned(t, actor, id);
      if (b.status === 'published') throw forbidden(`Bulletin ${b.reference} is published: it is archived as circulated.`);
      await t.execute(sql`UPDATE alert_bulletins SET ${values(input)} WHERE id = ${id}`);
      await audit.record({ actor, action: 'bulletin.update', targetType: 'bulletin', targetId: id, ...meta }, t);
    });
  }

  /** Publishes (or widens the circulation of) the bulletin, as far as its handling code allows; the new recipients are told. */
  async function publish(actor: Principal, id: string, targets: TargetsInput, meta: Meta = {}) {
    const s = await scopeOf(database, actor);
    const ref = await referenceSets(database);
    let tell: (() => Promise<void>) | null = null;
    await database.db.transaction(async (t) => {
      const b = await owned(t, actor, id);
      const resolved = await resolveTargets(t, ref, { ...targets, global: targets.global && s.i2c }, b.handling, (ids) => lists.members(t, s, ids));
      if (targets.global && !s.i2c) throw new Problem(422, 'Unprocessable Content', 'targets.global: only the I2C publishes a bulletin globally', [{ field: 'targets.global', message: 'only the I2C publishes a bulletin globally' }]);
      resolved.delete(actor.orgId);
      const rows = [...resolved].map(([orgId, via]) => ({ orgId, via }));
      const added = await execRows<{ org_id: string }>(t, sql`INSERT INTO alert_bulletin_recipients (bulletin_id, org_id, via)
        SELECT ${id}::uuid, r."orgId", r.via FROM json_to_recordset(${JSON.stringify(rows)}::json) AS r("orgId" uuid, via text) ON CONFLICT DO NOTHING RETURNING org_id`);
      await t.execute(sql`UPDATE alert_bulletins SET status = 'published', published_at = coalesce(published_at, now()), targets = ${JSON.stringify(targets)}::jsonb, updated_at = now() WHERE id = ${id}`);
      const orgIds = added.map((r) => r.org_id);
      if (orgIds.length)
        tell = await queueNotice(ctx, t, { title: `Bulletin ${b.reference} [${b.handling}]`, body: `"${b.title}" was published to your administration (handling code ${b.handling}). Open it to read it.`, link: `/alerts/bulletins/${id}`, bulletinId: id }, { orgIds, orgRoles: ALERT_READERS, onlyMailAlerts: true });
      await audit.record({ actor, action: 'bulletin.publish', targetType: 'bulletin', targetId: id, detail: { recipients: orgIds.length }, ...meta }, t);
    });
    await (tell as (() => Promise<void>) | null)?.();
  }

  async function list(actor: Principal, q: { q?: string; limit: number }): Promise<Summary[]> {
    const text = q.q ? sql` AND b.tsv @@ plainto_tsquery('simple', ${q.q})` : sql``;
    const rows = await database.rows<Record<string, unknown>>(sql`SELECT ${SUMMARY} FROM ${FROM} WHERE ${readable(actor.orgId)}${text}
      ORDER BY b.period_to DESC, b.updated_at DESC LIMIT ${q.limit}`);
    return rows.map(shape);
  }

  /** The bulletin with its live figures and alerts (audited). */
  async function get(actor: Principal, id: string, meta: Meta = {}): Promise<BulletinView> {
    const [r] = await database.rows<Record<string, unknown>>(sql`SELECT ${SUMMARY}, b.language, b.sections, b.author_org_id AS "authorOrgId" FROM ${FROM} WHERE b.id = ${id}::uuid AND ${readable(actor.orgId)}`);
    if (!r) throw notFound('Bulletin');
    const b = shape(r);
    const figures = await periodFigures(database, { region: b.region, from: b.periodFrom, to: b.periodTo });
    // The period's alerts of the region (or global), never more restricted than the bulletin itself.
    const allowed = HANDLING_CODES.slice(0, HANDLING_CODES.indexOf(b.handling) + 1).filter((h) => h !== 'H3');
    const alerts = await database.rows<{ id: string; reference: string; title: string; riskArea: string; handling: HandlingCode; circulatedAt: Date | string }>(sql`SELECT a.id, a.reference, a.title,
        a.risk_area AS "riskArea", a.handling, a.circulated_at AS "circulatedAt" FROM alerts a
      WHERE a.status = 'circulated' AND a.circulated_at >= ${b.periodFrom}::date AND a.circulated_at < (${b.periodTo}::date + 1)
        AND a.handling = ANY(${`{${allowed.join(',')}}`}::text[])
        AND (${b.region}::text IS NULL OR a.region = ${b.region} OR a.global_status = 'approved' OR a.targets->'regions' ? ${b.region ?? ''})
      ORDER BY a.circulated_at LIMIT 100`);
    await audit.record({ actor, action: 'bulletin.read', targetType: 'bulletin', targetId: id, ...meta });
    return {
      ...b,
      language: r.language as string,
      sections: (typeof r.sections === 'string' ? JSON.parse(r.sections) : r.sections) as BulletinView['sections'],
      canEdit: r.authorOrgId === actor.orgId && b.status === 'draft' && BULLETIN_WRITERS.some((w) => actor.roles.includes(w)),
      figures,
      alerts: alerts.map((a) => ({ ...a, circulatedAt: isoTime(a.circulatedAt) })),
    };
  }

  return { create, update, publish, list, get };
}

export type Bulletins = ReturnType<typeof createBulletins>;
