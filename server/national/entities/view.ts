import { sql } from 'drizzle-orm';
import type { Sealer } from '../../platform/crypto/sealer.ts';
import { execRows, type Db } from '../../platform/db/database.ts';
import type { EntityLinkKind, EntityView, FieldWarning, ParticipationRole, WatchListHit } from '../entity-view.ts';
import { checkedIdentifiers } from './identifier-checks.ts';
import { fieldsOf, summaries, summaryOf, type EntityRow, type Fields } from './store.ts';

export interface ViewDeps {
  sealer: Sealer;
  seizureLabels(ids: readonly string[]): Promise<Map<string, { reference: string; seizedAt: string }>>;
  /** Watch-list hits on one identifier (exact keys); none when screening is not at hand. */
  screen?(identifier: string): Promise<{ list: string; recordId: string }[]>;
}

/** Screens the identifiers of an entity against the watch lists: a recorded document, VIN or container that is listed shows at once. */
export async function watchListHits(deps: ViewDeps, kind: string, fields: Fields): Promise<WatchListHit[]> {
  if (!deps.screen) return [];
  const out: WatchListHit[] = [];
  const plate = kind === 'transport' && typeof fields.plate === 'string' ? [{ path: 'plate', value: fields.plate }] : [];
  for (const id of [...checkedIdentifiers(kind, fields), ...plate]) {
    for (const hit of await deps.screen(id.value)) out.push({ field: id.path, list: hit.list, recordId: hit.recordId, identifier: id.value });
  }
  return out;
}

/** The whole record of an entity: fields, links to seizures, entities and cases, merges, hits. */
export async function entityView(t: Db, deps: ViewDeps, row: EntityRow, warnings: FieldWarning[] = []): Promise<EntityView> {
  const fields = fieldsOf(deps.sealer, row);
  const seizureRows = await execRows<{ seizureId: string; role: ParticipationRole }>(t, sql`SELECT seizure_id AS "seizureId", role
    FROM national_entity_seizures WHERE entity_id = ${row.id} ORDER BY event_at DESC, role`);
  const labels = await deps.seizureLabels(seizureRows.map((s) => s.seizureId));
  const linkRows = await execRows<{ id: string; direction: 'from' | 'to'; kind: EntityLinkKind; otherId: string }>(t, sql`
    SELECT id, 'from' AS direction, kind, to_id AS "otherId" FROM national_entity_links WHERE from_id = ${row.id}
    UNION ALL SELECT id, 'to', kind, from_id FROM national_entity_links WHERE to_id = ${row.id} ORDER BY kind, id`);
  const caseRows = await execRows<{ caseId: string; reference: string; role: ParticipationRole }>(t, sql`SELECT c.id AS "caseId", c.reference, ce.role
    FROM national_case_entities ce JOIN national_cases c ON c.id = ce.case_id WHERE ce.entity_id = ${row.id} ORDER BY c.reference`);
  const mergeRows = await execRows<{ id: string; mergedId: string; reason: string; mergedAt: string; undoneAt: string | null }>(t, sql`
    SELECT id, merged_id AS "mergedId", reason, to_char(merged_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "mergedAt",
      to_char(undone_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "undoneAt"
    FROM national_merges WHERE survivor_id = ${row.id} ORDER BY merged_at DESC`);
  const others = await summaries(t, deps.sealer, [...linkRows.map((l) => l.otherId), ...mergeRows.map((m) => m.mergedId)]);
  return {
    ...summaryOf(row, fields),
    fields: fields as unknown as EntityView['fields'],
    version: row.version,
    warnings,
    hits: await watchListHits(deps, row.kind, fields),
    seizures: seizureRows.map((s) => ({ ...s, reference: labels.get(s.seizureId)?.reference ?? '?', seizedAt: labels.get(s.seizureId)?.seizedAt ?? '' })),
    links: linkRows.filter((l) => others.has(l.otherId)).map((l) => ({ id: l.id, direction: l.direction, kind: l.kind, other: others.get(l.otherId)! })),
    cases: caseRows,
    merges: mergeRows.map((m) => ({ ...m, mergedLabel: others.get(m.mergedId)?.label ?? '?' })),
    keptReason: row.keptReason,
  };
}
