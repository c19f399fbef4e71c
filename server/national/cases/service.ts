import { sql } from 'drizzle-orm';
import type { AuditLog } from '../../platform/context.ts';
import type { Sealer } from '../../platform/crypto/sealer.ts';
import { execRows, type Database, type Db } from '../../platform/db/database.ts';
import type { Principal } from '../../platform/http/access.ts';
import { notFound, Problem } from '../../platform/http/problem.ts';
import type { CaseStatus, CaseSummary, CaseView, ParticipationRole } from '../entity-view.ts';
import type { Entities, Meta } from '../entities/service.ts';
import { summaries } from '../entities/store.ts';

export interface CaseDeps {
  database: Database;
  audit: AuditLog;
  sealer: Sealer;
  entities: Entities;
  seizureLabels(ids: readonly string[]): Promise<Map<string, { reference: string; seizedAt: string; orgId: string }>>;
}

export interface CaseInput {
  offenceType: string;
  legalBasis: string;
  status?: CaseStatus;
  summary?: string | null;
  officerId?: string;
}

const unprocessable = (field: string, message: string) => new Problem(422, 'Unprocessable Content', `${field}: ${message}`, [{ field, message }]);
const TIME = (col: string) => sql.raw(`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`);

/** Cases (offences): seizures and entities grouped, with status, offence type, legal basis and the officer in charge. */
export function createCases(deps: CaseDeps) {
  const { database, audit, sealer, entities } = deps;

  async function officerOf(t: Db, actor: Principal, officerId: string): Promise<void> {
    const [u] = await execRows(t, sql`SELECT 1 FROM identity_users WHERE id = ${officerId} AND org_id = ${actor.orgId} AND NOT disabled AND NOT system`);
    if (!u) throw unprocessable('body.officerId', 'is not an active officer of your administration');
  }

  async function row(t: Db, actor: Principal, id: string, lock = false) {
    const [c] = await execRows<{ id: string; reference: string; status: CaseStatus; offenceType: string; legalBasis: string; officerId: string; officerName: string | null;
      sealedSummary: string | null; createdAt: string; updatedAt: string }>(t, sql`SELECT c.id, c.reference, c.status, c.offence_type AS "offenceType",
        c.legal_basis AS "legalBasis", c.officer_id AS "officerId", u.display_name AS "officerName", c.sealed_summary AS "sealedSummary",
        ${TIME('c.created_at')} AS "createdAt", ${TIME('c.updated_at')} AS "updatedAt"
      FROM national_cases c LEFT JOIN identity_users u ON u.id = c.officer_id WHERE c.id = ${id} AND c.org_id = ${actor.orgId} ${lock ? sql`FOR UPDATE OF c` : sql``}`);
    if (!c) throw notFound('Case');
    return c;
  }

  async function view(t: Db, actor: Principal, id: string): Promise<CaseView> {
    const { sealedSummary, officerName, ...c } = await row(t, actor, id);
    const seizureIds = (await execRows<{ id: string }>(t, sql`SELECT seizure_id AS id FROM national_case_seizures WHERE case_id = ${id}`)).map((r) => r.id);
    const labels = await deps.seizureLabels(seizureIds);
    const links = await execRows<{ entityId: string; role: ParticipationRole }>(t, sql`SELECT entity_id AS "entityId", role FROM national_case_entities WHERE case_id = ${id} ORDER BY role`);
    const people = await summaries(t, sealer, links.map((l) => l.entityId));
    return {
      ...c,
      officerName: officerName ?? '?',
      summary: sealedSummary ? sealer.open(sealedSummary) : null,
      seizures: seizureIds.flatMap((s) => (labels.has(s) ? [{ seizureId: s, reference: labels.get(s)!.reference, seizedAt: labels.get(s)!.seizedAt }] : [])).sort((a, b) => b.seizedAt.localeCompare(a.seizedAt)),
      entities: links.filter((l) => people.has(l.entityId)).map((l) => ({ entity: people.get(l.entityId)!, role: l.role })),
    };
  }

  async function list(actor: Principal, filter: { status?: CaseStatus; q?: string }): Promise<CaseSummary[]> {
    const q = filter.q?.trim();
    return database.rows<CaseSummary>(sql`SELECT c.id, c.reference, c.status, c.offence_type AS "offenceType", COALESCE(u.display_name, '?') AS "officerName",
        (SELECT count(*)::int FROM national_case_seizures s WHERE s.case_id = c.id) AS "seizureCount",
        (SELECT count(*)::int FROM national_case_entities e WHERE e.case_id = c.id) AS "entityCount", ${TIME('c.updated_at')} AS "updatedAt"
      FROM national_cases c LEFT JOIN identity_users u ON u.id = c.officer_id
      WHERE c.org_id = ${actor.orgId} ${filter.status ? sql`AND c.status = ${filter.status}` : sql``}
        ${q ? sql`AND (c.reference ILIKE ${'%' + q + '%'} OR c.offence_type ILIKE ${'%' + q + '%'})` : sql``}
      ORDER BY c.updated_at DESC LIMIT 500`);
  }

  async function create(actor: Principal, input: CaseInput, meta: Meta = {}): Promise<CaseView> {
    const created = await database.db.transaction(async (t: Db) => {
      const officerId = input.officerId ?? actor.userId;
      await officerOf(t, actor, officerId);
      const [{ id }] = await execRows<{ id: string }>(t, sql`INSERT INTO national_cases (reference, org_id, status, offence_type, legal_basis, officer_id, sealed_summary, created_by)
        VALUES ('NC-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('national_case_number')::text, 5, '0'), ${actor.orgId}, ${input.status ?? 'open'},
          ${input.offenceType}, ${input.legalBasis}, ${officerId}, ${input.summary ? sealer.seal(input.summary) : null}, ${actor.userId}) RETURNING id`);
      await audit.record({ actor, action: 'national.case.create', targetType: 'national_case', targetId: id, ...meta }, t);
      return id;
    });
    return view(database.db, actor, created);
  }

  async function get(actor: Principal, id: string, purpose: string, meta: Meta = {}): Promise<CaseView> {
    const v = await view(database.db, actor, id);
    await audit.record({ actor, action: 'national.case.read', targetType: 'national_case', targetId: id, detail: { purpose }, ...meta });
    return v;
  }

  async function update(actor: Principal, id: string, input: Required<Omit<CaseInput, 'summary'>> & { summary: string | null }, meta: Meta = {}): Promise<CaseView> {
    await database.db.transaction(async (t: Db) => {
      await row(t, actor, id, true);
      await officerOf(t, actor, input.officerId);
      await t.execute(sql`UPDATE national_cases SET status = ${input.status}, offence_type = ${input.offenceType}, legal_basis = ${input.legalBasis},
        officer_id = ${input.officerId}, sealed_summary = ${input.summary ? sealer.seal(input.summary) : null}, updated_at = now() WHERE id = ${id}`);
      await audit.record({ actor, action: 'national.case.update', targetType: 'national_case', targetId: id, detail: { status: input.status }, ...meta }, t);
    });
    return view(database.db, actor, id);
  }

  /** Adds or removes one link of the case, in a transaction, then answers the case. */
  async function change(actor: Principal, id: string, action: string, detail: Record<string, unknown>, step: (t: Db) => Promise<void>, meta: Meta) {
    await database.db.transaction(async (t: Db) => {
      await row(t, actor, id, true);
      await step(t);
      await t.execute(sql`UPDATE national_cases SET updated_at = now() WHERE id = ${id}`);
      await audit.record({ actor, action, targetType: 'national_case', targetId: id, detail, ...meta }, t);
    });
    // Read once committed: the seizure labels come from outside the transaction.
    return view(database.db, actor, id);
  }

  async function addSeizure(actor: Principal, id: string, seizureId: string, meta: Meta = {}) {
    const s = (await deps.seizureLabels([seizureId])).get(seizureId);
    if (!s) throw unprocessable('body.seizureId', 'is not a seizure of this node');
    if (s.orgId !== actor.orgId) throw unprocessable('body.seizureId', `is seizure ${s.reference} of another administration`);
    return change(actor, id, 'national.case.add_seizure', { seizureId }, async (t) => {
      await t.execute(sql`INSERT INTO national_case_seizures (case_id, seizure_id) VALUES (${id}, ${seizureId}) ON CONFLICT DO NOTHING`);
    }, meta);
  }

  const removeSeizure = (actor: Principal, id: string, seizureId: string, meta: Meta = {}) =>
    change(actor, id, 'national.case.remove_seizure', { seizureId }, async (t) => {
      if (!(await execRows(t, sql`DELETE FROM national_case_seizures WHERE case_id = ${id} AND seizure_id = ${seizureId} RETURNING 1`)).length) throw notFound('Seizure of the case');
    }, meta);

  const addEntity = (actor: Principal, id: string, entityId: string, role: ParticipationRole, meta: Meta = {}) =>
    change(actor, id, 'national.case.add_entity', { entityId, role }, async (t) => {
      let entity;
      try {
        entity = await entities.current(t, actor, entityId);
      } catch {
        throw unprocessable('body.entityId', 'is not an entity of your administration');
      }
      await t.execute(sql`INSERT INTO national_case_entities (case_id, entity_id, role) VALUES (${id}, ${entity.id}, ${role}) ON CONFLICT DO NOTHING`);
    }, meta);

  const removeEntity = (actor: Principal, id: string, entityId: string, role: ParticipationRole, meta: Meta = {}) =>
    change(actor, id, 'national.case.remove_entity', { entityId, role }, async (t) => {
      if (!(await execRows(t, sql`DELETE FROM national_case_entities WHERE case_id = ${id} AND entity_id = ${entityId} AND role = ${role} RETURNING 1`)).length)
        throw notFound('Entity of the case');
    }, meta);

  return { list, create, get, update, addSeizure, removeSeizure, addEntity, removeEntity };
}

export type Cases = ReturnType<typeof createCases>;
