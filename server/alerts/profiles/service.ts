import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { type Db, execRows } from '../../platform/db/database.ts';
import type { Principal } from '../../platform/http/access.ts';
import { forbidden, notFound, Problem, type FieldError } from '../../platform/http/problem.ts';
import { textArray, uuidArray } from '../../platform/db/pg-array.ts';
import { isoTime } from '../../platform/db/timestamps.ts';
import { referenceSets, type ReferenceSets } from '../../reference/index.ts';
import { scopeOf, type AlertScope } from '../access.ts';
import { resolveTargets } from '../circulation.ts';
import type { Lists } from '../lists.ts';
import { hasContentIndicator, indicatorConditions, literalSource, matchReasons } from './indicators.ts';
import type { backTestResult, Indicators, matchRow, ProfileInput, profileSummary, profileView } from './schema.ts';

type Ctx = Pick<AppContext, 'database' | 'audit'>;
type Meta = { ip?: string; requestId?: string };

/** A profile that would match at least this share of enough seizures is refused as matching everything. */
export const TOO_BROAD = { share: 0.5, minSample: 100 };

const unprocessable = (errors: FieldError[]) => new Problem(422, 'Unprocessable Content', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
const readableProfile = (orgId: string) => sql`(p.owner_org_id = ${orgId}::uuid OR ${orgId}::uuid = ANY(p.recipient_org_ids))`;

const SUMMARY = sql.raw(`p.id, p.reference, p.title, p.risk_area AS "riskArea", p.handling, p.active, o.name AS "ownerOrgName",
  (SELECT count(*)::int FROM profile_matches m WHERE m.profile_id = p.id) AS matches,
  (SELECT max(matched_at) FROM profile_matches m WHERE m.profile_id = p.id) AS "lastMatchAt", p.updated_at AS "updatedAt"`);

/**
 * Intelligence (risk) profiles: indicators on CEN fields with a narrative, tried on the past (back-test)
 * and kept as a standing query over new validated seizures (sweep.ts). Readable by the owner's
 * administration and the organisations it names as recipients.
 */
export function createProfiles(ctx: Ctx, lists: Lists) {
  const { database, audit } = ctx;

  /** Every code known, the period the right way round, something to look for, and not everything. */
  async function check(i: Indicators): Promise<void> {
    const ref = await referenceSets(database);
    const errors: FieldError[] = [];
    const unknown = (field: string, values: string[], known: (v: string) => boolean, what: string) => {
      for (const v of values) if (!known(v)) errors.push({ field: `indicators.${field}`, message: `${v} is not ${what}` });
    };
    unknown('hsPrefixes', i.hsPrefixes, (v) => ref.hsCodes.has(v), 'an HS 2022 code');
    unknown('countries', i.countries, (v) => ref.countries.has(v), 'a country code');
    unknown('routeCountries', i.routeCountries, (v) => ref.countries.has(v), 'a country code');
    unknown('concealmentMethods', i.concealmentMethods, (v) => ref.concealmentMethods.has(v), 'a concealment method');
    unknown('detectionMethods', i.detectionMethods, (v) => ref.detectionMethods.has(v), 'a detection method');
    unknown('places', i.places, (v) => ref.locodes.has(v) || ref.airports.has(v), 'a UN/LOCODE or airport code');
    if ((i.minQuantity === null) !== (i.quantityUnit === null)) errors.push({ field: 'indicators.quantityUnit', message: 'give the minimum quantity and its unit together' });
    if (i.periodFrom && i.periodTo && i.periodTo < i.periodFrom) errors.push({ field: 'indicators.periodTo', message: 'must not be before periodFrom' });
    if (!hasContentIndicator(i)) errors.push({ field: 'indicators', message: 'give at least one indicator besides the period (HS code, country, route, concealment, detection, transport, conveyance, place or quantity)' });
    if (errors.length) throw unprocessable(errors);
    const tried = await backTest(i, null, null, 1);
    if (tried.all >= TOO_BROAD.minSample && tried.share >= TOO_BROAD.share)
      throw unprocessable([{ field: 'indicators', message: `would match ${Math.round(tried.share * 100)}% of all validated seizures (${tried.total} of ${tried.all}): narrow it` }]);
  }

  /** Resolves the recipients in the transaction `t`; what is read outside it (scope, reference lists) is read first (PGlite has one connection). */
  async function recipientsOf(actor: Principal, input: ProfileInput) {
    const s = await scopeOf(database, actor);
    const ref = await referenceSets(database);
    return (t: Db) => resolveRecipients(t, s, ref, actor, input);
  }

  async function resolveRecipients(t: Db, s: AlertScope, ref: ReferenceSets, actor: Principal, input: ProfileInput): Promise<string[]> {
    const r = input.recipients;
    if (!r.orgIds.length && !r.listIds.length && !r.regions.length) return [];
    const resolved = await resolveTargets(t, ref, { ...r, global: false }, input.handling, (ids) => lists.members(t, s, ids));
    resolved.delete(actor.orgId);
    return [...resolved.keys()];
  }

  const values = (input: ProfileInput, recipients: string[]) => {
    const i = input.indicators;
    return sql`title = ${input.title}, narrative = ${input.narrative}, risk_area = ${input.riskArea}, handling = ${input.handling}, active = ${input.active},
      hs_prefixes = ${textArray(i.hsPrefixes)}, countries = ${textArray(i.countries)}, route_countries = ${textArray(i.routeCountries)},
      concealment_methods = ${textArray(i.concealmentMethods)}, detection_methods = ${textArray(i.detectionMethods)},
      transport_modes = ${textArray(i.transportModes)}, conveyance_types = ${textArray(i.conveyanceTypes)}, places = ${textArray(i.places)},
      min_quantity = ${i.minQuantity}, quantity_unit = ${i.quantityUnit}, period_from = ${i.periodFrom}::date, period_to = ${i.periodTo}::date,
      recipient_org_ids = ${uuidArray(recipients)}, updated_at = now()`;
  };

  async function create(actor: Principal, input: ProfileInput, meta: Meta = {}): Promise<string> {
    await check(input.indicators);
    const resolve = await recipientsOf(actor, input);
    return database.db.transaction(async (t) => {
      const recipients = await resolve(t);
      const year = new Date().getUTCFullYear();
      const [{ id }] = await execRows<{ id: string }>(t, sql`INSERT INTO intel_profiles (reference, title, risk_area, handling, owner_org_id, owner_id)
        VALUES ('RP-' || ${year} || '-' || lpad(nextval('profile_numbers')::text, 6, '0'), '', 'other', 'H2', ${actor.orgId}, ${actor.userId}) RETURNING id`);
      await t.execute(sql`UPDATE intel_profiles SET ${values(input, recipients)} WHERE id = ${id}`);
      await audit.record({ actor, action: 'profile.create', targetType: 'intel_profile', targetId: id, ...meta }, t);
      return id;
    });
  }

  async function update(actor: Principal, id: string, input: ProfileInput, meta: Meta = {}) {
    await owned(actor, id);
    await check(input.indicators);
    const resolve = await recipientsOf(actor, input);
    await database.db.transaction(async (t) => {
      const recipients = await resolve(t);
      await t.execute(sql`UPDATE intel_profiles SET ${values(input, recipients)} WHERE id = ${id}`);
      await audit.record({ actor, action: 'profile.update', targetType: 'intel_profile', targetId: id, ...meta }, t);
    });
  }

  async function owned(actor: Principal, id: string) {
    const [row] = await database.rows<{ owner: string; readable: boolean }>(sql`SELECT owner_org_id AS owner, ${readableProfile(actor.orgId)} AS readable FROM intel_profiles p WHERE id = ${id}::uuid`);
    if (!row || !row.readable) throw notFound('Profile');
    if (row.owner !== actor.orgId) throw forbidden('Only the administration that owns the profile changes it.');
  }

  async function list(actor: Principal): Promise<z.infer<typeof profileSummary>[]> {
    const rows = await database.rows<Record<string, unknown>>(sql`SELECT ${SUMMARY} FROM intel_profiles p JOIN identity_organisations o ON o.id = p.owner_org_id
      WHERE ${readableProfile(actor.orgId)} ORDER BY p.active DESC, p.updated_at DESC LIMIT 500`);
    return rows.map(shapeSummary);
  }

  async function get(actor: Principal, id: string): Promise<z.infer<typeof profileView>> {
    const [r] = await database.rows<Record<string, unknown>>(sql`SELECT ${SUMMARY}, p.narrative, p.owner_org_id AS "ownerOrgId", p.hs_prefixes, p.countries, p.route_countries,
        p.concealment_methods, p.detection_methods, p.transport_modes, p.conveyance_types, p.places, p.min_quantity::float8 AS min_quantity, p.quantity_unit,
        p.period_from::text AS period_from, p.period_to::text AS period_to,
        ARRAY(SELECT json_build_object('id', x.id, 'name', x.name)::text FROM identity_organisations x WHERE x.id = ANY(p.recipient_org_ids) ORDER BY x.name) AS recipients
      FROM intel_profiles p JOIN identity_organisations o ON o.id = p.owner_org_id WHERE p.id = ${id}::uuid AND ${readableProfile(actor.orgId)}`);
    if (!r) throw notFound('Profile');
    const s = await scopeOf(database, actor);
    return {
      ...shapeSummary(r),
      narrative: r.narrative as string,
      ownerOrgId: r.ownerOrgId as string,
      canEdit: r.ownerOrgId === actor.orgId && s.writer,
      recipientOrgs: (r.recipients as string[]).map((j) => JSON.parse(j) as { id: string; name: string }),
      indicators: {
        hsPrefixes: r.hs_prefixes as string[],
        countries: r.countries as string[],
        routeCountries: r.route_countries as string[],
        concealmentMethods: r.concealment_methods as string[],
        detectionMethods: r.detection_methods as string[],
        transportModes: r.transport_modes as Indicators['transportModes'],
        conveyanceTypes: r.conveyance_types as Indicators['conveyanceTypes'],
        places: r.places as string[],
        minQuantity: (r.min_quantity as number | null) ?? null,
        quantityUnit: (r.quantity_unit as Indicators['quantityUnit']) ?? null,
        periodFrom: (r.period_from as string | null) ?? null,
        periodTo: (r.period_to as string | null) ?? null,
      },
    };
  }

  /** The seizures the profile matched since it watches, newest first, with why. */
  async function matches(actor: Principal, id: string, limit = 200): Promise<z.infer<typeof matchRow>[]> {
    await get(actor, id);
    const rows = await database.rows<Record<string, unknown>>(sql`SELECT m.seizure_id AS "seizureId", s.reference, s.seized_at AS "seizedAt", s.country, m.reasons, m.matched_at AS "matchedAt"
      FROM profile_matches m JOIN seizures_validated s ON s.id = m.seizure_id WHERE m.profile_id = ${id} ORDER BY m.matched_at DESC, s.seized_at DESC LIMIT ${limit}`);
    return rows.map(shapeMatch);
  }

  /**
   * What the indicators would have matched among the validated seizures (in the period, if given): the
   * count, its share of all validated seizures of the period, and the newest `limit` with why.
   */
  async function backTest(i: Indicators, from: string | null, to: string | null, limit: number): Promise<z.infer<typeof backTestResult> & { all: number }> {
    const period: SQL[] = [];
    if (from) period.push(sql`s.seized_at >= ${from}::date`);
    if (to) period.push(sql`s.seized_at < (${to}::date + 1)`);
    const where = [...indicatorConditions(i), ...period];
    const whereSql = where.length ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``;
    const periodSql = period.length ? sql`WHERE ${sql.join(period, sql` AND `)}` : sql``;
    // A scan of a million rows is estimated costly enough for PostgreSQL's JIT, whose compiling costs more than it saves here.
    const read = <T>(q: SQL) =>
      database.kind === 'postgres'
        ? database.db.transaction(async (t) => {
            await t.execute(sql`SET LOCAL jit = off`);
            return execRows<T>(t, q);
          })
        : database.rows<T>(q);
    const [counts, rows] = await Promise.all([
      read<{ total: number; all: number }>(sql`SELECT (SELECT count(*)::int FROM seizures_validated s ${whereSql}) AS total,
        (SELECT count(*)::int FROM seizures_validated s ${periodSql}) AS "all"`),
      read<Record<string, unknown>>(sql`SELECT s.id AS "seizureId", s.reference, s.seized_at AS "seizedAt", s.country, ${matchReasons(literalSource(i))} AS reasons, NULL AS "matchedAt"
        FROM seizures_validated s ${whereSql} ORDER BY s.seized_at DESC, s.id LIMIT ${limit}`),
    ]);
    const { total, all } = counts[0];
    return { total, all, share: all ? total / all : 0, seizures: rows.map(shapeMatch) };
  }

  async function tryIndicators(i: Indicators, from: string | null, to: string | null, limit: number) {
    const errors: FieldError[] = [];
    if (!hasContentIndicator(i)) errors.push({ field: 'indicators', message: 'give at least one indicator besides the period' });
    if (errors.length) throw unprocessable(errors);
    const { all: _all, ...result } = await backTest(i, from, to, limit);
    return result;
  }

  return { create, update, list, get, matches, backTest: tryIndicators, check };
}

export type Profiles = ReturnType<typeof createProfiles>;

function shapeSummary(r: Record<string, unknown>): z.infer<typeof profileSummary> {
  return {
    id: r.id as string,
    reference: r.reference as string,
    title: r.title as string,
    riskArea: r.riskArea as z.infer<typeof profileSummary>['riskArea'],
    handling: r.handling as z.infer<typeof profileSummary>['handling'],
    active: r.active as boolean,
    ownerOrgName: r.ownerOrgName as string,
    matches: r.matches as number,
    lastMatchAt: isoTime(r.lastMatchAt as string | null),
    updatedAt: isoTime(r.updatedAt as string),
  };
}

function shapeMatch(r: Record<string, unknown>): z.infer<typeof matchRow> {
  return {
    seizureId: r.seizureId as string,
    reference: r.reference as string,
    seizedAt: isoTime(r.seizedAt as string),
    country: r.country as string,
    reasons: r.reasons as string[],
    matchedAt: isoTime(r.matchedAt as string | null),
  };
}
