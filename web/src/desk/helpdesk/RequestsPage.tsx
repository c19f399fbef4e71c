import { useState, type FormEvent } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { FilterActions } from '../../app/FilterActions.tsx';
import { TextField } from '../../app/forms.tsx';
import { useFormat } from '../../app/format.ts';
import { useLiveEvent } from '../../app/live-events.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { Pager } from '../../app/Pager.tsx';
import { useMe } from '../../app/session.tsx';
import { Typeahead } from '../../reference/Typeahead.tsx';
import { SelectField } from '../../seizures/Select.tsx';
import { isI2cStaff } from '../../../../server/desk/desk-view.ts';
import { DeskNav } from '../DeskNav.tsx';
import { ClockBadge, useDuration } from './ClockBadge.tsx';
import { NewRequestDialog } from './NewRequestDialog.tsx';
import { PRIORITIES, REQUEST_TYPES, STATUSES, PAGE_SIZE, helpdeskApi, helpdeskKeys, type QueueFilters } from './helpdesk-api.ts';
import { ListStatus, ResultsTable } from '../../app/ListResults.tsx';

/** The I2C's queue of requests (oldest open first, with their age and clock), or a member's own organisation's requests. */
export function RequestsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const i2c = isI2cStaff(me.roles);
  const format = useFormat();
  const duration = useDuration();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<QueueFilters>({});
  const [filters, setFilters] = useState<QueueFilters>({});
  const [page, setPage] = useState(1);
  const [asking, setAsking] = useState(false);
  const list = useQuery({ queryKey: helpdeskKeys.queue(filters, page), queryFn: () => helpdeskApi.queue(filters, (page - 1) * PAGE_SIZE), placeholderData: keepPreviousData });
  useLiveEvent('desk.request', () => void queryClient.invalidateQueries({ queryKey: helpdeskKeys.all }));
  const set = <K extends keyof QueueFilters>(key: K, value: QueueFilters[K]) => setDraft((f) => ({ ...f, [key]: value || undefined }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setPage(1);
    setFilters(draft);
  };
  const requests = list.data?.requests ?? [];
  const now = Date.now();

  return (
    <>
      <PageHeader
        title={t(i2c ? 'desk.helpdesk.queueTitle' : 'desk.helpdesk.title')}
        intro={t(i2c ? 'desk.helpdesk.queueIntro' : 'desk.helpdesk.intro')}
        actions={
          !i2c && (
            <button type="button" className="button button-primary" onClick={() => setAsking(true)}>
              {t('desk.helpdesk.new')}
            </button>
          )
        }
      />
      <DeskNav />
      <section className="panel">
        <form role="search" aria-label={t('desk.helpdesk.filters')} onSubmit={submit} noValidate className="stack">
          <div className="form-grid form-grid-3">
            <TextField id="hd-q" type="search" label={t('desk.helpdesk.text')} value={draft.q ?? ''} onChange={(v) => set('q', v)} maxLength={100} autoComplete="off" />
            <SelectField id="hd-status" label={t('desk.helpdesk.fields.status')} value={draft.status ?? ''} onChange={(v) => set('status', v)} options={STATUSES} labelPrefix="desk.helpdesk.statuses" emptyLabel={t('common.any')} />
            <SelectField id="hd-type" label={t('desk.helpdesk.fields.type')} value={draft.type ?? ''} onChange={(v) => set('type', v)} options={REQUEST_TYPES} labelPrefix="desk.helpdesk.types" emptyLabel={t('common.any')} />
            <SelectField id="hd-priority" label={t('desk.helpdesk.fields.priority')} value={draft.priority ?? ''} onChange={(v) => set('priority', v)} options={PRIORITIES} labelPrefix="desk.helpdesk.priorities" emptyLabel={t('common.any')} />
            {i2c && (
              <>
                <SelectField id="hd-assignee" label={t('desk.helpdesk.fields.assignee')} value={draft.assignee ?? ''} onChange={(v) => set('assignee', v)} options={['me', 'none']} labelPrefix="desk.helpdesk.assignees" emptyLabel={t('common.any')} />
                <Typeahead id="hd-region" kind="regions" label={t('desk.helpdesk.fields.region')} value={draft.region ?? null} onChange={(code) => set('region', code ?? undefined)} />
              </>
            )}
          </div>
          <label className="checkbox">
            <input type="checkbox" checked={draft.overdue === 'true'} onChange={(e) => set('overdue', e.target.checked ? 'true' : undefined)} /> {t('desk.helpdesk.overdueOnly')}
          </label>
          <FilterActions
            onClear={() => {
              setDraft({});
              setFilters({});
              setPage(1);
            }}
          />
        </form>
      </section>
      <section className="panel">
        <ListStatus query={list} count={t('desk.helpdesk.count', { count: list.data?.total ?? 0 })} />
        <ResultsTable testId="helpdesk-requests" caption={t(i2c ? 'desk.helpdesk.queueTitle' : 'desk.helpdesk.title')}>
          <thead>
            <tr>
              <th scope="col">{t('desk.helpdesk.fields.reference')}</th>
              <th scope="col">{t('desk.helpdesk.fields.subject')}</th>
              <th scope="col">{t('desk.helpdesk.fields.type')}</th>
              <th scope="col">{t('desk.helpdesk.fields.priority')}</th>
              {i2c && <th scope="col">{t('desk.helpdesk.fields.organisation')}</th>}
              <th scope="col">{t('desk.helpdesk.fields.status')}</th>
              <th scope="col">{t('desk.helpdesk.fields.assignee')}</th>
              <th scope="col">{t('desk.helpdesk.fields.age')}</th>
              <th scope="col">{t('desk.helpdesk.fields.clock')}</th>
            </tr>
          </thead>
          <tbody>
            {requests.map((r) => (
              <tr key={r.id} data-reference={r.reference} data-subject={r.subject}>
                <td className="nowrap">
                  <Link to="/desk/helpdesk/$id" params={{ id: r.id }}>
                    {r.reference}
                  </Link>
                </td>
                <td dir="auto">{r.subject}</td>
                <td>{t(`desk.helpdesk.types.${r.type}`)}</td>
                <td>
                  <PriorityBadge priority={r.priority} />
                </td>
                {i2c && (
                  <td dir="auto">
                    {r.orgName}
                    {r.country && ` (${r.country})`}
                  </td>
                )}
                <td>{t(`desk.helpdesk.statuses.${r.status}`)}</td>
                <td dir="auto">{r.assigneeName ?? '—'}</td>
                <td className="nowrap" title={format.dateTime(r.createdAt)}>
                  {duration(now - new Date(r.createdAt).getTime())}
                </td>
                <td>
                  <ClockBadge clock={r.clock} now={now} />
                </td>
              </tr>
            ))}
            {list.data && requests.length === 0 && (
              <tr>
                <td colSpan={9} className="empty">
                  {t('desk.helpdesk.none')}
                </td>
              </tr>
            )}
          </tbody>
        </ResultsTable>
        {list.data && <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={setPage} />}
      </section>
      {asking && <NewRequestDialog onClose={() => setAsking(false)} onCreated={(id) => void navigate({ to: '/desk/helpdesk/$id', params: { id } })} />}
    </>
  );
}

export function PriorityBadge({ priority }: { priority: string }) {
  const { t } = useTranslation();
  const tone = priority === 'urgent' ? 'badge-danger' : priority === 'high' ? 'badge-warning' : 'badge-muted';
  return <span className={`badge ${tone}`}>{t(`desk.helpdesk.priorities.${priority}`)}</span>;
}
