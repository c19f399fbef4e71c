import { sql } from 'drizzle-orm';
import { execRows, type Db } from '../../platform/db/database.ts';
import type { Principal } from '../../platform/http/access.ts';
import { conflict, notFound, Problem } from '../../platform/http/problem.ts';
import { RETENTION_YEARS, type EntityView } from '../entity-view.ts';
import { refreshKeys, refreshReviewDate } from './store.ts';
import type { EntityDeps, Entities, Meta } from './service.ts';

/** What a merge moved from the merged entity to the survivor, to put back on undo. */
interface Moved {
  seizures: { seizureId: string; role: string; eventAt: string; added: boolean }[];
  cases: { caseId: string; role: string; added: boolean }[];
  links: { id: string; fromId: string; toId: string; kind: string; addedId: string | null }[];
}

/**
 * Merging two records of one person (or company…): the merged entity keeps its sealed data and points to the
 * survivor, its links move to the survivor, and what moved is written down so that undo splits them again.
 */
export function createMerges(deps: Pick<EntityDeps, 'database' | 'audit' | 'sealer' | 'index'>, entities: Entities) {
  const { database, audit, sealer, index } = deps;

  async function merge(actor: Principal, survivorId: string, otherId: string, reason: string, meta: Meta = {}): Promise<EntityView> {
    const id = await database.db.transaction(async (t: Db) => {
      const survivor = await entities.current(t, actor, survivorId, true);
      let other;
      try {
        other = await entities.own(t, actor, otherId, true);
      } catch {
        throw new Problem(422, 'Unprocessable Content', 'body.otherId: is not an entity of your administration', [{ field: 'body.otherId', message: 'is not an entity of your administration' }]);
      }
      if (other.mergedInto) throw conflict('That entity is already merged into another.');
      if (other.id === survivor.id) throw new Problem(422, 'Unprocessable Content', 'body.otherId: is this entity itself', [{ field: 'body.otherId', message: 'is this entity itself' }]);
      if (other.kind !== survivor.kind)
        throw new Problem(422, 'Unprocessable Content', `A ${other.kind} cannot be merged with a ${survivor.kind}.`, [{ field: 'body.otherId', message: `is a ${other.kind}, this entity is a ${survivor.kind}` }]);
      const [s, o] = [survivor.id, other.id];
      const moved: Moved = { seizures: [], cases: [], links: [] };
      for (const r of await execRows<{ seizureId: string; role: string; eventAt: string }>(t, sql`DELETE FROM national_entity_seizures WHERE entity_id = ${o}
          RETURNING seizure_id AS "seizureId", role, event_at::text AS "eventAt"`)) {
        const added = await execRows(t, sql`INSERT INTO national_entity_seizures (entity_id, seizure_id, role, event_at, created_by)
          VALUES (${s}, ${r.seizureId}, ${r.role}, ${r.eventAt}::timestamptz, ${actor.userId}) ON CONFLICT DO NOTHING RETURNING 1`);
        moved.seizures.push({ ...r, added: added.length > 0 });
      }
      for (const r of await execRows<{ caseId: string; role: string }>(t, sql`DELETE FROM national_case_entities WHERE entity_id = ${o} RETURNING case_id AS "caseId", role`)) {
        const added = await execRows(t, sql`INSERT INTO national_case_entities (case_id, entity_id, role) VALUES (${r.caseId}, ${s}, ${r.role}) ON CONFLICT DO NOTHING RETURNING 1`);
        moved.cases.push({ ...r, added: added.length > 0 });
      }
      for (const l of await execRows<{ id: string; fromId: string; toId: string; kind: string }>(t, sql`DELETE FROM national_entity_links
          WHERE from_id = ${o} OR to_id = ${o} RETURNING id, from_id AS "fromId", to_id AS "toId", kind`)) {
        const [from, to] = [l.fromId === o ? s : l.fromId, l.toId === o ? s : l.toId];
        const added = from === to ? [] : await execRows<{ id: string }>(t, sql`INSERT INTO national_entity_links (from_id, to_id, kind, created_by)
          VALUES (${from}, ${to}, ${l.kind}, ${actor.userId}) ON CONFLICT DO NOTHING RETURNING id`);
        moved.links.push({ ...l, addedId: added[0]?.id ?? null });
      }
      await t.execute(sql`UPDATE national_entities SET merged_into = ${s}, updated_at = now(), version = version + 1 WHERE id = ${o}`);
      await t.execute(sql`UPDATE national_entities SET updated_at = now(), version = version + 1 WHERE id = ${s}`);
      const [m] = await execRows<{ id: string }>(t, sql`INSERT INTO national_merges (survivor_id, merged_id, moved, reason, merged_by)
        VALUES (${s}, ${o}, ${JSON.stringify(moved)}::jsonb, ${reason}, ${actor.userId}) RETURNING id`);
      await t.execute(sql`DELETE FROM national_blind_keys WHERE entity_id = ${o}`);
      await refreshKeys(t, sealer, index, s);
      await refreshReviewDate(t, s, RETENTION_YEARS);
      await audit.record({ actor, action: 'national.entity.merge', targetType: 'national_entity', targetId: s, detail: { mergedId: o, mergeId: m!.id, reason }, ...meta }, t);
      return s;
    });
    return entities.viewOf(id);
  }

  /** Splits a merge: the merged entity stands alone again with what it brought; links made since stay with the survivor. */
  async function undo(actor: Principal, mergeId: string, reason: string, meta: Meta = {}): Promise<EntityView> {
    const id = await database.db.transaction(async (t: Db) => {
      const [m] = await execRows<{ survivorId: string; mergedId: string; moved: Moved | string; undoneAt: string | null }>(t, sql`SELECT survivor_id AS "survivorId",
        merged_id AS "mergedId", moved, undone_at AS "undoneAt" FROM national_merges WHERE id = ${mergeId} FOR UPDATE`);
      if (!m) throw notFound('Merge');
      const survivor = await entities.own(t, actor, m.survivorId, true);
      if (m.undoneAt) throw conflict('This merge was undone already.');
      if (survivor.mergedInto) throw conflict('The survivor was merged into another entity since; undo that merge first.');
      const moved: Moved = typeof m.moved === 'string' ? (JSON.parse(m.moved) as Moved) : m.moved;
      const [s, o] = [m.survivorId, m.mergedId];
      for (const r of moved.seizures) {
        if (r.added) await t.execute(sql`DELETE FROM national_entity_seizures WHERE entity_id = ${s} AND seizure_id = ${r.seizureId} AND role = ${r.role}`);
        await t.execute(sql`INSERT INTO national_entity_seizures (entity_id, seizure_id, role, event_at, created_by)
          VALUES (${o}, ${r.seizureId}, ${r.role}, ${r.eventAt}::timestamptz, ${actor.userId}) ON CONFLICT DO NOTHING`);
      }
      for (const r of moved.cases) {
        if (r.added) await t.execute(sql`DELETE FROM national_case_entities WHERE case_id = ${r.caseId} AND entity_id = ${s} AND role = ${r.role}`);
        await t.execute(sql`INSERT INTO national_case_entities (case_id, entity_id, role) VALUES (${r.caseId}, ${o}, ${r.role}) ON CONFLICT DO NOTHING`);
      }
      for (const l of moved.links) {
        if (l.addedId) await t.execute(sql`DELETE FROM national_entity_links WHERE id = ${l.addedId}`);
        await t.execute(sql`INSERT INTO national_entity_links (from_id, to_id, kind, created_by)
          SELECT ${l.fromId}::uuid, ${l.toId}::uuid, ${l.kind}, ${actor.userId} WHERE EXISTS (SELECT 1 FROM national_entities WHERE id = ${l.fromId === o ? l.toId : l.fromId})
          ON CONFLICT DO NOTHING`);
      }
      await t.execute(sql`UPDATE national_entities SET merged_into = NULL, updated_at = now(), version = version + 1 WHERE id = ${o}`);
      await t.execute(sql`UPDATE national_merges SET undone_by = ${actor.userId}, undone_at = now() WHERE id = ${mergeId}`);
      await refreshKeys(t, sealer, index, s);
      await refreshKeys(t, sealer, index, o);
      await refreshReviewDate(t, s, RETENTION_YEARS);
      await refreshReviewDate(t, o, RETENTION_YEARS);
      await audit.record({ actor, action: 'national.entity.unmerge', targetType: 'national_entity', targetId: o, detail: { survivorId: s, mergeId, reason }, ...meta }, t);
      return o;
    });
    return entities.viewOf(id);
  }

  return { merge, undo };
}

export type Merges = ReturnType<typeof createMerges>;
