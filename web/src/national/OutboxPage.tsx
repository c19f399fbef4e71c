import { useState } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../app/forms.tsx';
import { useFormat } from '../app/format.ts';
import { useWrite } from '../app/mutation.ts';
import { PageHeader } from '../app/PageHeader.tsx';
import { Pager } from '../app/Pager.tsx';
import { useToasts } from '../app/toasts.tsx';
import { SelectField } from '../seizures/Select.tsx';
import { OUTBOX_STATES, nationalApi, nationalKeys, type OutboxState } from './national-api.ts';
import { NationalNav } from './NationalNav.tsx';
import { OutboxCounts } from './OutboxCounts.tsx';
import { OutboxStateBadge } from './OutboxStateBadge.tsx';

const PAGE_SIZE = 50;
const REFRESH_MS = 5000;

/** The outbox to the hub: the non-nominal seizure changes waiting, sent or refused, read again every 5 seconds. */
export function OutboxPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const toasts = useToasts();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const [state, setState] = useState<OutboxState | ''>('');
  const [page, setPage] = useState(1);
  const offset = (page - 1) * PAGE_SIZE;
  const outbox = useQuery({
    queryKey: nationalKeys.outboxPage(state, offset),
    queryFn: () => nationalApi.outbox(state || undefined, PAGE_SIZE, offset),
    refetchInterval: REFRESH_MS,
    placeholderData: keepPreviousData,
  });
  const data = outbox.data;
  const action = useWrite((error) => toasts.show({ tone: 'error', title: t('errors.actionFailed'), body: errorMessage(error) }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: nationalKeys.outbox });
  const filter = (next: OutboxState | '') => {
    setState(next);
    setPage(1);
  };

  const togglePause = () =>
    action.run(async () => {
      const status = await nationalApi.pause(!data?.paused);
      toasts.show({ tone: 'success', title: t(status.paused ? 'national.outbox.pausedToast' : 'national.outbox.resumedToast') });
      await refresh();
    });
  const retry = (id: string, reference: string) =>
    action.run(async () => {
      await nationalApi.retry(id);
      toasts.show({ tone: 'success', title: t('national.outbox.retried', { reference }) });
      await refresh();
    });

  return (
    <>
      <PageHeader
        title={t('national.outbox.title')}
        intro={t('national.outbox.intro')}
        actions={
          data && (
            <button type="button" className={`button ${data.paused ? 'button-primary' : ''}`} onClick={() => void togglePause()} disabled={action.pending} data-testid="outbox-pause">
              {data.paused ? t('national.outbox.resume') : t('national.outbox.pause')}
            </button>
          )
        }
      />
      <NationalNav />
      {outbox.isError && (
        <div className="alert alert-error" role="alert">
          {errorMessage(outbox.error)}
        </div>
      )}
      {data && (
        <section className="panel stack" aria-labelledby="outbox-status-title">
          <h2 className="section-title" id="outbox-status-title">
            {t('national.outbox.status')}
          </h2>
          {data.paused && (
            <div className="alert alert-warning" role="status">
              {t('national.outbox.paused')}
            </div>
          )}
          {data.hubUrl ? (
            <p className="muted small">{t('national.outbox.hub', { url: data.hubUrl })}</p>
          ) : (
            <div className="alert alert-warning" role="status">
              {t('national.outbox.noHub')}
            </div>
          )}
          <OutboxCounts counts={data.counts} active={state} onPick={filter} />
        </section>
      )}
      <section className="panel stack" aria-labelledby="outbox-items-title">
        <div className="panel-header">
          <h2 className="section-title" id="outbox-items-title">
            {t('national.outbox.items')}
          </h2>
          <SelectField id="outbox-state" label={t('national.outbox.state')} value={state} onChange={(v) => filter(v as OutboxState | '')} options={OUTBOX_STATES} labelPrefix="national.outbox.states" emptyLabel={t('common.any')} className="field-inline" />
        </div>
        <div className="table-wrap">
          <table data-testid="outbox-items">
            <thead>
              <tr>
                <th scope="col">{t('national.fields.seizure')}</th>
                <th scope="col">{t('national.outbox.operation')}</th>
                <th scope="col">{t('national.outbox.state')}</th>
                <th scope="col">{t('national.outbox.attempts')}</th>
                <th scope="col">{t('national.outbox.nextAttempt')}</th>
                <th scope="col">{t('national.outbox.lastError')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {(data?.items ?? []).map((item) => (
                <tr key={item.id} data-state={item.state}>
                  <td className="nowrap">
                    <Link to="/seizures/$id" params={{ id: item.seizureId }}>
                      {item.seizureReference}
                    </Link>
                  </td>
                  <td>{t(`national.outbox.operations.${item.operation}`)}</td>
                  <td>
                    <OutboxStateBadge state={item.state} />
                  </td>
                  <td>{format.number(item.attempts)}</td>
                  <td className="nowrap">{format.dateTime(item.nextAttemptAt)}</td>
                  <td className="small" dir="auto">
                    {item.lastError ?? ''}
                  </td>
                  <td>
                    {(item.state === 'failed' || item.state === 'pending') && (
                      <button type="button" className="button button-small" disabled={action.pending} onClick={() => void retry(item.id, item.seizureReference)}>
                        {t('national.outbox.retry')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
              {data && data.items.length === 0 && (
                <tr>
                  <td colSpan={7} className="empty">
                    {t('national.outbox.none')}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
        {data && data.total > PAGE_SIZE && <Pager page={page} pageSize={PAGE_SIZE} total={data.total} onPage={setPage} />}
      </section>
    </>
  );
}
