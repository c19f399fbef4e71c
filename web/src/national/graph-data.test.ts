import { describe, expect, it } from 'vitest';
import { edgesCsv, mergeGraphs, nodeTarget } from './graph-data.ts';
import type { Graph } from './national-api.ts';

const first: Graph = {
  nodes: [
    { id: 'entity:p1', type: 'entity', kind: 'person', label: 'Aleksandr Petrov' },
    { id: 'seizure:s1', type: 'seizure', kind: 'seizure', label: 'FR-2026-000001' },
  ],
  edges: [{ from: 'entity:p1', to: 'seizure:s1', kind: 'courier' }],
  truncated: false,
};
const expanded: Graph = {
  nodes: [
    { id: 'seizure:s1', type: 'seizure', kind: 'seizure', label: 'FR-2026-000001' },
    { id: 'entity:c1', type: 'entity', kind: 'company', label: 'Acme, "Trading"' },
  ],
  edges: [
    { from: 'entity:p1', to: 'seizure:s1', kind: 'courier' },
    { from: 'entity:c1', to: 'seizure:s1', kind: 'consignor' },
    { from: 'entity:c1', to: 'entity:gone', kind: 'director_of' },
  ],
  truncated: true,
};

describe('link chart data', () => {
  it('merges an expansion without doubling nodes or edges, and keeps only edges between drawn nodes', () => {
    const merged = mergeGraphs([first, expanded, undefined]);
    expect(merged.nodes.map((n) => n.id)).toEqual(['entity:p1', 'seizure:s1', 'entity:c1']);
    expect(merged.edges).toHaveLength(2);
    expect(merged.truncated).toBe(true);
  });

  it('exports the edges as CSV with labels, quoting what needs it', () => {
    const csv = edgesCsv(mergeGraphs([first, expanded]));
    expect(csv.split('\r\n')).toEqual([
      'from,kind,to,from_id,to_id',
      'Aleksandr Petrov,courier,FR-2026-000001,entity:p1,seizure:s1',
      '"Acme, ""Trading""",consignor,FR-2026-000001,entity:c1,seizure:s1',
      '',
    ]);
  });

  it('neutralises a label that a spreadsheet would run as a formula', () => {
    const graph: Graph = { nodes: [{ id: 'entity:x', type: 'entity', kind: 'person', label: '=HYPERLINK("x")' }, { id: 'case:k', type: 'case', kind: 'case', label: 'C-1' }], edges: [{ from: 'entity:x', to: 'case:k', kind: 'suspect' }], truncated: false };
    expect(edgesCsv(graph).split('\r\n')[1]).toBe(`"'=HYPERLINK(""x"")",suspect,C-1,entity:x,case:k`);
  });

  it('opens each node where it lives', () => {
    expect(nodeTarget(first.nodes[0])).toEqual({ to: '/national/entities/$id', id: 'p1' });
    expect(nodeTarget(first.nodes[1])).toEqual({ to: '/seizures/$id', id: 's1' });
    expect(nodeTarget({ id: 'case:k1', type: 'case', kind: 'case', label: 'C' })).toEqual({ to: '/national/cases/$id', id: 'k1' });
  });
});
