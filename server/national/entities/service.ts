import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { AuditLog } from '../../platform/context.ts';
import { execRows, type Database, type Db } from '../../platform/db/database.ts';
import type { Principal } from '../../platform/http/access.ts';
import { conflict, notFound, Problem } from '../../platform/http/problem.ts';
import { RETENTION_YEARS, type EntityKind, type EntityLinkKind, type EntitySummary, type EntityView, type ParticipationRole } from '../entity-view.ts';
import type { BlindIndex } from './blind-index.ts';
import { parseFields } from './fields-schema.ts';
import { checkIdentifiers } from './identifier-checks.ts';
import { fieldsOf, loadRow, refreshKeys, ROW_COLUMNS, refreshReviewDate, summaryOf, type EntityRow, type Fields } from './store.ts';
import { resealEntityData, sealEntity } from './vault.ts';
import { entityView, type ViewDeps } from './view.ts';

export interface EntityDeps extends ViewDeps {
  database: Database;
  audit: AuditLog;
  index: BlindIndex;
  seizureLabels(ids: readonly string[]): Promise<Map<string, { reference: string; seizedAt: string; orgId: string }>>;
}

export interface Meta {
  ip?: string;
  requestId?: string;
}

const unprocessable = (errors: { field: string; message: string }[]) =>
  new Problem(422, 'Unprocessable Content', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);

/** Which kinds each link joins (from → to). */
const LINK_ENDS: Record<EntityLinkKind, [EntityKind[], EntityKind[]]> = {
  employee_of: [['person'], ['company']],
  director_of: [['person'], ['company']],
  uses_vehicle: [['person', 'company'], ['transport']],
  shares_address: [['person', 'company'], ['person', 'company']],
  shares_phone: [['person', 'company'], ['person', 'company']],
};

/** Checks fields by the schema of their kind and the identifier standards; refuses with every error at once. */
export function checkedFields(kind: EntityKind, raw: unknown) {
  const parsed = parseFields(kind, raw);
  if (!parsed.ok) throw unprocessable(parsed.errors);
  const { errors, warnings } = checkIdentifiers(kind, parsed.fields);
  if (errors.length) throw unprocessable(errors);
  return { fields: parsed.fields, warnings };
}

/**
 * The nominal entities of one administration: persons, companies, means of transport, documents. Every read
 * and write is in the audit chain, reads with the purpose the officer gave; no nominal value is in the audit.
 */
