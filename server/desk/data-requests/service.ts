import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.ts';
import { type Db, execRows } from '../../platform/db/database.ts';
import type { Principal } from '../../platform/http/access.ts';
import { conflict, forbidden, notFound, Problem } from '../../platform/http/problem.ts';
import { textArray } from '../../platform/db/pg-array.ts';
import { isoTime } from '../../platform/db/timestamps.ts';
import { DIMENSION_KEYS, EXTRACT_FIELD_KEYS, type ExtractFieldKey, type SeizureExtracts } from '../../seizures/index.ts';
import { isI2cStaff } from '../desk-view.ts';
import { LINK_DAYS, type DataRequest, type DataRequestScope, type DataRequestStatus } from './data-requests-view.ts';
import { extractStream, type ExtractPart } from './extract-file.ts';
import type { DecisionInput, ListQuery, RequestInput, ScopeInput } from './schema.ts';

type Ctx = Pick<AppContext, 'database' | 'audit' | 'log'> & { config: Pick<AppContext['config'], 'dataRequestMinCell'> };
type Meta = { ip?: string; requestId?: string };

const unprocessable = (field: string, message: string) => new Problem(422, 'Unprocessable Content', `${field}: ${message}`, [{ field, message }]);
const gone = (detail: string) => new Problem(410, 'Gone', detail);

/** Fulfilled with a link past its expiry reads as expired (nothing to update: the clock decides). */
const STATUS = sql`CASE WHEN r.status = 'fulfilled' AND r.expires_at <= now() THEN 'expired' ELSE r.status END`;
const COLUMNS = sql`r.id, r.reference, r.org_id AS "orgId", o.name AS "orgName", o.short_name AS "orgShortName", r.requester_id AS "requesterId",
  coalesce(u.display_name, '') AS "requesterName", r.record_level AS "recordLevel", r.purpose, r.format,
  r.period_from::text AS "from", r.period_to::text AS "to", r.risk_areas AS "riskAreas", r.regions, r.fields,
  r.approved_from::text AS "approvedFrom", r.approved_to::text AS "approvedTo", r.approved_risk_areas AS "approvedRiskAreas",
  r.approved_regions AS "approvedRegions", r.approved_fields AS "approvedFields", ${STATUS} AS status, r.decision_reason AS "decisionReason",
  d.display_name AS "decidedBy", r.decided_at AS "decidedAt", r.fulfilled_at AS "fulfilledAt", r.download_token AS token,
  r.expires_at AS "expiresAt", r.expires_at <= now() AS expired, r.downloads, r.created_at AS "createdAt"`;
const FROM = sql`data_requests r JOIN identity_organisations o ON o.id = r.org_id
  LEFT JOIN identity_users u ON u.id = r.requester_id LEFT JOIN identity_users d ON d.id = r.decided_by`;

type Row = {
  id: string; reference: string; orgId: string; orgName: string; orgShortName: string; requesterId: string; requesterName: string;
  recordLevel: boolean; purpose: string; format: 'csv' | 'xlsx'; from: string; to: string; riskAreas: string[]; regions: string[]; fields: string[];
  approvedFrom: string | null; approvedTo: string | null; approvedRiskAreas: string[] | null; approvedRegions: string[] | null; approvedFields: string[] | null;
  status: DataRequestStatus; decisionReason: string | null; decidedBy: string | null; decidedAt: Date | string | null; fulfilledAt: Date | string | null;
  token: string | null; expiresAt: Date | string | null; expired: boolean | null; downloads: number; createdAt: Date | string;
};

export const downloadPath = (token: string) => `/api/v1/data-requests/download/${token}`;

function view(r: Row, withLink: boolean): DataRequest {
  const approved: DataRequestScope | null = r.approvedFrom
    ? { from: r.approvedFrom, to: r.approvedTo!, riskAreas: r.approvedRiskAreas ?? [], regions: r.approvedRegions ?? [], fields: r.approvedFields ?? [] }
    : null;
  return {
    id: r.id, reference: r.reference, orgId: r.orgId, orgName: r.orgName, orgShortName: r.orgShortName, requesterId: r.requesterId,
    requesterName: r.requesterName, recordLevel: r.recordLevel, purpose: r.purpose, format: r.format,
    requested: { from: r.from, to: r.to, riskAreas: r.riskAreas, regions: r.regions, fields: r.fields },
    approved, status: r.status, decisionReason: r.decisionReason, decidedBy: r.decidedBy, decidedAt: isoTime(r.decidedAt), fulfilledAt: isoTime(r.fulfilledAt),
    download: withLink && r.token && r.expiresAt
      ? { path: downloadPath(r.token), dictionaryPath: `${downloadPath(r.token)}/dictionary`, expiresAt: isoTime(r.expiresAt), expired: !!r.expired }
      : null,
    downloads: Number(r.downloads), createdAt: isoTime(r.createdAt),
  };
}

