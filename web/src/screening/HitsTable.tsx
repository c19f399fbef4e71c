import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../app/format.ts';
import { FirstLevelFields } from './FirstLevelFields.tsx';
import { MatchBadge, MatchExplanation } from './MatchBadge.tsx';
import type { BatchHit, SearchHit } from './screening-api.ts';

interface HitsTableProps {
  hits: (SearchHit | BatchHit)[];
  /** For a batch: what was searched for each item, to show beside its hits. */
  searched?: (hit: BatchHit) => { line: number; identifier: string; ref?: string };
  caption: string;
  /** What an officer may do with one candidate, in a last column. */
  action?: (hit: SearchHit | BatchHit) => ReactNode;
}

/** Candidates in the server's rank order (best reason first), first level only. */
export function HitsTable({ hits, searched, caption, action }: HitsTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="table-wrap">
      <table data-testid="screening-hits">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="numeric">{t('screening.hits.rank')}</th>
            {searched && <th scope="col">{t('screening.hits.searched')}</th>}
            <th scope="col">{t('screening.hits.list')}</th>
            <th scope="col">{t('screening.hits.identifying')}</th>
            <th scope="col">{t('screening.hits.why')}</th>
            {action && (
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {hits.map((hit, index) => {
            const s = searched && 'item' in hit ? searched(hit) : null;
            return (
              <tr key={`${'item' in hit ? hit.item : 0}:${hit.list}:${hit.recordId}`}>
                <td className="numeric">{format.number(index + 1)}</td>
                {searched && (
                  <td>
                    {s && (
                      <>
                        <span className="muted small">{t('screening.batch.line', { line: format.number(s.line) })}</span>{' '}
                        <bdi className="mono">{s.identifier}</bdi>
                        {s.ref && <span className="muted small"> · {s.ref}</span>}
                      </>
                    )}
                  </td>
                )}
                <td>{t(`screening.lists.${hit.list}`)}</td>
                <td>
                  <FirstLevelFields fields={hit.firstLevel} />
                </td>
                <td>
                  <MatchBadge type={hit.match.type} /> <MatchExplanation match={hit.match} />
                </td>
                {action && <td className="actions">{action(hit)}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