export function createEntities(deps: EntityDeps) {
  const { database, audit, sealer, index } = deps;
  const tx = <T>(fn: (t: Db) => Promise<T>) => database.db.transaction((t) => fn(t));

  /** An entity of the actor's administration, not merged away; 404 otherwise (another administration's entity is not shown to exist). */
  async function own(t: Db, actor: Principal, id: string, lock = false): Promise<EntityRow> {
    const row = await loadRow(t, id, lock);
    if (!row || row.orgId !== actor.orgId) throw notFound('Entity');
    return row;
  }

  /** Follows merges to the entity that stands for `id` today. */
  async function current(t: Db, actor: Principal, id: string, lock = false): Promise<EntityRow> {
    let row = await own(t, actor, id, lock);
    for (let i = 0; row.mergedInto && i < 20; i++) row = await own(t, actor, row.mergedInto, lock);
    return row;
  }

  /** The record after a change, read once the change is committed (its labels are read outside the transaction). */
  const viewOf = async (id: string, warnings: EntityView['warnings'] = []) => entityView(database.db, deps, (await loadRow(database.db, id))!, warnings);

  async function create(actor: Principal, input: { kind: EntityKind; fields: unknown; purpose: string }, meta: Meta = {}): Promise<EntityView> {
    const { fields, warnings } = checkedFields(input.kind, input.fields);
    const id = randomUUID();
    await tx(async (t) => {
      const sealed = sealEntity(sealer, fields);
      await t.execute(sql`INSERT INTO national_entities (id, kind, org_id, sealed_key, sealed_data, review_at, created_by)
        VALUES (${id}, ${input.kind}, ${actor.orgId}, ${sealed.sealedKey}, ${sealed.sealedData}, (now() + make_interval(years => ${RETENTION_YEARS}))::date, ${actor.userId})`);
      await refreshKeys(t, sealer, index, id);
      await audit.record({ actor, action: 'national.entity.create', targetType: 'national_entity', targetId: id, detail: { kind: input.kind, purpose: input.purpose }, ...meta }, t);
    });
    return viewOf(id, warnings);
  }

  async function get(actor: Principal, id: string, purpose: string, meta: Meta = {}): Promise<EntityView> {
    const row = await current(database.db, actor, id);
    await audit.record({ actor, action: 'national.entity.read', targetType: 'national_entity', targetId: row.id, detail: { purpose, ...(row.id !== id ? { asked: id } : {}) }, ...meta });
    return entityView(database.db, deps, row);
  }

  async function update(actor: Principal, id: string, input: { fields: unknown; version: number; purpose: string }, meta: Meta = {}): Promise<EntityView> {
    const warnings = await tx(async (t) => {
      const row = await own(t, actor, id, true);
      if (row.mergedInto) throw conflict('This entity was merged into another; edit the entity it was merged into.');
      if (row.version !== input.version) throw conflict(`The entity changed since you opened it (version ${row.version}, yours ${input.version}); open it again.`);
      const checked = checkedFields(row.kind, input.fields);
      await t.execute(sql`UPDATE national_entities SET sealed_data = ${resealEntityData(sealer, row.sealedKey, checked.fields)}, updated_at = now(), version = version + 1 WHERE id = ${id}`);
      await refreshKeys(t, sealer, index, id);
      await audit.record({ actor, action: 'national.entity.update', targetType: 'national_entity', targetId: id, detail: { purpose: input.purpose }, ...meta }, t);
      return checked.warnings;
    });
    return viewOf(id, warnings);
  }

  /** Deletion erases the sealed data, its key and the blind indexes (the row goes, with its links). */
  async function remove(actor: Principal, id: string, reason: string, meta: Meta = {}): Promise<void> {
    await tx(async (t) => {
      const row = await own(t, actor, id, true);
      const merged = await execRows<{ id: string }>(t, sql`SELECT id FROM national_entities WHERE merged_into = ${id}`);
      if (merged.length) throw conflict(`${merged.length} entity(ies) were merged into this one; undo those merges or delete them first.`);
      await t.execute(sql`DELETE FROM national_merges WHERE merged_id = ${id} OR survivor_id = ${id}`);
      await t.execute(sql`DELETE FROM national_entities WHERE id = ${id}`);
      await audit.record({ actor, action: 'national.entity.delete', targetType: 'national_entity', targetId: id, detail: { kind: row.kind, reason }, ...meta }, t);
    });
  }

  /** Past its review date, the owner keeps an entity for another retention period, with a reason. */
  async function keep(actor: Principal, id: string, reason: string, meta: Meta = {}): Promise<EntityView> {
    const target = await tx(async (t) => {
      await own(t, actor, id, true);
      await t.execute(sql`UPDATE national_entities SET kept_reason = ${reason}, kept_at = now(), updated_at = now(), version = version + 1 WHERE id = ${id}`);
      await refreshReviewDate(t, id, RETENTION_YEARS);
      await audit.record({ actor, action: 'national.entity.keep', targetType: 'national_entity', targetId: id, detail: { reason }, ...meta }, t);
      return id;
    });
    return viewOf(target);
  }

  async function linkSeizure(actor: Principal, id: string, seizureId: string, role: ParticipationRole, meta: Meta = {}): Promise<EntityView> {
    const seizure = (await deps.seizureLabels([seizureId])).get(seizureId);
    if (!seizure) throw unprocessable([{ field: 'body.seizureId', message: 'is not a seizure of this node' }]);
    if (seizure.orgId !== actor.orgId) throw unprocessable([{ field: 'body.seizureId', message: `is seizure ${seizure.reference} of another administration; only your administration's seizures can be linked` }]);
    const target = await tx(async (t) => {
      const row = await current(t, actor, id, true);
      await t.execute(sql`INSERT INTO national_entity_seizures (entity_id, seizure_id, role, event_at, created_by)
        VALUES (${row.id}, ${seizureId}, ${role}, ${seizure.seizedAt}, ${actor.userId}) ON CONFLICT DO NOTHING`);
      await refreshReviewDate(t, row.id, RETENTION_YEARS);
      await audit.record({ actor, action: 'national.entity.link_seizure', targetType: 'national_entity', targetId: row.id, detail: { seizureId, role }, ...meta }, t);
      return row.id;
    });
    return viewOf(target);
  }

  async function unlinkSeizure(actor: Principal, id: string, seizureId: string, role: ParticipationRole, meta: Meta = {}): Promise<EntityView> {
    const target = await tx(async (t) => {
      const row = await current(t, actor, id, true);
      const gone = await execRows(t, sql`DELETE FROM national_entity_seizures WHERE entity_id = ${row.id} AND seizure_id = ${seizureId} AND role = ${role} RETURNING 1`);
      if (!gone.length) throw notFound('Seizure link');
      await refreshReviewDate(t, row.id, RETENTION_YEARS);
      await audit.record({ actor, action: 'national.entity.unlink_seizure', targetType: 'national_entity', targetId: row.id, detail: { seizureId, role }, ...meta }, t);
      return row.id;
    });
    return viewOf(target);
  }

  async function link(actor: Principal, id: string, toId: string, kind: EntityLinkKind, meta: Meta = {}): Promise<EntityView> {
    const target = await tx(async (t) => {
      const from = await current(t, actor, id, true);
      let to: EntityRow;
      try {
        to = await current(t, actor, toId);
      } catch {
        throw unprocessable([{ field: 'body.toId', message: 'is not an entity of your administration' }]);
      }
      if (from.id === to.id) throw unprocessable([{ field: 'body.toId', message: 'is this entity itself' }]);
      const [fromKinds, toKinds] = LINK_ENDS[kind];
      if (!fromKinds.includes(from.kind) || !toKinds.includes(to.kind))
        throw unprocessable([{ field: 'body.kind', message: `${kind} links a ${fromKinds.join(' or ')} to a ${toKinds.join(' or ')}, not a ${from.kind} to a ${to.kind}` }]);
      await t.execute(sql`INSERT INTO national_entity_links (from_id, to_id, kind, created_by) VALUES (${from.id}, ${to.id}, ${kind}, ${actor.userId}) ON CONFLICT DO NOTHING`);
      await audit.record({ actor, action: 'national.entity.link', targetType: 'national_entity', targetId: from.id, detail: { toId: to.id, kind }, ...meta }, t);
      return from.id;
    });
    return viewOf(target);
  }

  async function unlink(actor: Principal, id: string, linkId: string, meta: Meta = {}): Promise<EntityView> {
    const target = await tx(async (t) => {
      const row = await current(t, actor, id, true);
      const gone = await execRows(t, sql`DELETE FROM national_entity_links WHERE id = ${linkId} AND (from_id = ${row.id} OR to_id = ${row.id}) RETURNING 1`);
      if (!gone.length) throw notFound('Link');
      await audit.record({ actor, action: 'national.entity.unlink', targetType: 'national_entity', targetId: row.id, detail: { linkId }, ...meta }, t);
      return row.id;
    });
    return viewOf(target);
  }

  /** Entities whose review date has passed (or passes before `before`), oldest first. */
  async function dueForReview(actor: Principal, before: string | undefined, purpose: string, meta: Meta = {}): Promise<EntitySummary[]> {
    const rows = await execRows<EntityRow>(database.db, sql`SELECT ${ROW_COLUMNS}
      FROM national_entities WHERE org_id = ${actor.orgId} AND merged_into IS NULL AND review_at <= ${before ?? sql`current_date`}::date
      ORDER BY review_at, id LIMIT 500`);
    await audit.record({ actor, action: 'national.entity.review_list', detail: { count: rows.length, purpose }, ...meta });
    return rows.map((r) => summaryOf(r, fieldsOf(sealer, r)));
  }

  return { create, get, update, remove, keep, linkSeizure, unlinkSeizure, link, unlink, dueForReview, own, current, viewOf };
}

export type Entities = ReturnType<typeof createEntities>;
export type { Fields };
