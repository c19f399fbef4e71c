import { useMemo } from 'react';
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
import type { ReportSearch } from './search-params.ts';
import { SeizuresNav } from './SeizuresNav.tsx';
import { CATEGORIES, seizureKeys, seizuresApi, type Counted, type ReportReply } from './seizures-api.ts';
import { change, formatQuantities, monthLabels, unitLabel } from './stats-format.ts';
import { RoutesTable } from './RoutesTable.tsx';
import { WorldMap } from './WorldMap.tsx';

const CURRENT_YEAR = new Date().getFullYear();
const YEARS = Array.from({ length: 8 }, (_, i) => CURRENT_YEAR - i);

/** The annual report for one year and one category, in the style of the WCO Illicit Trade Report; prints to PDF. */
export function ReportPage() {
  const { t } = useTranslation();
  const search = useSearch({ strict: false }) as ReportSearch;
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const categoryName = useCategoryLabel();
  const year = search.year ?? CURRENT_YEAR;
  const category = search.category ?? 'DRUGS';
  const report = useQuery({ queryKey: seizureKeys.report(year, category), queryFn: () => seizuresApi.report(year, category), placeholderData: keepPreviousData });
  const go = (next: ReportSearch) => void navigate({ to: '/seizures/report', search: { year, category, ...next } });

  return (
    <>
      <PageHeader title={t('seizures.report.pageTitle')} intro={t('seizures.report.intro')} />
      <SeizuresNav />
      <div className="toolbar no-print">
        <Field id="report-year" label={t('seizures.dashboard.year')} className="field-inline">
          <select id="report-year" value={year} onChange={(e) => go({ year: Number(e.target.value) })}>
            {YEARS.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </Field>
        <Field id="report-category" label={t('seizures.search.category')} className="field-inline">
          <select id="report-category" value={category} onChange={(e) => go({ category: e.target.value })}>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {categoryName(c)}
              </option>
            ))}
          </select>
        </Field>
        <button type="button" className="button button-primary" onClick={() => window.print()}>
          {t('seizures.report.print')}
        </button>
      </div>
      {report.isError && (
        <div className="alert alert-error" role="alert">
          {errorMessage(report.error)}
        </div>
      )}
      {report.isPending && <p className="muted">{t('common.loading')}</p>}
      {report.data && <Report report={report.data} />}
    </>
  );
}

