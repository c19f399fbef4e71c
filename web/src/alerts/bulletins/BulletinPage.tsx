import { useMemo, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import type { ChartConfiguration } from 'chart.js';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useMe } from '../../app/session.tsx';
import { useToasts } from '../../app/toasts.tsx';
import { DetailRow } from '../../national/DetailRow.tsx';
import { useCategoryLabel } from '../../seizures/CategorySelect.tsx';
import { ChartView, PALETTE } from '../../seizures/ChartView.tsx';
import { useCountryName, useReferenceLabels } from '../../seizures/labels.ts';
import { RoutesTable } from '../../seizures/RoutesTable.tsx';
import '../../seizures/seizures.css';
import { HandlingBadge } from '../AlertBadges.tsx';
import { AlertsNav } from '../AlertsNav.tsx';
import { BulletinStatusBadge, usePeriod, useRegionLabel } from './BulletinParts.tsx';
import { PublishDialog } from './PublishDialog.tsx';
import { bulletinDownloadUrl, bulletinKeys, bulletinsApi, canWriteBulletins, type Bulletin } from './bulletins-api.ts';
import { RecordPending } from '../../app/RecordPending.tsx';

export function BulletinPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams({ strict: false });
  const bulletin = useQuery({ queryKey: bulletinKeys.one(id), queryFn: () => bulletinsApi.get(id), enabled: id !== '' });
  if (!bulletin.data) return <RecordPending query={bulletin} title={t('bulletins.view.title')} nav={<AlertsNav />} />;
  return <BulletinView bulletin={bulletin.data} />;
}

