import { useCallback, useMemo, useRef, useState } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Core } from 'cytoscape';
import { Field, useErrorMessage } from '../app/forms.tsx';
import { useFormat } from '../app/format.ts';
import { download, edgesCsv, mergeGraphs, nodeTarget } from './graph-data.ts';
import { GraphCanvas } from './GraphCanvas.tsx';
import { GraphTable } from './GraphTable.tsx';
import { nationalApi, nationalKeys } from './national-api.ts';
import { usePurpose } from './purpose.ts';

const HOPS = [1, 2, 3] as const;

/**
 * The link chart of an entity or a case: what it is linked to within 1 to 3 hops, drawn with cytoscape.js.
 * A click on a node expands it (its own links, one hop) and selects it, to open its record; the chart
 * exports as a PNG image or as a CSV table of its edges.
 */
export function LinkChart({ from, fileName }: { from: string; fileName: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const purpose = usePurpose();
  const [hops, setHops] = useState(1);
  const [expanded, setExpanded] = useState<string[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const chartRef = useRef<Core | null>(null);

  const base = useQuery({ queryKey: nationalKeys.graph(from, hops, purpose), queryFn: () => nationalApi.graph(from, hops, purpose), enabled: !!purpose });
  const expansions = useQueries({
    queries: expanded.map((id) => ({ queryKey: nationalKeys.graph(id, 1, purpose), queryFn: () => nationalApi.graph(id, 1, purpose), enabled: !!purpose })),
  });
  // The chart is drawn again (and laid out) only when one of its reads brings new data.
  const drawnFrom = [from, hops, base.dataUpdatedAt, ...expanded, ...expansions.map((q) => q.dataUpdatedAt)].join('|');
  const graph = useMemo(() => mergeGraphs([base.data, ...expansions.map((q) => q.data)]), [drawnFrom]);
  const failed = [base, ...expansions].find((q) => q.isError);
  const selectedNode = graph.nodes.find((n) => n.id === selected);

  // An edge is a participation role, a link between entities, or a seizure in a case.
  const edgeLabel = useCallback((kind: string) => t([`national.roles.${kind}`, `national.linkKinds.${kind}`, `national.edgeKinds.${kind.replace(/\W+/g, '_')}`], { defaultValue: kind }), [t]);
  const onTapNode = useCallback(
    (id: string) => {
      setSelected(id);
      if (id !== from) setExpanded((list) => (list.includes(id) ? list : [...list, id]));
    },
    [from],
  );

  const exportPng = () => {
    const cy = chartRef.current;
    if (cy) download(cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }), `${fileName}.png`);
  };
  const exportCsv = () => download(new Blob([edgesCsv(graph, edgeLabel)], { type: 'text/csv;charset=utf-8' }), `${fileName}.csv`);

  return (
    <section className="panel stack" aria-labelledby="link-chart-title">
      <div className="panel-header">
        <h2 className="section-title" id="link-chart-title">
          {t('national.chart.title')}
        </h2>
        <div className="button-row">
          <Field id="link-chart-hops" label={t('national.chart.hops')} className="field-inline">
            <select
              id="link-chart-hops"
              value={hops}
              onChange={(e) => {
                setHops(Number(e.target.value));
                setExpanded([]);
              }}
            >
              {HOPS.map((h) => (
                <option key={h} value={h}>
                  {format.number(h)}
                </option>
              ))}
            </select>
          </Field>
          <button type="button" className="button button-small" onClick={exportPng} disabled={graph.nodes.length === 0}>
            {t('national.chart.exportPng')}
          </button>
          <button type="button" className="button button-small" onClick={exportCsv} disabled={graph.edges.length === 0}>
            {t('national.chart.exportCsv')}
          </button>
          {expanded.length > 0 && (
            <button type="button" className="button button-small" onClick={() => setExpanded([])}>
              {t('national.chart.collapse')}
            </button>
          )}
        </div>
      </div>
      <p className="muted small">{t('national.chart.help')}</p>
      {!purpose && <p className="muted">{t('national.purpose.neededForChart')}</p>}
      {failed && (
        <div className="alert alert-error" role="alert">
          {errorMessage(failed.error)}
        </div>
      )}
      {graph.truncated && (
        <div className="alert alert-warning" role="note">
          {t('national.chart.truncated')}
        </div>
      )}
      <GraphCanvas graph={graph} rootId={from} edgeLabel={edgeLabel} onTapNode={onTapNode} chartRef={chartRef} label={t('national.chart.label', { nodes: graph.nodes.length, edges: graph.edges.length })} />
      {selectedNode && (
        <p className="button-row" aria-live="polite" data-testid="link-chart-selected">
          <strong dir="auto">{selectedNode.label}</strong>
          <span className="muted">{t(`national.nodeKinds.${selectedNode.type === 'entity' ? selectedNode.kind : selectedNode.type}`, { defaultValue: selectedNode.kind })}</span>
          <Link to={nodeTarget(selectedNode).to} params={{ id: nodeTarget(selectedNode).id }} className="button button-small">
            {t('national.chart.openNode')}
          </Link>
        </p>
      )}
      <GraphTable graph={graph} edgeLabel={edgeLabel} />
    </section>
  );
}
