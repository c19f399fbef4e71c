import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../app/forms.tsx';
import { useFormat } from '../app/format.ts';
import { PageHeader } from '../app/PageHeader.tsx';
import { useCountryName } from './labels.ts';
import { SeizuresNav } from './SeizuresNav.tsx';
import { seizureKeys, seizuresApi } from './seizures-api.ts';

/** Hours under two days, days beyond, in the interface language ("5 h", "3 d"). */
export function useAge() {
  const { i18n } = useTranslation();
  return (hours: number) => {
    const days = hours >= 48;
    const unit = new Intl.NumberFormat(i18n.language, { style: 'unit', unit: days ? 'day' : 'hour', unitDisplay: 'short', maximumFractionDigits: 0 });
    return unit.format(days ? Math.floor(hours / 24) : Math.max(0, Math.floor(hours)));
  };
}

/** The RILO's validation queue: submitted seizures of its countries, oldest first. */
export function QueuePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const country = useCountryName();
  const age = useAge();
  const errorMessage = useErrorMessage();
  const queue = useQuery({ queryKey: seizureKeys.queue, queryFn: seizuresApi.queue, refetchInterval: 60_000 });
  const items = queue.data?.items ?? [];
  return (
    <>
      <PageHeader title={t('seizures.queue.title')} intro={t('seizures.queue.intro')} />
      <SeizuresNav />
      <section className="panel">
        {queue.isError && (
          <div className="alert alert-error" role="alert">
            {errorMessage(queue.error)}
          </div>
        )}
        <p className="muted" aria-live="polite">
          {queue.data ? t('seizures.queue.count', { n: format.number(items.length) }) : t('common.loading')}
        </p>
        <div className="table-wrap">
          <table data-testid="seizure-queue">
            <caption className="visually-hidden">{t('seizures.queue.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('seizures.fields.reference')}</th>
                <th scope="col">{t('seizures.queue.age')}</th>
                <th scope="col">{t('seizures.fields.submittedAt')}</th>
                <th scope="col">{t('seizures.fields.organisation')}</th>
                <th scope="col">{t('seizures.fields.country')}</th>
                <th scope="col">{t('seizures.fields.seizedAt')}</th>
                <th scope="col">{t('seizures.search.what')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr key={s.id} data-reference={s.reference}>
                  <td>
                    <Link to="/seizures/$id" params={{ id: s.id }}>
                      {s.reference}
                    </Link>
                  </td>
                  <td className="nowrap">
                    <span className={`badge ${s.ageHours > 24 * 7 ? 'badge-danger' : s.ageHours > 48 ? 'badge-warning' : 'badge-muted'}`}>{age(s.ageHours)}</span>
                  </td>
                  <td className="nowrap">{format.dateTime(s.submittedAt)}</td>
                  <td dir="auto">{s.orgName}</td>
                  <td>{country(s.country)}</td>
                  <td className="nowrap">{format.date(s.seizedAt)}</td>
                  <td dir="ltr">{s.headline}</td>
                </tr>
              ))}
              {items.length === 0 && queue.data && (
                <tr>
                  <td colSpan={7} className="empty">
                    {t('seizures.queue.empty')}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
