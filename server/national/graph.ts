import { sql } from 'drizzle-orm';
import type { Sealer } from '../platform/crypto/sealer.ts';
import { execRows, type Db } from '../platform/db/database.ts';
import type { Principal } from '../platform/http/access.ts';
import type { Graph, GraphEdge, GraphNode } from './entity-view.ts';
import { summaries } from './entities/store.ts';

export const GRAPH_NODE_LIMIT = 300;
export type NodeType = GraphNode['type'];

export interface GraphDeps {
  sealer: Sealer;
  seizureLabels(ids: readonly string[]): Promise<Map<string, { reference: string }>>;
}

const uuids = (ids: string[]) => sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);

/** The edges touching a set of nodes of one type, within the actor's administration. */
async function edgesOf(t: Db, orgId: string, type: NodeType, ids: string[]): Promise<GraphEdge[]> {
  const list = uuids(ids);
  const rows =
    type === 'entity'
      ? await execRows<GraphEdge>(t, sql`
          SELECT 'entity:' || entity_id AS "from", 'seizure:' || seizure_id AS "to", role AS kind FROM national_entity_seizures WHERE entity_id IN (${list})
          UNION ALL SELECT 'entity:' || ce.entity_id, 'case:' || ce.case_id, ce.role FROM national_case_entities ce WHERE ce.entity_id IN (${list})
          UNION ALL SELECT 'entity:' || from_id, 'entity:' || to_id, kind FROM national_entity_links WHERE from_id IN (${list}) OR to_id IN (${list})`)
      : type === 'seizure'
        ? await execRows<GraphEdge>(t, sql`
            SELECT 'entity:' || es.entity_id AS "from", 'seizure:' || es.seizure_id AS "to", es.role AS kind FROM national_entity_seizures es
              JOIN national_entities e ON e.id = es.entity_id AND e.org_id = ${orgId} WHERE es.seizure_id IN (${list})
            UNION ALL SELECT 'case:' || cs.case_id, 'seizure:' || cs.seizure_id, 'in case' FROM national_case_seizures cs
              JOIN national_cases c ON c.id = cs.case_id AND c.org_id = ${orgId} WHERE cs.seizure_id IN (${list})`)
        : await execRows<GraphEdge>(t, sql`
            SELECT 'case:' || case_id AS "from", 'seizure:' || seizure_id AS "to", 'in case' AS kind FROM national_case_seizures WHERE case_id IN (${list})
            UNION ALL SELECT 'entity:' || entity_id, 'case:' || case_id, role FROM national_case_entities WHERE case_id IN (${list})`);
  return rows;
}

/**
 * The network around an entity, a case or a seizure, `hops` steps out (1 to 3): entities, seizures and cases
 * as nodes, participation roles and entity links as edges. Stops at GRAPH_NODE_LIMIT nodes and says so.
 */
export async function graphAround(t: Db, deps: GraphDeps, actor: Principal, start: { type: NodeType; id: string }, hops: number): Promise<Graph> {
  const seen = new Set<string>([`${start.type}:${start.id}`]);
  const edges = new Map<string, GraphEdge>();
  let frontier = [`${start.type}:${start.id}`];
  let truncated = false;
  for (let hop = 0; hop < hops && frontier.length && !truncated; hop++) {
    const next: string[] = [];
    for (const type of ['entity', 'seizure', 'case'] as const) {
      const ids = frontier.filter((n) => n.startsWith(`${type}:`)).map((n) => n.slice(type.length + 1));
      if (!ids.length) continue;
      for (const e of await edgesOf(t, actor.orgId, type, ids)) {
        for (const end of [e.from, e.to]) {
          if (seen.has(end)) continue;
          if (seen.size >= GRAPH_NODE_LIMIT) {
            truncated = true;
            continue;
          }
          seen.add(end);
          next.push(end);
        }
        if (seen.has(e.from) && seen.has(e.to)) edges.set(`${e.from}|${e.kind}|${e.to}`, e);
      }
    }
    frontier = next;
  }
  const ofType = (type: NodeType) => [...seen].filter((n) => n.startsWith(`${type}:`)).map((n) => n.slice(type.length + 1));
  const entityIds = ofType('entity');
  const people = await summaries(t, deps.sealer, entityIds);
  const seizures = await deps.seizureLabels(ofType('seizure'));
  const caseIds = ofType('case');
  const cases = caseIds.length
    ? new Map((await execRows<{ id: string; reference: string }>(t, sql`SELECT id, reference FROM national_cases WHERE org_id = ${actor.orgId} AND id IN (${uuids(caseIds)})`)).map((c) => [c.id, c.reference]))
    : new Map<string, string>();
  const nodes: GraphNode[] = [];
  for (const id of entityIds) {
    const s = people.get(id);
    if (s) nodes.push({ id: `entity:${id}`, type: 'entity', kind: s.kind, label: s.label });
  }
  for (const id of ofType('seizure')) {
    const s = seizures.get(id);
    if (s) nodes.push({ id: `seizure:${id}`, type: 'seizure', kind: 'seizure', label: s.reference });
  }
  for (const id of caseIds) if (cases.has(id)) nodes.push({ id: `case:${id}`, type: 'case', kind: 'case', label: cases.get(id)! });
  const present = new Set(nodes.map((n) => n.id));
  return { nodes, edges: [...edges.values()].filter((e) => present.has(e.from) && present.has(e.to)), truncated };
}
