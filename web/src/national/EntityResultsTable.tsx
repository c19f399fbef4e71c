import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../app/format.ts';
import { KindBadge } from './KindBadge.tsx';
import type { EntitySummary } from './national-api.ts';
import { ScoreBadge } from './ScoreBadge.tsx';

type Row = EntitySummary & { score: number; reasons: string[] };

/** Entities found, best first: what they are, how well they match and why, each a link to its record. */
export function EntityResultsTable({ rows }: { rows: Row[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="table-wrap">
      <table data-testid="entity-results">
        <caption className="visually-hidden">{t('national.search.results')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('national.fields.label')}</th>
            <th scope="col">{t('national.fields.kind')}</th>
            <th scope="col">{t('national.fields.detail')}</th>
            <th scope="col">{t('national.search.score')}</th>
            <th scope="col">{t('national.search.reasons')}</th>
            <th scope="col">{t('national.fields.reviewAt')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-entity={row.id}>
              <td>
                <Link to="/national/entities/$id" params={{ id: row.id }} dir="auto">
                  {row.label}
                </Link>
              </td>
              <td>
                <KindBadge kind={row.kind} />
              </td>
              <td dir="auto">{row.detail ?? ''}</td>
              <td>
                <ScoreBadge score={row.score} />
              </td>
              <td dir="auto">{format.list(row.reasons)}</td>
              <td className="nowrap">{format.date(row.reviewAt)}</td>
            </tr>
          ))}
          {rows.length === 0 && (
            <tr>
              <td colSpan={6} className="empty">
                {t('national.search.none')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
