import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../app/forms.tsx';
import { useDebouncedValue } from '../reference/use-debounced-value.ts';
import { matchingFields, type Draft } from './entity-form-state.ts';
import { KindBadge } from './KindBadge.tsx';
import { nationalApi, nationalKeys } from './national-api.ts';
import { usePurpose } from './purpose.ts';
import { ScoreBadge } from './ScoreBadge.tsx';

const DEBOUNCE_MS = 300;

/**
 * "Possibly the same": as the officer types names, a birth date or document numbers, the records already
 * known that may be this one, ranked, with the score and the reasons, each one a link to open it.
 */
export function CandidatesPanel({ draft, selfId }: { draft: Draft; selfId?: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const purpose = usePurpose();
  const match = matchingFields(draft);
  const typed = useDebouncedValue(match ? JSON.stringify(match) : '', DEBOUNCE_MS);
  const candidates = useQuery({
    queryKey: nationalKeys.candidates(draft.kind, typed, purpose),
    queryFn: () => nationalApi.candidates(draft.kind, JSON.parse(typed), purpose, selfId),
    enabled: typed !== '' && !!purpose,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const list = typed ? (candidates.data?.candidates ?? []).filter((c) => c.entity.id !== selfId) : [];

  return (
    <aside className="panel stack candidates-panel" aria-labelledby="candidates-title" data-testid="candidates-panel">
      <h2 className="section-title" id="candidates-title">
        {t('national.candidates.title')}
      </h2>
      <div aria-live="polite" className="stack">
        {!purpose && <p className="muted">{t('national.purpose.neededForCandidates')}</p>}
        {purpose && !typed && <p className="muted">{t('national.candidates.typeToCompare')}</p>}
        {purpose && typed && candidates.isFetching && !candidates.data && <p className="muted">{t('common.loading')}</p>}
        {candidates.isError && (
          <div className="alert alert-error" role="alert">
            {errorMessage(candidates.error)}
          </div>
        )}
        {purpose && typed && candidates.data && list.length === 0 && <p className="muted">{t('national.candidates.none')}</p>}
        {list.length > 0 && (
          <ol className="candidate-list">
            {list.map((c) => (
              <li key={c.entity.id} className="candidate" data-candidate={c.entity.id}>
                <div className="candidate-head">
                  <strong dir="auto">{c.entity.label}</strong>
                  <ScoreBadge score={c.score} />
                </div>
                <div className="muted small">
                  <KindBadge kind={c.entity.kind} /> <span dir="auto">{c.entity.detail ?? ''}</span>
                </div>
                <ul className="candidate-reasons small" aria-label={t('national.candidates.reasons')}>
                  {c.reasons.map((reason) => (
                    <li key={reason} dir="auto">
                      {reason}
                    </li>
                  ))}
                </ul>
                <Link to="/national/entities/$id" params={{ id: c.entity.id }} target="_blank" className="button button-small" aria-label={t('national.candidates.openNamed', { name: c.entity.label })}>
                  {t('national.candidates.open')}
                </Link>
              </li>
            ))}
          </ol>
        )}
      </div>
    </aside>
  );
}