/** Wider in any respect than `outer`: the names of what is wider (a list empty means "all"). */
export function widerThan(inner: DataRequestScope, outer: DataRequestScope): string[] {
  const wider: string[] = [];
  const notWithin = (a: string[], b: string[]) => (b.length === 0 ? false : a.length === 0 || a.some((x) => !b.includes(x)));
  if (inner.from < outer.from) wider.push('from');
  if (inner.to > outer.to) wider.push('to');
  if (notWithin(inner.riskAreas, outer.riskAreas)) wider.push('riskAreas');
  if (notWithin(inner.regions, outer.regions)) wider.push('regions');
  if (inner.fields.some((f) => !outer.fields.includes(f))) wider.push('fields');
  return wider;
}

const sameScope = (a: DataRequestScope, b: DataRequestScope) => {
  const eq = (x: string[], y: string[]) => x.length === y.length && x.every((v) => y.includes(v));
  return a.from === b.from && a.to === b.to && eq(a.riskAreas, b.riskAreas) && eq(a.regions, b.regions) && eq(a.fields, b.fields);
};

/**
 * Requests for WCO data: filed by a member administration or a partner organisation, decided by the I2C
 * (approved, narrowed or refused with a reason), fulfilled by an extract whose link expires. The extract is
 * generated from the seizure database at each download, as of the moment of fulfilment.
 */
