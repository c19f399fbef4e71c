import { useMemo, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import type { ChartConfiguration } from 'chart.js';
import { useTranslation } from 'react-i18next';
import { Field, useErrorMessage } from '../app/forms.tsx';
import { useFormat } from '../app/format.ts';
import { PageHeader } from '../app/PageHeader.tsx';
import { useCategoryLabel } from './CategorySelect.tsx';
import { ChartView, PALETTE } from './ChartView.tsx';
import { useCountryName, useReferenceLabels } from './labels.ts';
import type { DashboardSearch } from './search-params.ts';
import { SeizuresNav } from './SeizuresNav.tsx';
import { seizureKeys, seizuresApi, type Counted, type StatsReply } from './seizures-api.ts';
import { change, formatQuantities, monthLabels, unitLabel } from './stats-format.ts';
import { RoutesTable } from './RoutesTable.tsx';
import { WorldMap } from './WorldMap.tsx';

const CURRENT_YEAR = new Date().getFullYear();
const YEARS = Array.from({ length: 8 }, (_, i) => CURRENT_YEAR - i);

/** The dashboard: this year against last, per category and month, top routes, methods, countries and regions. */
export function DashboardPage() {
  const { t } = useTranslation();
  const search = useSearch({ strict: false }) as DashboardSearch;
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const year = search.year ?? CURRENT_YEAR;
  const stats = useQuery({ queryKey: seizureKeys.stats({ year }), queryFn: () => seizuresApi.stats({ year }), placeholderData: keepPreviousData });
  const yearFilters = { from: `${year}-01-01`, to: `${year}-12-31` };
  const map = useQuery({ queryKey: seizureKeys.map(yearFilters), queryFn: () => seizuresApi.map(yearFilters), placeholderData: keepPreviousData });

  return (
    <>
      <PageHeader title={t('seizures.dashboard.title')} intro={t('seizures.dashboard.intro')} />
      <SeizuresNav />
      <div className="toolbar no-print">
        <Field id="dashboard-year" label={t('seizures.dashboard.year')} className="field-inline">
          <select id="dashboard-year" value={year} onChange={(e) => void navigate({ to: '/seizures/dashboard', search: { year: Number(e.target.value) } })}>
            {YEARS.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {stats.isError && (
        <div className="alert alert-error" role="alert">
          {errorMessage(stats.error)}
        </div>
      )}
      {stats.isPending && <p className="muted">{t('common.loading')}</p>}
      {stats.data && <Dashboard stats={stats.data} />}
      <section className="panel" aria-labelledby="routes-map-title">
        <h2 className="section-title" id="routes-map-title">
          {t('seizures.dashboard.routesMap', { year })}
        </h2>
        <WorldMap data={map.data} title={t('seizures.dashboard.routesMap', { year })} maxFlows={15} testId="dashboard-map" />
      </section>
    </>
  );
}

function Dashboard({ stats }: { stats: StatsReply }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const category = useCategoryLabel();
  const country = useCountryName();
  const concealment = useReferenceLabels('concealment-methods', stats.topConcealment.map((c) => c.code));
  const detection = useReferenceLabels('detection-methods', stats.topDetection.map((c) => c.code));
  const regions = useReferenceLabels('regions', stats.byRegion.map((c) => c.code));
  const [monthlyCategory, setMonthlyCategory] = useState('');
  const unit = (u: string) => unitLabel(u, t);
  const year = stats.year;
  const months = useMemo(() => monthLabels(i18n.language), [i18n.language]);
  const categoryCodes = stats.byCategory.map((c) => c.category);
  const categoryKey = categoryCodes.map(category).join('|');

  const monthlyConfig = useMemo<ChartConfiguration>(() => {
    const series = (y: number, field: 'seizures' | 'kilograms') =>
      Array.from({ length: 12 }, (_, m) => {
        const month = `${y}-${String(m + 1).padStart(2, '0')}`;
        return stats.monthly.filter((r) => r.month === month && (!monthlyCategory || r.category === monthlyCategory)).reduce((sum, r) => sum + r[field], 0);
      });
    return {
      type: 'line',
      data: {
        labels: months,
        datasets: [
          { label: t('seizures.dashboard.seizuresIn', { year }), data: series(year, 'seizures'), borderColor: PALETTE[0], backgroundColor: PALETTE[0], yAxisID: 'y' },
          { label: t('seizures.dashboard.seizuresIn', { year: year - 1 }), data: series(year - 1, 'seizures'), borderColor: PALETTE[0], backgroundColor: PALETTE[0], borderDash: [6, 4], yAxisID: 'y' },
          { label: t('seizures.dashboard.kilogramsIn', { year }), data: series(year, 'kilograms'), borderColor: PALETTE[1], backgroundColor: PALETTE[1], yAxisID: 'kg' },
          { label: t('seizures.dashboard.kilogramsIn', { year: year - 1 }), data: series(year - 1, 'kilograms'), borderColor: PALETTE[1], backgroundColor: PALETTE[1], borderDash: [6, 4], yAxisID: 'kg' },
        ],
      },
      options: {
        scales: {
          y: { beginAtZero: true, title: { display: true, text: t('seizures.stats.seizures') } },
          kg: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false }, title: { display: true, text: t('seizures.dashboard.kilograms') } },
        },
      },
    };
  }, [stats, monthlyCategory, months, year, t]);

  const byCategoryConfig = useMemo<ChartConfiguration>(
    () => ({
      type: 'bar',
      data: {
        labels: categoryCodes.map(category),
        datasets: [
          { label: String(year), data: stats.byCategory.map((c) => c.seizures), backgroundColor: PALETTE[0] },
          { label: String(year - 1), data: stats.byCategory.map((c) => c.lastYearSeizures), backgroundColor: '#9db8d3' },
        ],
      },
      options: { scales: { y: { beginAtZero: true } } },
    }),
    [stats, categoryKey, year],
  );

  const bars = (rows: Counted[], label: (code: string) => string, color: string): ChartConfiguration => ({
    type: 'bar',
    data: { labels: rows.map((r) => label(r.code)), datasets: [{ label: t('seizures.stats.seizures'), data: rows.map((r) => r.seizures), backgroundColor: color }] },
    options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true } } },
  });

  return (
    <>
      <section className="panel stack" aria-labelledby="kpi-title">
        <h2 className="section-title" id="kpi-title">
          {t('seizures.dashboard.overview', { year })}
        </h2>
        <ul className="kpi-grid" data-testid="dashboard-kpis">
          <li className="kpi" data-kpi="total">
            <span className="kpi-value">{format.number(stats.totals.seizures)}</span>
            <span className="kpi-label">{t('seizures.dashboard.totalSeizures', { year })}</span>
            <span className="kpi-label"> {t('seizures.dashboard.vsLastYear', { n: format.number(stats.totals.lastYearSeizures), change: change(stats.totals.seizures, stats.totals.lastYearSeizures, i18n.language) || '—' })}</span>
          </li>
          {stats.byCategory.slice(0, 5).map((c) => (
            <li key={c.category} className="kpi" data-kpi={c.category}>
              <span className="kpi-value">{format.number(c.seizures)}</span>
              <span className="kpi-label">{category(c.category)}</span>
              <span className="kpi-label"> {formatQuantities(c.quantities.slice(0, 2), format.number, unit)}</span>
            </li>
          ))}
        </ul>
      </section>

      <section className="panel stack" aria-labelledby="monthly-title">
        <div className="panel-header">
          <h2 className="section-title" id="monthly-title">
            {t('seizures.dashboard.monthly')}
          </h2>
          <Field id="monthly-category" label={t('seizures.search.category')} className="field-inline">
            <select id="monthly-category" value={monthlyCategory} onChange={(e) => setMonthlyCategory(e.target.value)}>
              <option value="">{t('seizures.dashboard.allCategories')}</option>
              {categoryCodes.map((c) => (
                <option key={c} value={c}>
                  {category(c)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <ChartView config={monthlyConfig} label={t('seizures.dashboard.monthly')} testId="chart-monthly" />
      </section>

      <section className="panel stack" aria-labelledby="by-category-title">
        <h2 className="section-title" id="by-category-title">
          {t('seizures.dashboard.byCategory', { year, last: year - 1 })}
        </h2>
        <ChartView config={byCategoryConfig} label={t('seizures.dashboard.byCategory', { year, last: year - 1 })} testId="chart-by-category" />
        <div className="table-wrap">
          <table data-testid="dashboard-by-category">
            <thead>
              <tr>
                <th scope="col">{t('seizures.search.category')}</th>
                <th scope="col">{t('seizures.dashboard.seizuresIn', { year })}</th>
                <th scope="col">{t('seizures.dashboard.seizuresIn', { year: year - 1 })}</th>
                <th scope="col">{t('seizures.dashboard.change')}</th>
                <th scope="col">{t('seizures.dashboard.quantitiesIn', { year })}</th>
                <th scope="col">{t('seizures.dashboard.quantitiesIn', { year: year - 1 })}</th>
              </tr>
            </thead>
            <tbody>
              {stats.byCategory.map((c) => (
                <tr key={c.category} data-category={c.category}>
                  <th scope="row">
                    <Link to="/seizures" search={{ category: c.category, from: `${year}-01-01`, to: `${year}-12-31` }}>
                      {category(c.category)}
                    </Link>
                  </th>
                  <td data-cell="seizures">{format.number(c.seizures)}</td>
                  <td data-cell="lastYearSeizures">{format.number(c.lastYearSeizures)}</td>
                  <td>{change(c.seizures, c.lastYearSeizures, i18n.language)}</td>
                  <td>{formatQuantities(c.quantities, format.number, unit)}</td>
                  <td>{formatQuantities(c.lastYearQuantities, format.number, unit)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <div className="two-columns">
        <RankedPanel id="concealment" title={t('seizures.dashboard.topConcealment')} rows={stats.topConcealment} label={concealment} config={bars(stats.topConcealment, concealment, PALETTE[2])} />
        <RankedPanel id="detection" title={t('seizures.dashboard.topDetection')} rows={stats.topDetection} label={detection} config={bars(stats.topDetection, detection, PALETTE[3])} />
        <RankedPanel id="countries" title={t('seizures.dashboard.byCountry')} rows={stats.byCountry.slice(0, 15)} label={country} config={bars(stats.byCountry.slice(0, 15), country, PALETTE[4])} />
        <RankedPanel id="regions" title={t('seizures.dashboard.byRegion')} rows={stats.byRegion} label={regions} config={bars(stats.byRegion, regions, PALETTE[5])} />
      </div>

      <section className="panel" aria-labelledby="top-routes-title">
        <h2 className="section-title" id="top-routes-title">
          {t('seizures.dashboard.topRoutes')}
        </h2>
        <div className="table-wrap">
          <RoutesTable routes={stats.topRoutes} testId="dashboard-top-routes" />
        </div>
      </section>
    </>
  );
}

function RankedPanel({ id, title, rows, label, config }: { id: string; title: string; rows: Counted[]; label(code: string): string; config: ChartConfiguration }) {
  const { t } = useTranslation();
  const format = useFormat();
  const key = rows.map((r) => `${label(r.code)}=${r.seizures}`).join('|');
  const stable = useMemo(() => config, [key]);
  return (
    <section className="panel stack" aria-labelledby={`${id}-title`}>
      <h2 className="section-title" id={`${id}-title`}>
        {title}
      </h2>
      {rows.length === 0 ? <p className="muted">{t('seizures.dashboard.noData')}</p> : <ChartView config={stable} label={title} height={Math.max(180, rows.length * 26)} testId={`chart-${id}`} />}
      <details>
        <summary>{t('seizures.map.asTable')}</summary>
        <table data-testid={`dashboard-${id}`}>
          <tbody>
            {rows.map((r) => (
              <tr key={r.code} data-code={r.code}>
                <th scope="row">{label(r.code)}</th>
                <td>{format.number(r.seizures)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
