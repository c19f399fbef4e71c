import { useState, type FormEvent } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { TextField } from '../app/forms.tsx';
import { useFormat } from '../app/format.ts';
import { useLiveEvent } from '../app/live-events.ts';
import { PageHeader } from '../app/PageHeader.tsx';
import { useMe } from '../app/session.tsx';
import { SelectField } from '../seizures/Select.tsx';
import { AlertStatusBadge, GradingBadge, HandlingBadge } from './AlertBadges.tsx';
import { AlertsNav } from './AlertsNav.tsx';
import { HANDLING_CODES, RISK_AREAS, WCO_REGIONS, alertKeys, alertsApi, canDecideGlobal, canReviewAlerts, canWriteAlerts, type AlertFilters, type Box } from './alerts-api.ts';
import { FilterActions } from '../app/FilterActions.tsx';
import { ListStatus, ResultsTable } from '../app/ListResults.tsx';

const EMPTY: AlertFilters = { q: '', riskArea: '', region: '', handling: '', from: '', to: '', acknowledged: '' };

/** The boxes a reader has: the inbox for all, the others by role. */
function boxesOf(roles: readonly string[]): Box[] {
  const boxes: Box[] = ['inbox'];
  if (canWriteAlerts(roles)) boxes.push('mine');
  if (canReviewAlerts(roles)) boxes.push('review');
  if (canDecideGlobal(roles)) boxes.push('global');
  return boxes;
}

/** Alerts in one box, with filters; reloads when an alert reaches the administration. */
export function InboxPage() {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormat();
  const queryClient = useQueryClient();
  const boxes = boxesOf(me.roles);
  const [box, setBox] = useState<Box>('inbox');
  const [draft, setDraft] = useState<AlertFilters>(EMPTY);
  const [filters, setFilters] = useState<AlertFilters>(EMPTY);
  const list = useQuery({ queryKey: alertKeys.list(box, filters), queryFn: () => alertsApi.list(box, filters), placeholderData: keepPreviousData });
  useLiveEvent('alert.circulated', () => void queryClient.invalidateQueries({ queryKey: alertKeys.all }));
  const alerts = list.data?.alerts ?? [];
  const set = <K extends keyof AlertFilters>(key: K, value: AlertFilters[K]) => setDraft((f) => ({ ...f, [key]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFilters(draft);
  };

  return (
    <>
      <PageHeader title={t('alerts.inbox.title')} intro={t('alerts.inbox.intro')} />
      <AlertsNav />
      <div className="button-row" role="group" aria-label={t('alerts.inbox.boxes')}>
        {boxes.map((b) => (
          <button key={b} type="button" className={`button${b === box ? ' button-primary' : ''}`} aria-pressed={b === box} onClick={() => setBox(b)}>
            {t(`alerts.boxes.${b}`)}
          </button>
        ))}
      </div>
      <section className="panel">
        <form role="search" aria-label={t('alerts.inbox.filters')} onSubmit={submit} noValidate className="stack">
          <div className="form-grid form-grid-3">
            <TextField id="alert-q" type="search" label={t('alerts.inbox.text')} value={draft.q ?? ''} onChange={(v) => set('q', v)} maxLength={200} autoComplete="off" />
            <SelectField id="alert-filter-riskArea" label={t('alerts.fields.riskArea')} value={draft.riskArea ?? ''} onChange={(v) => set('riskArea', v)} options={RISK_AREAS} labelPrefix="alerts.riskAreas" emptyLabel={t('common.any')} />
            <SelectField id="alert-filter-region" label={t('alerts.inbox.region')} value={draft.region ?? ''} onChange={(v) => set('region', v)} options={WCO_REGIONS} labelPrefix="alerts.regions" emptyLabel={t('common.any')} />
            <SelectField id="alert-filter-handling" label={t('alerts.fields.handling')} value={draft.handling ?? ''} onChange={(v) => set('handling', v)} options={HANDLING_CODES} labelPrefix="alerts.handlingShort" emptyLabel={t('common.any')} />
            <TextField id="alert-filter-from" type="date" label={t('alerts.inbox.from')} value={draft.from ?? ''} onChange={(v) => set('from', v)} />
            <TextField id="alert-filter-to" type="date" label={t('alerts.inbox.to')} value={draft.to ?? ''} onChange={(v) => set('to', v)} />
            <SelectField id="alert-filter-acknowledged" label={t('alerts.inbox.acknowledged')} value={draft.acknowledged ?? ''} onChange={(v) => set('acknowledged', v as AlertFilters['acknowledged'])} options={['yes', 'no']} labelPrefix="alerts.inbox.ackOptions" emptyLabel={t('common.any')} />
          </div>
          <FilterActions
            onClear={() => {
              setDraft(EMPTY);
              setFilters(EMPTY);
            }}
          />
        </form>
      </section>
      <section className="panel">
        <ListStatus query={list} count={t('common.count', { count: alerts.length })} />
        <ResultsTable testId="alert-list" caption={t(`alerts.boxes.${box}`)}>
          <thead>
            <tr>
              <th scope="col">{t('alerts.fields.reference')}</th>
              <th scope="col">{t('alerts.fields.title')}</th>
              <th scope="col">{t('alerts.fields.riskArea')}</th>
              <th scope="col">{t('alerts.fields.handling')}</th>
              <th scope="col">{t('alerts.fields.grading')}</th>
              <th scope="col">{t('alerts.fields.author')}</th>
              <th scope="col">{t('alerts.fields.status')}</th>
              <th scope="col">{t('alerts.fields.circulatedAt')}</th>
              <th scope="col">{t('alerts.inbox.acknowledged')}</th>
            </tr>
          </thead>
          <tbody>
            {alerts.map((a) => (
              <tr key={a.id} data-reference={a.reference}>
                <td className="nowrap">
                  <Link to="/alerts/$id" params={{ id: a.id }}>
                    {a.reference}
                  </Link>
                </td>
                <td dir="auto">{a.title}</td>
                <td>{t(`alerts.riskAreas.${a.riskArea}`)}</td>
                <td>
                  <HandlingBadge handling={a.handling} />
                </td>
                <td>
                  <GradingBadge sourceReliability={a.sourceReliability} infoCredibility={a.infoCredibility} />
                </td>
                <td dir="auto">{a.authorOrgName}</td>
                <td>
                  <AlertStatusBadge status={a.status} />
                </td>
                <td className="nowrap">{format.dateTime(a.circulatedAt)}</td>
                <td data-testid="acknowledged">{a.acknowledged === null ? '' : a.acknowledged ? t('alerts.inbox.ackOptions.yes') : t('alerts.inbox.ackOptions.no')}</td>
              </tr>
            ))}
            {alerts.length === 0 && list.data && (
              <tr>
                <td colSpan={9} className="empty">
                  {t('alerts.inbox.empty')}
                </td>
              </tr>
            )}
          </tbody>
        </ResultsTable>
      </section>
    </>
  );
}