function Report({ report: r }: { report: ReportReply }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const country = useCountryName();
  const categoryName = useCategoryLabel();
  const subcategories = useReferenceLabels('commodities', r.bySubcategory.map((s) => s.subcategory));
  const largestSubs = useReferenceLabels('commodities', r.largest.map((s) => s.subcategory));
  const regions = useReferenceLabels('regions', r.byRegion.map((s) => s.code));
  const concealment = useReferenceLabels('concealment-methods', r.topConcealment.map((c) => c.code));
  const detection = useReferenceLabels('detection-methods', r.topDetection.map((c) => c.code));
  const unit = (u: string) => unitLabel(u, t);
  const name = categoryName(r.category);
  const months = useMemo(() => monthLabels(i18n.language), [i18n.language]);
  const yearFilters = { category: r.category, from: `${r.year}-01-01`, to: `${r.year}-12-31` };
  const map = useQuery({ queryKey: seizureKeys.map(yearFilters), queryFn: () => seizuresApi.map(yearFilters) });

  const monthly = useMemo<ChartConfiguration>(() => {
    const series = (field: 'seizures' | 'kilograms') => months.map((_, m) => r.monthly.find((x) => x.month === `${r.year}-${String(m + 1).padStart(2, '0')}`)?.[field] ?? 0);
    return {
      type: 'bar',
      data: {
        labels: months,
        datasets: [
          { type: 'bar', label: t('seizures.stats.seizures'), data: series('seizures'), backgroundColor: PALETTE[0], yAxisID: 'y' },
          { type: 'line', label: t('seizures.dashboard.kilograms'), data: series('kilograms'), borderColor: PALETTE[1], backgroundColor: PALETTE[1], yAxisID: 'kg' },
        ],
      },
      options: {
        scales: {
          y: { beginAtZero: true, title: { display: true, text: t('seizures.stats.seizures') } },
          kg: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false }, title: { display: true, text: t('seizures.dashboard.kilograms') } },
        },
      },
    };
  }, [r, months, t]);

  const diff = change(r.seizures, r.lastYearSeizures, i18n.language);
  return (
    <article className="report" data-testid="annual-report" aria-labelledby="report-title">
      <header className="report-section">
        <p className="muted">{t('seizures.report.kicker')}</p>
        <h1 id="report-title">{t('seizures.report.title', { category: name, year: r.year })}</h1>
        <p className="report-lead">
          {t('seizures.report.lead', {
            seizures: format.number(r.seizures),
            countries: format.number(r.countriesReporting),
            year: r.year,
            category: name,
          })}{' '}
          {r.lastYearSeizures > 0 && t('seizures.report.leadChange', { last: format.number(r.lastYearSeizures), change: diff })}
        </p>
      </header>

      <section className="report-section" aria-labelledby="report-key-figures">
        <h2 id="report-key-figures">{t('seizures.report.keyFigures')}</h2>
        <ul className="kpi-grid" data-testid="report-kpis">
          <li className="kpi" data-kpi="seizures">
            <span className="kpi-value">{format.number(r.seizures)}</span>
            <span className="kpi-label">{t('seizures.stats.seizures')}</span>
          </li>
          <li className="kpi" data-kpi="countries">
            <span className="kpi-value">{format.number(r.countriesReporting)}</span>
            <span className="kpi-label">{t('seizures.report.countriesReporting')}</span>
          </li>
          {r.quantities.map((q) => (
            <li key={q.unit} className="kpi" data-kpi={`quantity-${q.unit}`}>
              <span className="kpi-value">{format.number(Math.round(q.quantity * 100) / 100)}</span>
              <span className="kpi-label">{unit(q.unit)}</span>
              <span className="kpi-label">
                {' '}
                {t('seizures.report.lastYear', { value: formatQuantities(r.lastYearQuantities.filter((l) => l.unit === q.unit), format.number, unit) || '—' })}
              </span>
            </li>
          ))}
        </ul>
      </section>

      <section className="report-section" aria-labelledby="report-monthly">
        <h2 id="report-monthly">{t('seizures.report.monthly')}</h2>
        <ChartView config={monthly} label={t('seizures.report.monthly')} testId="report-chart-monthly" />
      </section>

      <section className="report-section" aria-labelledby="report-subcategories">
        <h2 id="report-subcategories">{t('seizures.report.bySubcategory')}</h2>
        <table data-testid="report-subcategories">
          <thead>
            <tr>
              <th scope="col">{t('seizures.fields.commodity')}</th>
              <th scope="col">{t('seizures.stats.seizures')}</th>
              <th scope="col">{t('seizures.fields.quantity')}</th>
            </tr>
          </thead>
          <tbody>
            {r.bySubcategory.map((s) => (
              <tr key={s.subcategory ?? '-'}>
                <th scope="row">{s.subcategory ? subcategories(s.subcategory) : t('seizures.report.unspecified')}</th>
                <td>{format.number(s.seizures)}</td>
                <td>{formatQuantities(s.quantities, format.number, unit)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <div className="two-columns">
        <QuantityTable id="report-regions" title={t('seizures.dashboard.byRegion')} rows={r.byRegion} label={regions} unit={unit} />
        <QuantityTable id="report-countries" title={t('seizures.report.topCountries')} rows={r.topCountries} label={country} unit={unit} />
      </div>

      <section className="report-section" aria-labelledby="report-routes">
        <h2 id="report-routes">{t('seizures.dashboard.topRoutes')}</h2>
        <WorldMap data={map.data} title={t('seizures.dashboard.topRoutes')} maxFlows={15} />
        <RoutesTable routes={r.topRoutes} />
      </section>

      <div className="two-columns">
        <CountTable id="report-concealment" title={t('seizures.dashboard.topConcealment')} rows={r.topConcealment} label={concealment} />
        <CountTable id="report-detection" title={t('seizures.dashboard.topDetection')} rows={r.topDetection} label={detection} />
        <CountTable id="report-transport" title={t('seizures.report.byTransport')} rows={r.byTransport} label={(c) => t(`seizures.transportModes.${c}`, { defaultValue: c })} />
      </div>

      <section className="report-section" aria-labelledby="report-largest">
        <h2 id="report-largest">{t('seizures.report.largest')}</h2>
        <table data-testid="report-largest">
          <thead>
            <tr>
              <th scope="col">{t('seizures.fields.reference')}</th>
              <th scope="col">{t('seizures.fields.seizedAt')}</th>
              <th scope="col">{t('seizures.fields.country')}</th>
              <th scope="col">{t('seizures.fields.commodity')}</th>
              <th scope="col">{t('seizures.fields.quantity')}</th>
            </tr>
          </thead>
          <tbody>
            {r.largest.map((s) => (
              <tr key={s.id}>
                <td>
                  <Link to="/seizures/$id" params={{ id: s.id }}>
                    {s.reference}
                  </Link>
                </td>
                <td>{format.date(s.seizedAt)}</td>
                <td>{country(s.country)}</td>
                <td>{s.subcategory ? largestSubs(s.subcategory) : name}</td>
                <td className="nowrap">
                  {format.number(s.quantity)} {unit(s.unit)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <footer className="report-section muted small">
        <p>{t('seizures.report.source', { date: format.date(new Date().toISOString()) })}</p>
      </footer>
    </article>
  );
}

function QuantityTable({ id, title, rows, label, unit }: { id: string; title: string; rows: (Counted & { quantities: { unit: string; quantity: number }[] })[]; label(code: string): string; unit(u: string): string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="report-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <table data-testid={id}>
        <thead>
          <tr>
            <th scope="col">{title}</th>
            <th scope="col">{t('seizures.stats.seizures')}</th>
            <th scope="col">{t('seizures.fields.quantity')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code} data-code={r.code}>
              <th scope="row">{label(r.code)}</th>
              <td>{format.number(r.seizures)}</td>
              <td>{formatQuantities(r.quantities, format.number, unit)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function CountTable({ id, title, rows, label }: { id: string; title: string; rows: Counted[]; label(code: string): string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="report-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <table data-testid={id}>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td>{t('seizures.dashboard.noData')}</td>
            </tr>
          )}
          {rows.map((r) => (
            <tr key={r.code} data-code={r.code}>
              <th scope="row">{label(r.code)}</th>
              <td>{format.number(r.seizures)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
