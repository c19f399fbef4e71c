import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../app/format.ts';
import { useMe } from '../app/session.tsx';
import { TraceStatusBadge } from './HitStatus.tsx';
import { screeningApi, screeningKeys, type TraceRequest } from './screening-api.ts';
import { TwoSidedListPage } from './TwoSidedListPage.tsx';

/** Firearm trace requests our organisation asked, and those about our firearms. */
export function TraceRequestsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const ours = (tr: TraceRequest) => tr.ownerOrgId === me.orgId;
  return (
    <TwoSidedListPage
      title={t('screening.trace.title')}
      intro={t('screening.trace.intro')}
      name="trace"
      role={{
        label: t('screening.trace.role'),
        options: [
          ['', t('screening.trace.roles.all')],
          ['asked', t('screening.trace.roles.asked')],
          ['owner', t('screening.trace.roles.owner')],
        ],
      }}
      status={{
        label: t('screening.trace.status'),
        options: [
          ['', t('common.any')],
          ['open', t('screening.trace.statuses.open')],
          ['answered', t('screening.trace.statuses.answered')],
        ],
      }}
      queryKey={screeningKeys.traces}
      load={screeningApi.traceRequests}
      columns={[
        { header: t('screening.trace.question'), cell: (tr) => <span dir="auto">{tr.question.length > 120 ? `${tr.question.slice(0, 120)}…` : tr.question}</span> },
        { header: t('screening.trace.side'), cell: (tr) => (ours(tr) ? t('screening.trace.aboutOurs') : t('screening.trace.askedByUs')) },
        { header: t('screening.orgs.other'), cell: (tr) => (ours(tr) ? (tr.requesterOrgName ?? tr.requesterOrgId) : (tr.ownerOrgName ?? tr.ownerOrgId)) },
        { header: t('screening.trace.status'), cell: (tr) => <TraceStatusBadge status={tr.status} /> },
        { header: t('screening.trace.askedAt'), cell: (tr) => format.dateTime(tr.createdAt), className: 'nowrap' },
      ]}
      view={(tr) => (
        <Link to="/screening/trace-requests/$id" params={{ id: tr.id }} className="button button-small">
          {t('screening.trace.view')}
        </Link>
      )}
      none={t('screening.trace.none')}
    />
  );
}
