import { csvCell } from '../../../server/platform/csv-cell.ts';
import type { Graph, GraphEdge, GraphNode } from './national-api.ts';

const edgeKey = (e: GraphEdge) => `${e.from}|${e.kind}|${e.to}`;

/** One chart of several graphs (the first read and each node expanded since): nodes and edges once each. */
export function mergeGraphs(graphs: readonly (Graph | undefined)[]): Graph {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  let truncated = false;
  for (const graph of graphs) {
    if (!graph) continue;
    for (const node of graph.nodes) if (!nodes.has(node.id)) nodes.set(node.id, node);
    for (const edge of graph.edges) edges.set(edgeKey(edge), edge);
    truncated ||= graph.truncated;
  }
  // An edge is drawn only between nodes the chart has.
  const drawn = [...edges.values()].filter((e) => nodes.has(e.from) && nodes.has(e.to));
  return { nodes: [...nodes.values()], edges: drawn, truncated };
}

/** The stable id of an edge in the chart. */
export const edgeId = edgeKey;

/** The chart's edges as a table: from, kind, to (the nodes' labels), then the nodes' ids. */
export function edgesCsv(graph: Graph, kindLabel: (kind: string) => string = (k) => k): string {
  const label = new Map(graph.nodes.map((n) => [n.id, n.label]));
  const rows = [['from', 'kind', 'to', 'from_id', 'to_id']];
  for (const e of graph.edges) rows.push([label.get(e.from) ?? e.from, kindLabel(e.kind), label.get(e.to) ?? e.to, e.from, e.to]);
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Where a node of the chart is opened in the app. */
export function nodeTarget(node: GraphNode): { to: '/national/entities/$id' | '/national/cases/$id' | '/seizures/$id'; id: string } {
  const id = node.id.slice(node.id.indexOf(':') + 1);
  if (node.type === 'case') return { to: '/national/cases/$id', id };
  if (node.type === 'seizure') return { to: '/seizures/$id', id };
  return { to: '/national/entities/$id', id };
}

/** Saves a file made in the browser. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
