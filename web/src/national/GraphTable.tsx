import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { nodeTarget } from './graph-data.ts';
import type { Graph, GraphNode } from './national-api.ts';

/** The chart as a table, for the keyboard and screen readers: each edge with its two ends, each end a link. */
export function GraphTable({ graph, edgeLabel }: { graph: Graph; edgeLabel(kind: string): string }) {
  const { t } = useTranslation();
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const end = (id: string) => {
    const node: GraphNode | undefined = byId.get(id);
    if (!node) return id;
    const target = nodeTarget(node);
    return (
      <Link to={target.to} params={{ id: target.id }} dir="auto">
        {node.label}
      </Link>
    );
  };
  return (
    <details>
      <summary>{t('national.chart.asTable')}</summary>
      <div className="table-wrap">
        <table data-testid="link-chart-table">
          <thead>
            <tr>
              <th scope="col">{t('national.chart.from')}</th>
              <th scope="col">{t('national.chart.kind')}</th>
              <th scope="col">{t('national.chart.to')}</th>
            </tr>
          </thead>
          <tbody>
            {graph.edges.map((e) => (
              <tr key={`${e.from}|${e.kind}|${e.to}`}>
                <td>{end(e.from)}</td>
                <td>{edgeLabel(e.kind)}</td>
                <td>{end(e.to)}</td>
              </tr>
            ))}
            {graph.edges.length === 0 && (
              <tr>
                <td colSpan={3} className="empty">
                  {t('national.chart.noEdges')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </details>
  );
}
