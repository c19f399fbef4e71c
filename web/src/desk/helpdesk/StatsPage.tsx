import { useMemo, useState, type FormEvent } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ChartConfiguration } from 'chart.js';
import { useTranslation } from 'react-i18next';
import { FilterActions } from '../../app/FilterActions.tsx';
import { TextField, useErrorMessage } from '../../app/forms.tsx';
import { useFormat } from '../../app/format.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { ChartView, PALETTE } from '../../seizures/ChartView.tsx';
import { useReferenceLabels } from '../../seizures/labels.ts';
import { DeskNav } from '../DeskNav.tsx';
import { useDuration } from './ClockBadge.tsx';
import { helpdeskApi, helpdeskKeys } from './helpdesk-api.ts';

const bars = (labels: string[], data: number[], label: string): ChartConfiguration => ({
  type: 'bar',
  data: { labels, datasets: [{ label, data, backgroundColor: PALETTE[0] }] },
  options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
});

/** The help desk's figures for the I2C: volume by type and region, median times to first answer and to resolution, satisfaction. */
export function StatsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const duration = useDuration();
  const errorMessage = useErrorMessage();
  const [draft, setDraft] = useState<{ from?: string; to?: string }>({});
  const [period, setPeriod] = useState<{ from?: string; to?: string }>({});
  const stats = useQuery({ queryKey: helpdeskKeys.stats(period.from, period.to), queryFn: () => helpdeskApi.stats(period.from, period.to), placeholderData: keepPreviousData });
  const s = stats.data;
  const byType = useMemo(() => (s ? bars(s.byType.map((r) => t(`desk.helpdesk.types.${r.type}`)), s.byType.map((r) => r.count), t('desk.helpdesk.stats.requests')) : null), [s, t]);
  const regionLabel = useReferenceLabels('regions', s?.byRegion.map((r) => r.region) ?? []);
  const regionName = (code: string | null) => (code ? regionLabel(code) : t('desk.helpdesk.stats.noRegion'));
  const regionNames = s?.byRegion.map((r) => regionName(r.region)).join('|');
  const byRegion = useMemo(() => (s ? bars(regionNames!.split('|'), s.byRegion.map((r) => r.count), t('desk.helpdesk.stats.requests')) : null), [s, t, regionNames]);
  const minutes = (m: number | null) => (m === null ? '—' : duration(m * 60_000));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setPeriod(draft);
  };

  return (
    <>
      <PageHeader title={t('desk.helpdesk.stats.title')} intro={t('desk.helpdesk.stats.intro')} />
      <DeskNav />
      <section className="panel">
        <form onSubmit={submit} noValidate className="stack" aria-label={t('desk.helpdesk.stats.period')}>
          <div className="form-grid form-grid-3">
            <TextField id="hd-stats-from" type="date" label={t('desk.helpdesk.stats.from')} value={draft.from ?? ''} onChange={(v) => setDraft((d) => ({ ...d, from: v || undefined }))} />
            <TextField id="hd-stats-to" type="date" label={t('desk.helpdesk.stats.to')} value={draft.to ?? ''} onChange={(v) => setDraft((d) => ({ ...d, to: v || undefined }))} />
          </div>
          <FilterActions
            onClear={() => {
              setDraft({});
              setPeriod({});
            }}
          />
        </form>
      </section>
      {stats.isError && (
        <div className="alert alert-error" role="alert">
          {errorMessage(stats.error)}
        </div>
      )}
      {s && (
        <>
          <section className="panel">
            <p className="muted">{t('desk.helpdesk.stats.between', { from: format.date(s.from), to: format.date(s.to) })}</p>
            <dl className="helpdesk-figures" data-testid="helpdesk-figures">
              <div>
                <dt>{t('desk.helpdesk.stats.total')}</dt>
                <dd data-figure="total">{format.number(s.total)}</dd>
              </div>
              <div>
                <dt>{t('desk.helpdesk.stats.open')}</dt>
                <dd data-figure="open">{format.number(s.open)}</dd>
              </div>
              <div>
                <dt>{t('desk.helpdesk.stats.medianFirst')}</dt>
                <dd data-figure="first">{minutes(s.medianFirstResponseMinutes)}</dd>
              </div>
              <div>
                <dt>{t('desk.helpdesk.stats.medianResolution')}</dt>
                <dd data-figure="resolution">{minutes(s.medianResolutionMinutes)}</dd>
              </div>
              <div>
                <dt>{t('desk.helpdesk.stats.withinTarget')}</dt>
                <dd data-figure="target">{s.firstResponseWithinTarget === null ? '—' : new Intl.NumberFormat(undefined, { style: 'percent' }).format(s.firstResponseWithinTarget)}</dd>
              </div>
              <div>
                <dt>{t('desk.helpdesk.stats.satisfaction')}</dt>
                <dd data-figure="satisfaction">{s.satisfactionAverage === null ? '—' : t('desk.helpdesk.stats.satisfactionOf', { value: format.number(s.satisfactionAverage), count: s.satisfactionCount })}</dd>
              </div>
            </dl>
          </section>
          <div className="helpdesk-charts">
            <section className="panel" aria-labelledby="hd-by-type">
              <h2 id="hd-by-type">{t('desk.helpdesk.stats.byType')}</h2>
              {byType && <ChartView config={byType} label={t('desk.helpdesk.stats.byType')} height={240} testId="helpdesk-chart-type" />}
              <table data-testid="helpdesk-by-type">
                <tbody>
                  {s.byType.map((r) => (
                    <tr key={r.type}>
                      <th scope="row">{t(`desk.helpdesk.types.${r.type}`)}</th>
                      <td>{format.number(r.count)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <section className="panel" aria-labelledby="hd-by-region">
              <h2 id="hd-by-region">{t('desk.helpdesk.stats.byRegion')}</h2>
              {byRegion && <ChartView config={byRegion} label={t('desk.helpdesk.stats.byRegion')} height={240} testId="helpdesk-chart-region" />}
              <table data-testid="helpdesk-by-region">
                <tbody>
                  {s.byRegion.map((r) => (
                    <tr key={r.region ?? 'none'}>
                      <th scope="row">{regionName(r.region)}</th>
                      <td>{format.number(r.count)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </div>
        </>
      )}
    </>
  );
}