export function createDataRequests(ctx: Ctx, extracts: SeizureExtracts) {
  const { database, audit } = ctx;

  /** Only fields of the allowlist; a partner's only those an aggregate can be broken down by. */
  function checkFields(fields: string[], recordLevel: boolean): ExtractFieldKey[] {
    const unknown = fields.filter((f) => !EXTRACT_FIELD_KEYS.includes(f as ExtractFieldKey));
    if (unknown.length) throw unprocessable('fields', `${unknown.join(', ')}: not a field an extract may have (allowed: ${EXTRACT_FIELD_KEYS.join(', ')})`);
    if (!recordLevel) {
      const notDims = fields.filter((f) => !DIMENSION_KEYS.includes(f as ExtractFieldKey));
      if (notDims.length) throw unprocessable('fields', `${notDims.join(', ')}: a partner organisation receives aggregates only, broken down by ${DIMENSION_KEYS.join(', ')}`);
    }
    return [...new Set(fields)] as ExtractFieldKey[];
  }

  async function create(actor: Principal, input: RequestInput, meta: Meta = {}): Promise<string> {
    return database.db.transaction(async (t) => {
      const [org] = await execRows<{ kind: string }>(t, sql`SELECT kind FROM identity_organisations WHERE id = ${actor.orgId}`);
      if (!org) throw notFound('Organisation');
      const recordLevel = org.kind !== 'partner';
      const fields = checkFields(input.fields, recordLevel);
      const [row] = await execRows<{ id: string; reference: string }>(t, sql`INSERT INTO data_requests (reference, org_id, requester_id, record_level, purpose, format,
          period_from, period_to, risk_areas, regions, fields)
        VALUES ('DR-' || extract(year FROM now())::int || '-' || lpad(nextval('data_request_reference_seq')::text, 4, '0'), ${actor.orgId}, ${actor.userId}, ${recordLevel},
          ${input.purpose}, ${input.format}, ${input.from}::date, ${input.to}::date, ${textArray([...new Set(input.riskAreas)])}, ${textArray([...new Set(input.regions)])}, ${textArray(fields)})
        RETURNING id, reference`);
      await audit.record({ actor, action: 'data_request.create', targetType: 'data_request', targetId: row.id, detail: { reference: row.reference, recordLevel, fields }, ...meta }, t);
      return row.id;
    });
  }

  async function one(t: Db | null, id: string): Promise<Row | undefined> {
    const q = sql`SELECT ${COLUMNS} FROM ${FROM} WHERE r.id = ${id}`;
    const [row] = t ? await execRows<Row>(t, q) : await database.rows<Row>(q);
    return row;
  }

  /** A request its own organisation or the I2C reads; another organisation's is not found (not even its existence leaks). */
  async function get(actor: Principal, id: string): Promise<DataRequest> {
    const row = await one(null, id);
    if (!row || (row.orgId !== actor.orgId && !isI2cStaff(actor.roles))) throw notFound('Data request');
    return view(row, true);
  }

  async function list(actor: Principal, q: ListQuery): Promise<DataRequest[]> {
    const where: SQL[] = [sql`true`];
    if (!isI2cStaff(actor.roles)) where.push(sql`r.org_id = ${actor.orgId}`);
    if (q.status) where.push(sql`${STATUS} = ${q.status}`);
    const rows = await database.rows<Row>(sql`SELECT ${COLUMNS} FROM ${FROM} WHERE ${sql.join(where, sql` AND `)} ORDER BY r.created_at DESC, r.id LIMIT ${q.limit}`);
    return rows.map((r) => view(r, true));
  }

  /** The I2C's decision, once: approve as asked, narrow (never wider), or refuse; narrowing and refusing need a reason. */
  async function decide(actor: Principal, id: string, input: DecisionInput, meta: Meta = {}) {
    if (!isI2cStaff(actor.roles)) throw forbidden('Only the I2C decides on a data request.');
    await database.db.transaction(async (t) => {
      await t.execute(sql`SELECT 1 FROM data_requests WHERE id = ${id} FOR UPDATE`);
      const row = await one(t, id);
      if (!row) throw notFound('Data request');
      if (row.status !== 'submitted') throw conflict(`This request was already decided (${row.status}).`);
      const reason = input.reason.trim();
      const requested: DataRequestScope = { from: row.from, to: row.to, riskAreas: row.riskAreas, regions: row.regions, fields: row.fields };
      if (input.decision === 'refuse') {
        if (!reason) throw unprocessable('reason', 'a refusal needs a reason, which the requester reads');
        await t.execute(sql`UPDATE data_requests SET status = 'refused', decision_reason = ${reason}, decided_by = ${actor.userId}, decided_at = now(), updated_at = now() WHERE id = ${id}`);
      } else {
        let approved = requested;
        if (input.decision === 'narrow') {
          if (!reason) throw unprocessable('reason', 'say why the scope is narrowed');
          if (!input.scope) throw unprocessable('scope', 'give the narrower scope approved');
          approved = dedupe(input.scope);
          checkFields(approved.fields, row.recordLevel);
          const wider = widerThan(approved, requested);
          if (wider.length) throw unprocessable(wider[0], `${wider.join(', ')}: wider than requested; a request may be narrowed, never widened`);
          if (sameScope(approved, requested)) throw unprocessable('scope', 'this is the scope requested: approve it rather than narrow it');
        }
        await t.execute(sql`UPDATE data_requests SET status = ${input.decision === 'narrow' ? 'narrowed' : 'approved'}, decision_reason = ${reason || null},
          approved_from = ${approved.from}::date, approved_to = ${approved.to}::date, approved_risk_areas = ${textArray(approved.riskAreas)},
          approved_regions = ${textArray(approved.regions)}, approved_fields = ${textArray(approved.fields)},
          decided_by = ${actor.userId}, decided_at = now(), updated_at = now() WHERE id = ${id}`);
      }
      await audit.record({ actor, action: `data_request.${input.decision}`, targetType: 'data_request', targetId: id, detail: { reference: row.reference, reason }, ...meta }, t);
    });
  }

  /** Issues the extract's link (again, once expired): figures as of now, for LINK_DAYS days. */
  async function fulfil(actor: Principal, id: string, meta: Meta = {}) {
    if (!isI2cStaff(actor.roles)) throw forbidden('Only the I2C fulfils a data request.');
    await database.db.transaction(async (t) => {
      await t.execute(sql`SELECT 1 FROM data_requests WHERE id = ${id} FOR UPDATE`);
      const row = await one(t, id);
      if (!row) throw notFound('Data request');
      if (!['approved', 'narrowed', 'fulfilled', 'expired'].includes(row.status)) throw conflict(`Only an approved request is fulfilled; this one is ${row.status}.`);
      const token = randomBytes(24).toString('base64url');
      await t.execute(sql`UPDATE data_requests SET status = 'fulfilled', fulfilled_at = now(), fulfilled_by = ${actor.userId}, download_token = ${token},
        expires_at = now() + make_interval(days => ${LINK_DAYS}), updated_at = now() WHERE id = ${id}`);
      await audit.record({ actor, action: 'data_request.fulfil', targetType: 'data_request', targetId: id, detail: { reference: row.reference, days: LINK_DAYS }, ...meta }, t);
    });
  }

  /**
   * The extract (or its data dictionary) behind a link: for the requesting organisation or the I2C, until the
   * link expires (410 after). Every download is audited and counted.
   */
  async function download(actor: Principal, token: string, part: ExtractPart, meta: Meta = {}): Promise<{ stream: Readable; fileName: string; contentType: string }> {
    const [found] = await database.rows<{ id: string }>(sql`SELECT id FROM data_requests WHERE download_token = ${token}`);
    const row = found && (await one(null, found.id));
    if (!row || (row.orgId !== actor.orgId && !isI2cStaff(actor.roles))) throw notFound('Download link');
    if (row.expired) throw gone(`This download link expired on ${isoTime(row.expiresAt!)}; ask the I2C for a new one.`);
    const approved = view(row, false).approved!;
    await database.rows(sql`UPDATE data_requests SET downloads = downloads + 1 WHERE id = ${row.id}`);
    await audit.record({ actor, action: 'data_request.download', targetType: 'data_request', targetId: row.id, detail: { reference: row.reference, part, format: row.format, recordLevel: row.recordLevel }, ...meta });
    return extractStream(ctx, extracts, {
      reference: row.reference, purpose: row.purpose, orgName: row.orgName, recordLevel: row.recordLevel, format: row.format,
      scope: approved, asOf: isoTime(row.fulfilledAt!), k: ctx.config.dataRequestMinCell,
    }, part);
  }

  return { create, get, list, decide, fulfil, download };
}

const dedupe = (s: ScopeInput): DataRequestScope => ({ from: s.from, to: s.to, riskAreas: [...new Set(s.riskAreas)], regions: [...new Set(s.regions)], fields: [...new Set(s.fields)] });

export type DataRequests = ReturnType<typeof createDataRequests>;
