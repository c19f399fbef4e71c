import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useMe } from '../../app/session.tsx';
import { SelectField } from '../../seizures/Select.tsx';
import { isI2cStaff } from '../../../../server/desk/desk-view.ts';
import { DeskNav } from '../DeskNav.tsx';
import { DATA_REQUEST_STATUSES, canFileDataRequest, dataRequestKeys, dataRequestsApi, type DataRequestStatus } from './data-requests-api.ts';
import { ListStatus, ResultsTable } from '../../app/ListResults.tsx';

/** Requests for WCO data: the organisation's own, or every one for the I2C, with a status filter. */
export function DataRequestsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const i2c = isI2cStaff(me.roles);
  const format = useFormat();
  const [status, setStatus] = useState('');
  const list = useQuery({ queryKey: dataRequestKeys.list(status), queryFn: () => dataRequestsApi.list(status || undefined) });
  const requests = list.data?.requests ?? [];

  return (
    <>
      <PageHeader
        title={t('desk.dataRequests.title')}
        intro={t(i2c ? 'desk.dataRequests.introI2c' : 'desk.dataRequests.intro')}
        actions={
          canFileDataRequest(me.roles) && (
            <Link to="/desk/data-requests/new" className="button button-primary">
              {t('desk.dataRequests.new')}
            </Link>
          )
        }
      />
      <DeskNav />
      <section className="panel">
        <div className="form-grid form-grid-3">
          <SelectField id="dr-status" label={t('desk.dataRequests.fields.status')} value={status} onChange={setStatus} options={DATA_REQUEST_STATUSES} labelPrefix="desk.dataRequests.statuses" emptyLabel={t('common.any')} />
        </div>
      </section>
      <section className="panel">
        <ListStatus query={list} count={t('desk.dataRequests.count', { count: requests.length })} />
        <ResultsTable testId="data-requests" caption={t('desk.dataRequests.title')}>
          <thead>
            <tr>
              <th scope="col">{t('desk.dataRequests.fields.reference')}</th>
              <th scope="col">{t('desk.dataRequests.fields.purpose')}</th>
              {i2c && <th scope="col">{t('desk.dataRequests.fields.organisation')}</th>}
              <th scope="col">{t('desk.dataRequests.fields.kind')}</th>
              <th scope="col">{t('desk.dataRequests.fields.period')}</th>
              <th scope="col">{t('desk.dataRequests.fields.status')}</th>
              <th scope="col">{t('desk.dataRequests.fields.createdAt')}</th>
            </tr>
          </thead>
          <tbody>
            {requests.map((r) => (
              <tr key={r.id} data-reference={r.reference}>
                <td className="nowrap">
                  <Link to="/desk/data-requests/$id" params={{ id: r.id }}>
                    {r.reference}
                  </Link>
                </td>
                <td dir="auto" className="dr-purpose">
                  {r.purpose}
                </td>
                {i2c && <td dir="auto">{r.orgName}</td>}
                <td>{t(r.recordLevel ? 'desk.dataRequests.recordLevel' : 'desk.dataRequests.aggregated')}</td>
                <td className="nowrap">
                  {format.date(r.requested.from)} – {format.date(r.requested.to)}
                </td>
                <td>
                  <StatusBadge status={r.status} />
                </td>
                <td className="nowrap">{format.date(r.createdAt)}</td>
              </tr>
            ))}
            {list.data && requests.length === 0 && (
              <tr>
                <td colSpan={7} className="empty">
                  {t('desk.dataRequests.none')}
                </td>
              </tr>
            )}
          </tbody>
        </ResultsTable>
      </section>
    </>
  );
}

const TONES: Record<DataRequestStatus, string> = { submitted: 'badge-warning', approved: 'badge-ok', narrowed: 'badge-ok', refused: 'badge-danger', fulfilled: 'badge-ok', expired: 'badge-muted' };

export function StatusBadge({ status }: { status: DataRequestStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${TONES[status]}`} data-testid="dr-status">
      {t(`desk.dataRequests.statuses.${status}`)}
    </span>
  );
}
