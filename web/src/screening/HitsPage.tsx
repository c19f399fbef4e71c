import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../app/format.ts';
import { useMe } from '../app/session.tsx';
import { HitStatusBadge, ValidationClock } from './HitStatus.tsx';
import { screeningApi, screeningKeys, type ScreeningHit } from './screening-api.ts';
import { TwoSidedListPage } from './TwoSidedListPage.tsx';

/** Hits our organisation opened, and hits on our records, with the one-hour validation clock. */
export function HitsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const ours = (hit: ScreeningHit) => hit.recordingOrgId === me.orgId;
  return (
    <TwoSidedListPage
      title={t('screening.hitList.title')}
      intro={t('screening.hitList.intro')}
      name="hit"
      role={{
        label: t('screening.hitList.role'),
        options: [
          ['', t('screening.hitList.roles.all')],
          ['mine', t('screening.hitList.roles.mine')],
          ['recording', t('screening.hitList.roles.recording')],
        ],
      }}
      status={{
        label: t('screening.hitList.status'),
        options: [
          ['', t('common.any')],
          ['pending', t('screening.hitList.statuses.pending')],
          ['confirmed', t('screening.hitList.statuses.confirmed')],
          ['not_confirmed', t('screening.hitList.statuses.not_confirmed')],
        ],
      }}
      queryKey={screeningKeys.hits}
      load={screeningApi.hits}
      refetchInterval={60_000}
      rowAttributes={(hit) => ({ 'data-hit': hit.id })}
      columns={[
        { header: t('screening.hits.list'), cell: (hit) => t(`screening.lists.${hit.list}`) },
        { header: t('screening.hitList.side'), cell: (hit) => (ours(hit) ? t('screening.hitList.onOurRecord') : t('screening.hitList.ourSearch')) },
        { header: t('screening.orgs.other'), cell: (hit) => (ours(hit) ? (hit.forOrgName ?? hit.forOrgId) : (hit.recordingOrgName ?? hit.recordingOrgId)) },
        { header: t('screening.hitList.status'), cell: (hit) => <HitStatusBadge status={hit.status} /> },
        { header: t('screening.hitList.openedAt'), cell: (hit) => format.dateTime(hit.openedAt), className: 'nowrap' },
        { header: t('screening.hitList.clock'), cell: (hit) => <ValidationClock hit={hit} /> },
      ]}
      view={(hit) => (
        <Link to="/screening/hits/$id" params={{ id: hit.id }} className="button button-small">
          {t('screening.hitList.view')}
        </Link>
      )}
      none={t('screening.hitList.none')}
    />
  );
}
