import { useState, type FormEvent } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { TextField, useErrorMessage } from '../../app/forms.tsx';
import { useFormat } from '../../app/format.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { DetailRow } from '../../national/DetailRow.tsx';
import { useReferenceLabels, withCode } from '../../seizures/labels.ts';
import { HandlingBadge } from '../AlertBadges.tsx';
import { AlertsNav } from '../AlertsNav.tsx';
import { BackTestResultView, MatchTable } from './ProfileMatches.tsx';
import { profileKeys, profilesApi, type Profile } from './profiles-api.ts';
import { RecordPending } from '../../app/RecordPending.tsx';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
function lastYear() {
  const to = new Date();
  const from = new Date(to);
  from.setUTCFullYear(to.getUTCFullYear() - 1);
  return { from: isoDay(from), to: isoDay(to) };
}

/** One profile: what it looks for, why, who receives it, what its standing query found, and the back-test over a period. */
export function IntelProfilePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams({ strict: false });
  const profile = useQuery({ queryKey: profileKeys.one(id), queryFn: () => profilesApi.get(id), enabled: id !== '' });
  if (!profile.data) return <RecordPending query={profile} title={t('profiles.view.title')} nav={<AlertsNav />} />;
  return <ProfileView profile={profile.data} />;
}

function ProfileView({ profile: p }: { profile: Profile }) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const i = p.indicators;
  const country = useReferenceLabels('countries', [...i.countries, ...i.routeCountries]);
  const hs = useReferenceLabels('hs-codes', i.hsPrefixes);
  const concealment = useReferenceLabels('concealment-methods', i.concealmentMethods);
  const detection = useReferenceLabels('detection-methods', i.detectionMethods);
  const codes = (values: string[], label: (c: string) => string) => (values.length ? format.list(values.map((c) => withCode(label(c), c))) : null);
  const matches = useQuery({ queryKey: profileKeys.matches(p.id), queryFn: () => profilesApi.matches(p.id) });
  const [draft, setDraft] = useState(lastYear);
  const [period, setPeriod] = useState(draft);
  const backTest = useQuery({ queryKey: profileKeys.backTest(p.id, period.from, period.to), queryFn: () => profilesApi.backTestOf(p.id, period.from, period.to), placeholderData: keepPreviousData });
  const onPeriod = (e: FormEvent) => {
    e.preventDefault();
    setPeriod(draft);
  };
  const period_ = i.periodFrom || i.periodTo ? `${i.periodFrom ? format.date(i.periodFrom) : '…'} – ${i.periodTo ? format.date(i.periodTo) : '…'}` : null;

  return (
    <>
      <PageHeader
        title={p.title}
        intro={`${p.reference} — ${p.ownerOrgName}`}
        actions={
          p.canEdit ? (
            <Link to="/alerts/profiles/$id/edit" params={{ id: p.id }} className="button">
              {t('profiles.view.edit')}
            </Link>
          ) : undefined
        }
      />
      <AlertsNav />
      <p>
        <Link to="/alerts/profiles">{t('profiles.view.back')}</Link>
      </p>
      <p className="button-row">
        <HandlingBadge handling={p.handling} />
        <span className={`badge ${p.active ? 'badge-ok' : 'badge-muted'}`} data-testid="profile-state">
          {p.active ? t('profiles.view.active') : t('profiles.view.inactive')}
        </span>
      </p>

      <section className="panel" aria-labelledby="profile-indicators-title">
        <h2 className="section-title" id="profile-indicators-title">
          {t('profiles.form.indicators')}
        </h2>
        <dl className="details" data-testid="profile-indicators">
          <DetailRow label={t('profiles.fields.riskArea')} value={t(`alerts.riskAreas.${p.riskArea}`)} />
          <DetailRow label={t('profiles.fields.hsPrefixes')} value={codes(i.hsPrefixes, hs)} />
          <DetailRow label={t('profiles.fields.countries')} value={codes(i.countries, country)} />
          <DetailRow label={t('profiles.fields.routeCountries')} value={codes(i.routeCountries, country)} />
          <DetailRow label={t('profiles.fields.concealmentMethods')} value={codes(i.concealmentMethods, concealment)} />
          <DetailRow label={t('profiles.fields.detectionMethods')} value={codes(i.detectionMethods, detection)} />
          <DetailRow label={t('profiles.fields.transportModes')} value={i.transportModes.length ? format.list(i.transportModes.map((m) => t(`alerts.transportModes.${m}`))) : null} />
          <DetailRow label={t('profiles.fields.conveyanceTypes')} value={i.conveyanceTypes.length ? format.list(i.conveyanceTypes.map((c) => t(`seizures.conveyanceTypes.${c}`))) : null} />
          <DetailRow label={t('profiles.fields.places')} value={i.places.length ? i.places.join(', ') : null} ltr />
          <DetailRow label={t('profiles.fields.minQuantity')} value={i.minQuantity !== null && i.quantityUnit ? `≥ ${format.number(i.minQuantity)} ${t(`seizures.units.${i.quantityUnit}`)}` : null} />
          <DetailRow label={t('profiles.fields.period')} value={period_} />
        </dl>
        <h3>{t('profiles.fields.narrative')}</h3>
        <p className="alert-text" dir="auto" data-testid="profile-narrative">
          {p.narrative || '—'}
        </p>
        <h3>{t('profiles.view.recipients')}</h3>
        {p.recipientOrgs.length ? (
          <ul data-testid="profile-recipients">
            {p.recipientOrgs.map((o) => (
              <li key={o.id} dir="auto">
                {o.name}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('profiles.view.noRecipients')}</p>
        )}
      </section>

      <section className="panel" aria-labelledby="profile-matches-title">
        <h2 className="section-title" id="profile-matches-title">
          {t('profiles.view.matches')}
        </h2>
        <p className="muted">{t('profiles.view.matchesHint')}</p>
        {matches.isError && (
          <div className="alert alert-error" role="alert">
            {errorMessage(matches.error)}
          </div>
        )}
        {matches.data ? <MatchTable rows={matches.data.matches} caption={t('profiles.view.matches')} testId="profile-match-list" showMatchedAt /> : !matches.isError && <p className="muted">{t('common.loading')}</p>}
      </section>

      <section className="panel stack" aria-labelledby="profile-backtest-title">
        <h2 className="section-title" id="profile-backtest-title">
          {t('profiles.backtest.title')}
        </h2>
        <form className="form-grid form-grid-3" onSubmit={onPeriod} noValidate aria-label={t('profiles.backtest.period')}>
          <TextField id="profile-backtest-from" type="date" label={t('profiles.backtest.from')} value={draft.from} onChange={(v) => setDraft((d) => ({ ...d, from: v }))} />
          <TextField id="profile-backtest-to" type="date" label={t('profiles.backtest.to')} value={draft.to} onChange={(v) => setDraft((d) => ({ ...d, to: v }))} />
          <div className="button-row">
            <button type="submit" className="button">
              {t('profiles.backtest.run')}
            </button>
          </div>
        </form>
        {backTest.isError && (
          <div className="alert alert-error" role="alert">
            {errorMessage(backTest.error)}
          </div>
        )}
        {backTest.data ? <BackTestResultView result={backTest.data} /> : !backTest.isError && <p className="muted">{t('common.loading')}</p>}
      </section>
    </>
  );
}