function BulletinView({ bulletin: b }: { bulletin: Bulletin }) {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormat();
  const toasts = useToasts();
  const queryClient = useQueryClient();
  const region = useRegionLabel();
  const period = usePeriod();
  const [publishing, setPublishing] = useState(false);
  // The server refuses anyone but the author's administration; a published bulletin may still be sent further.
  const canPublish = canWriteBulletins(me.roles) && (b.canEdit || (b.status === 'published' && b.authorOrgName === me.orgName));

  return (
    <>
      <PageHeader title={b.title} intro={b.reference} />
      <AlertsNav />
      <div className="alert-marking" data-testid="bulletin-marking" role="note" aria-label={t('bulletins.view.marking')}>
        <HandlingBadge handling={b.handling} />
        <span>{t(`alerts.handlingMeaning.${b.handling}`)}</span>
        <BulletinStatusBadge status={b.status} />
      </div>
      <div className="button-row" data-testid="bulletin-actions">
        <Link to="/alerts/bulletins" className="button">
          {t('bulletins.view.back')}
        </Link>
        {b.canEdit && (
          <Link to="/alerts/bulletins/$id/edit" params={{ id: b.id }} className="button">
            {t('common.edit')}
          </Link>
        )}
        {canPublish && (
          <button type="button" className="button button-primary" onClick={() => setPublishing(true)}>
            {t(b.status === 'draft' ? 'bulletins.actions.publish' : 'bulletins.actions.publishFurther')}
          </button>
        )}
        <a className="button" href={bulletinDownloadUrl(b.id, 'html')} download={`${b.reference}.html`} data-testid="download-html">
          {t('bulletins.actions.downloadHtml')}
        </a>
        <a className="button" href={bulletinDownloadUrl(b.id, 'pdf')} download={`${b.reference}.pdf`} data-testid="download-pdf">
          {t('bulletins.actions.downloadPdf')}
        </a>
      </div>

      <section className="panel" aria-labelledby="bulletin-about-title">
        <h2 className="section-title" id="bulletin-about-title">
          {t('bulletins.view.about')}
        </h2>
        <dl className="details" data-testid="bulletin-details">
          <DetailRow label={t('bulletins.fields.kind')} value={t(`bulletins.kinds.${b.kind}`)} />
          <DetailRow label={t('bulletins.fields.region')} value={region(b.region)} />
          <DetailRow label={t('bulletins.fields.period')} value={period(b)} />
          <DetailRow label={t('alerts.fields.author')} value={b.authorOrgName} />
          <DetailRow label={t('alerts.fields.language')} value={b.language} ltr />
          <DetailRow label={t('bulletins.fields.publishedAt')} value={format.dateTime(b.publishedAt)} />
        </dl>
      </section>

      <section className="panel" aria-labelledby="bulletin-sections-title" data-testid="bulletin-sections">
        <h2 className="visually-hidden" id="bulletin-sections-title">
          {t('bulletins.form.sections')}
        </h2>
        {b.sections.map((s, i) => (
          <article key={i} className="stack">
            <h2 className="section-title" dir="auto">
              {s.heading}
            </h2>
            <p className="alert-text" dir="auto">
              {s.body}
            </p>
          </article>
        ))}
      </section>

      <Figures bulletin={b} />

      <section className="panel" aria-labelledby="bulletin-alerts-title">
        <h2 className="section-title" id="bulletin-alerts-title">
          {t('bulletins.view.alerts')}
        </h2>
        {b.alerts.length === 0 ? (
          <p className="muted">{t('bulletins.view.noAlerts')}</p>
        ) : (
          <div className="table-wrap">
            <table data-testid="bulletin-alerts">
              <thead>
                <tr>
                  <th scope="col">{t('alerts.fields.reference')}</th>
                  <th scope="col">{t('alerts.fields.title')}</th>
                  <th scope="col">{t('alerts.fields.riskArea')}</th>
                  <th scope="col">{t('alerts.fields.handling')}</th>
                  <th scope="col">{t('alerts.fields.circulatedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {b.alerts.map((a) => (
                  <tr key={a.id}>
                    <td className="nowrap">
                      <Link to="/alerts/$id" params={{ id: a.id }}>
                        {a.reference}
                      </Link>
                    </td>
                    <td dir="auto">{a.title}</td>
                    <td>{t(`alerts.riskAreas.${a.riskArea}`, { defaultValue: a.riskArea })}</td>
                    <td>
                      <HandlingBadge handling={a.handling} />
                    </td>
                    <td className="nowrap">{format.dateTime(a.circulatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {publishing && (
        <PublishDialog
          bulletin={b}
          onClose={() => setPublishing(false)}
          onDone={(next) => {
            queryClient.setQueryData(bulletinKeys.one(next.id), next);
            void queryClient.invalidateQueries({ queryKey: bulletinKeys.all });
            setPublishing(false);
            toasts.show({ tone: 'success', title: t('bulletins.publish.done', { reference: next.reference }) });
          }}
        />
      )}
    </>
  );
}

/** The live CEN figures of the bulletin's region and period: validated seizures only. */
function Figures({ bulletin: b }: { bulletin: Bulletin }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const f = b.figures;
  const category = useCategoryLabel();
  const country = useCountryName();
  const concealment = useReferenceLabels('concealment-methods', f.topConcealment.map((c) => c.code));
  const detection = useReferenceLabels('detection-methods', f.topDetection.map((c) => c.code));
  const monthName = useMemo(() => new Intl.DateTimeFormat(i18n.language, { month: 'short', year: 'numeric', timeZone: 'UTC' }), [i18n.language]);
  const month = (m: string) => monthName.format(new Date(`${m}-01T00:00:00Z`));
  const monthlyKey = f.monthly.map((m) => `${m.month}=${m.seizures}`).join('|');
  const monthly = useMemo<ChartConfiguration>(
    () => ({
      type: 'bar',
      data: { labels: f.monthly.map((m) => month(m.month)), datasets: [{ label: t('seizures.stats.seizures'), data: f.monthly.map((m) => m.seizures), backgroundColor: PALETTE[0] }] },
      options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    }),
    [monthlyKey, monthName, t],
  );

  return (
    <section className="panel stack" aria-labelledby="bulletin-figures-title" data-testid="bulletin-figures">
      <h2 className="section-title" id="bulletin-figures-title">
        {t('bulletins.view.figures')}
      </h2>
      <p className="muted">{t('bulletins.view.figuresIntro')}</p>
      <ul className="kpi-grid">
        <li className="kpi" data-kpi="total" data-testid="bulletin-total">
          <span className="kpi-value">{format.number(f.seizures)}</span>
          <span className="kpi-label">{t('bulletins.view.totalSeizures')}</span>
        </li>
      </ul>
      <h3>{t('bulletins.view.monthly')}</h3>
      {f.monthly.length === 0 ? <p className="muted">{t('seizures.dashboard.noData')}</p> : <ChartView config={monthly} label={t('bulletins.view.monthly')} testId="bulletin-chart-monthly" height={220} />}
      <div className="two-columns">
        <Counts id="category" title={t('bulletins.view.byCategory')} head={t('seizures.search.category')} rows={f.byCategory.map((c) => ({ code: c.category, seizures: c.seizures }))} label={category} />
        <Counts id="concealment" title={t('seizures.dashboard.topConcealment')} head={t('alerts.fields.concealmentMethods')} rows={f.topConcealment} label={concealment} />
        <Counts id="detection" title={t('seizures.dashboard.topDetection')} head={t('alerts.fields.detectionMethods')} rows={f.topDetection} label={detection} />
        <Counts id="country" title={t('seizures.dashboard.byCountry')} head={t('alerts.fields.country')} rows={f.byCountry} label={country} />
      </div>
      <h3>{t('seizures.dashboard.topRoutes')}</h3>
      {f.topRoutes.length === 0 ? (
        <p className="muted">{t('seizures.dashboard.noData')}</p>
      ) : (
        <div className="table-wrap">
          <RoutesTable routes={f.topRoutes} testId="bulletin-routes" />
        </div>
      )}
    </section>
  );
}

function Counts({ id, title, head, rows, label }: { id: string; title: string; head: string; rows: { code: string; seizures: number }[]; label(code: string): string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="stack">
      <h3>{title}</h3>
      {rows.length === 0 ? (
        <p className="muted">{t('seizures.dashboard.noData')}</p>
      ) : (
        <table data-testid={`bulletin-${id}`}>
          <thead>
            <tr>
              <th scope="col">{head}</th>
              <th scope="col">{t('seizures.stats.seizures')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.code} data-code={r.code}>
                <td>{label(r.code)}</td>
                <td>{format.number(r.seizures)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
