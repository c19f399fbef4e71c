import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../app/format.ts';
import { PageHeader } from '../app/PageHeader.tsx';
import { Pager } from '../app/Pager.tsx';
import { useMe } from '../app/session.tsx';
import { TraceStatusBadge } from './HitStatus.tsx';
import { ScreeningNav } from './ScreeningNav.tsx';
import { FilterSelect } from './FilterSelect.tsx';
import { screeningApi, screeningKeys, type TraceFilter } from './screening-api.ts';
import { useScreeningErrorMessage } from './screening-messages.ts';

const PAGE_SIZE = 25;

/** Firearm trace requests our organisation asked, and those about our firearms. */
export function TraceRequestsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const errorMessage = useScreeningErrorMessage();
  const [status, setStatus] = useState<TraceFilter['status']>('');
  const [role, setRole] = useState<TraceFilter['role']>('');
  const [page, setPage] = useState(1);
  const filter: TraceFilter = { status, role, page, pageSize: PAGE_SIZE };
  const traces = useQuery({ queryKey: screeningKeys.traces(filter), queryFn: () => screeningApi.traceRequests(filter), placeholderData: keepPreviousData });
  const items = traces.data?.items ?? [];

  return (
    <>
      <PageHeader title={t('screening.trace.title')} intro={t('screening.trace.intro')} />
      <ScreeningNav />
      <section className="panel">
        <div className="toolbar">
          <FilterSelect
            id="traces-role"
            label={t('screening.trace.role')}
            value={role}
            options={[
              ['', t('screening.trace.roles.all')],
              ['asked', t('screening.trace.roles.asked')],
              ['owner', t('screening.trace.roles.owner')],
            ]}
            onChange={(v) => {
              setRole(v);
              setPage(1);
            }}
          />
          <FilterSelect
            id="traces-status"
            label={t('screening.trace.status')}
            value={status}
            options={[
              ['', t('common.any')],
              ['open', t('screening.trace.statuses.open')],
              ['answered', t('screening.trace.statuses.answered')],
            ]}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
          />
        </div>
        {traces.isError && (
          <div className="alert alert-error" role="alert">
            {errorMessage(traces.error)}
          </div>
        )}
        <div className="table-wrap">
          <table data-testid="screening-trace-list">
            <thead>
              <tr>
                <th scope="col">{t('screening.trace.question')}</th>
                <th scope="col">{t('screening.trace.side')}</th>
                <th scope="col">{t('screening.orgs.other')}</th>
                <th scope="col">{t('screening.trace.status')}</th>
                <th scope="col">{t('screening.trace.askedAt')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((tr) => (
                <tr key={tr.id}>
                  <td dir="auto">{tr.question.length > 120 ? `${tr.question.slice(0, 120)}…` : tr.question}</td>
                  <td>{tr.ownerOrgId === me.orgId ? t('screening.trace.aboutOurs') : t('screening.trace.askedByUs')}</td>
                  <td>{tr.ownerOrgId === me.orgId ? (tr.requesterOrgName ?? tr.requesterOrgId) : (tr.ownerOrgName ?? tr.ownerOrgId)}</td>
                  <td>
                    <TraceStatusBadge status={tr.status} />
                  </td>
                  <td className="nowrap">{format.dateTime(tr.createdAt)}</td>
                  <td className="actions">
                    <Link to="/screening/trace-requests/$id" params={{ id: tr.id }} className="button button-small">
                      {t('screening.trace.view')}
                    </Link>
                  </td>
                </tr>
              ))}
              {items.length === 0 && !traces.isPending && (
                <tr>
                  <td colSpan={6} className="empty">
                    {t('screening.trace.none')}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
        {traces.data && traces.data.total > PAGE_SIZE && <Pager page={page} pageSize={PAGE_SIZE} total={traces.data.total} onPage={setPage} />}
      </section>
    </>
  );
}
