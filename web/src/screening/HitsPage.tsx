import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../app/format.ts';
import { PageHeader } from '../app/PageHeader.tsx';
import { Pager } from '../app/Pager.tsx';
import { useMe } from '../app/session.tsx';
import { HitStatusBadge, ValidationClock } from './HitStatus.tsx';
import { ScreeningNav } from './ScreeningNav.tsx';
import { FilterSelect } from './FilterSelect.tsx';
import { screeningApi, screeningKeys, type HitsFilter } from './screening-api.ts';
import { useScreeningErrorMessage } from './screening-messages.ts';

const PAGE_SIZE = 25;

/** Hits our organisation opened, and hits on our records, with the one-hour validation clock. */
export function HitsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const errorMessage = useScreeningErrorMessage();
  const [status, setStatus] = useState<HitsFilter['status']>('');
  const [role, setRole] = useState<HitsFilter['role']>('');
  const [page, setPage] = useState(1);
  const filter: HitsFilter = { status, role, page, pageSize: PAGE_SIZE };
  const hits = useQuery({ queryKey: screeningKeys.hits(filter), queryFn: () => screeningApi.hits(filter), placeholderData: keepPreviousData, refetchInterval: 60_000 });
  const items = hits.data?.items ?? [];

  return (
    <>
      <PageHeader title={t('screening.hitList.title')} intro={t('screening.hitList.intro')} />
      <ScreeningNav />
      <section className="panel">
        <div className="toolbar">
          <FilterSelect
            id="hits-role"
            label={t('screening.hitList.role')}
            value={role}
            options={[
              ['', t('screening.hitList.roles.all')],
              ['mine', t('screening.hitList.roles.mine')],
              ['recording', t('screening.hitList.roles.recording')],
            ]}
            onChange={(v) => {
              setRole(v);
              setPage(1);
            }}
          />
          <FilterSelect
            id="hits-status"
            label={t('screening.hitList.status')}
            value={status}
            options={[
              ['', t('common.any')],
              ['pending', t('screening.hitList.statuses.pending')],
              ['confirmed', t('screening.hitList.statuses.confirmed')],
              ['not_confirmed', t('screening.hitList.statuses.not_confirmed')],
            ]}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
          />
        </div>
        {hits.isError && (
          <div className="alert alert-error" role="alert">
            {errorMessage(hits.error)}
          </div>
        )}
        <div className="table-wrap">
          <table data-testid="screening-hit-list">
            <thead>
              <tr>
                <th scope="col">{t('screening.hits.list')}</th>
                <th scope="col">{t('screening.hitList.side')}</th>
                <th scope="col">{t('screening.orgs.other')}</th>
                <th scope="col">{t('screening.hitList.status')}</th>
                <th scope="col">{t('screening.hitList.openedAt')}</th>
                <th scope="col">{t('screening.hitList.clock')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((hit) => (
                <tr key={hit.id} data-hit={hit.id}>
                  <td>{t(`screening.lists.${hit.list}`)}</td>
                  <td>{hit.recordingOrgId === me.orgId ? t('screening.hitList.onOurRecord') : t('screening.hitList.ourSearch')}</td>
                  <td>{hit.recordingOrgId === me.orgId ? (hit.forOrgName ?? hit.forOrgId) : (hit.recordingOrgName ?? hit.recordingOrgId)}</td>
                  <td>
                    <HitStatusBadge status={hit.status} />
                  </td>
                  <td className="nowrap">{format.dateTime(hit.openedAt)}</td>
                  <td>
                    <ValidationClock hit={hit} />
                  </td>
                  <td className="actions">
                    <Link to="/screening/hits/$id" params={{ id: hit.id }} className="button button-small">
                      {t('screening.hitList.view')}
                    </Link>
                  </td>
                </tr>
              ))}
              {items.length === 0 && !hits.isPending && (
                <tr>
                  <td colSpan={7} className="empty">
                    {t('screening.hitList.none')}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
        {hits.data && hits.data.total > PAGE_SIZE && <Pager page={page} pageSize={PAGE_SIZE} total={hits.data.total} onPage={setPage} />}
      </section>
    </>
  );
}
