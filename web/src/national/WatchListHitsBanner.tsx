import { useTranslation } from 'react-i18next';
import type { WatchListHit } from './national-api.ts';

/** Identifiers of this record found on a watch list (a stolen passport, a stolen vehicle): shown first, in red. */
export function WatchListHitsBanner({ hits }: { hits: WatchListHit[] }) {
  const { t } = useTranslation();
  if (hits.length === 0) return null;
  return (
    <div className="alert alert-error watch-list-hits" role="alert" data-testid="watch-list-hits">
      <strong>{t('national.hits.title', { n: hits.length })}</strong>
      <ul>
        {hits.map((hit) => (
          <li key={`${hit.list}-${hit.recordId}-${hit.field}`}>
            {t('national.hits.line', { identifier: hit.identifier, field: t(`national.fieldPaths.${hit.field.replace(/\.\d+/g, '')}`, { defaultValue: hit.field }), list: t(`screening.lists.${hit.list}`, { defaultValue: hit.list }) })}{' '}
            <span className="muted small mono">{t('national.hits.record', { id: hit.recordId })}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
