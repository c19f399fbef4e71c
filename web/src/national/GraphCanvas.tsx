import { useEffect, useRef, type RefObject } from 'react';
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { edgeId } from './graph-data.ts';
import type { Graph } from './national-api.ts';

interface GraphCanvasProps {
  graph: Graph;
  /** The node the chart starts from, drawn apart. */
  rootId: string;
  /** The label of an edge kind (a participation role or a link kind), in the interface language. */
  edgeLabel(kind: string): string;
  onTapNode(id: string): void;
  /** Set to the chart once drawn, for the exports. */
  chartRef: RefObject<Core | null>;
  label: string;
}

const COLOURS: Record<string, string> = {
  person: '#2563eb',
  company: '#7c3aed',
  transport: '#0f766e',
  document: '#a16207',
  seizure: '#b91c1c',
  case: '#334155',
};
const SHAPES: Record<string, string> = { person: 'ellipse', company: 'round-rectangle', transport: 'diamond', document: 'rectangle', seizure: 'hexagon', case: 'round-tag' };

const STYLE = [
  {
    selector: 'node',
    style: {
      'background-color': (n: cytoscape.NodeSingular) => COLOURS[n.data('kind') as string] ?? '#64748b',
      shape: (n: cytoscape.NodeSingular) => SHAPES[n.data('kind') as string] ?? 'ellipse',
      label: 'data(label)',
      color: '#0f172a',
      'font-size': 11,
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-wrap': 'ellipsis',
      'text-max-width': '140px',
      width: 28,
      height: 28,
    },
  },
  { selector: 'node.root', style: { 'border-width': 4, 'border-color': '#f59e0b', width: 36, height: 36 } },
  { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#0ea5e9' } },
  {
    selector: 'edge',
    style: {
      width: 2,
      'line-color': '#94a3b8',
      'target-arrow-color': '#94a3b8',
      'target-arrow-shape': 'triangle',
      'curve-style': 'bezier',
      label: 'data(label)',
      'font-size': 9,
      color: '#475569',
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.8,
    },
  },
] as unknown as cytoscape.StylesheetJson;

/** The link chart drawn by cytoscape.js on a canvas: a tap on a node hands it to the page (to expand it). */
export function GraphCanvas({ graph, rootId, edgeLabel, onTapNode, chartRef, label }: GraphCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const onTap = useRef(onTapNode);
  onTap.current = onTapNode;

  useEffect(() => {
    const cy = cytoscape({ container: container.current, style: STYLE, elements: [], minZoom: 0.2, maxZoom: 1.5 });
    cy.on('tap', 'node', (event) => onTap.current(event.target.id() as string));
    chartRef.current = cy;
    return () => {
      chartRef.current = null;
      cy.destroy();
    };
  }, [chartRef]);

  useEffect(() => {
    const cy = chartRef.current;
    if (!cy) return;
    const elements: ElementDefinition[] = [
      ...graph.nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id, label: n.label, kind: n.type === 'entity' ? n.kind : n.type }, classes: n.id === rootId ? 'root' : '' })),
      ...graph.edges.map((e) => ({ group: 'edges' as const, data: { id: edgeId(e), source: e.from, target: e.to, label: edgeLabel(e.kind) } })),
    ];
    const wanted = new Set(elements.map((el) => el.data.id as string));
    cy.batch(() => {
      cy.elements().filter((el) => !wanted.has(el.id())).remove();
      const added = elements.filter((el) => cy.getElementById(el.data.id as string).empty());
      cy.add(added);
    });
    cy.layout({ name: 'cose', animate: false, fit: true, padding: 30, randomize: false }).run();
    container.current?.setAttribute('data-node-count', String(cy.nodes().length));
    container.current?.setAttribute('data-edge-count', String(cy.edges().length));
  }, [graph, rootId, edgeLabel, chartRef]);

  return <div ref={container} className="link-chart" role="img" aria-label={label} data-testid="link-chart" data-node-count="0" />;
}
