import { useTranslation } from 'react-i18next';
import type { MatchReason, MatchType } from './screening-api.ts';

const TONE: Record<MatchType, string> = {
  exact: 'badge-danger',
  normalised: 'badge-danger',
  folded: 'badge-warning',
  one_edit: 'badge-warning',
  wildcard: 'badge-muted',
  fields: 'badge-muted',
};

/** Why a candidate matched, as a translated badge. */
export function MatchBadge({ type }: { type: MatchType }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${TONE[type]}`} data-match={type}>
      {t(`screening.match.${type}`)}
    </span>
  );
}

/** The reason in a sentence in the interface language, built from the reply's structured parts. */
export function MatchExplanation({ match }: { match: MatchReason }) {
  const { t } = useTranslation();
  const e = match.edit;
  let text: string;
  if (e?.op === 'substitution' || e?.op === 'transposition') text = t(`screening.edit.${e.op}`, { position: e.position, next: e.position + 1, searched: e.searched, recorded: e.recorded });
  else if (e?.op === 'missing_character') text = t('screening.edit.missing_character', { position: e.position, recorded: e.recorded });
  else if (e?.op === 'extra_character') text = t('screening.edit.extra_character', { position: e.position, searched: e.searched });
  else text = t(`screening.matchDetail.${match.type}`);
  return (
    <span className="small">
      {text}
      {match.key && (
        <>
          {' '}
          <span className="muted">{t('screening.recordedKey')}</span>{' '}
          <bdi className="mono">{match.key}</bdi>
        </>
      )}
    </span>
  );
}
