import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.ts';
import { ListStatus, ResultsTable } from '../../app/ListResults.tsx';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useCountryName } from '../../seizures/labels.ts';
import { DeskNav } from '../DeskNav.tsx';
import { LevelBadge } from './LevelBadge.tsx';
import { LevelsMap } from './LevelsMap.tsx';
import { CURRENT_QUESTIONNAIRE, diagnosticKeys, diagnosticsApi, usePercent, useQuestionnaire } from './diagnostics-api.ts';

/** For the WCO and RILOs: the latest level of every administration that agreed to share it, on a map and in a table. */
export function RegionalPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const pct = usePercent();
  const country = useCountryName();
  const regional = useQuery({ queryKey: diagnosticKeys.regional(i18n.language), queryFn: () => diagnosticsApi.regional() });
  const entries = regional.data?.entries ?? [];
  // Level names come with the questionnaire; every version names the same five levels.
  const { levelName } = useQuestionnaire(CURRENT_QUESTIONNAIRE);

  return (
    <>
      <PageHeader title={t('desk.diagnostics.regionalTitle')} intro={t('desk.diagnostics.regionalIntro')} />
      <DeskNav />
      <section className="panel">
        <ListStatus query={regional} count={t('desk.diagnostics.regionalCount', { count: entries.length })} />
        {regional.data && (
          <div className="stack">
            <LevelsMap entries={entries} levelName={levelName} title={t('desk.diagnostics.mapLabel')} />
            <ResultsTable testId="diag-regional" caption={t('desk.diagnostics.regionalTitle')}>
              <thead>
                <tr>
                  <th scope="col">{t('desk.diagnostics.fields.country')}</th>
                  <th scope="col">{t('desk.diagnostics.fields.administration')}</th>
                  <th scope="col">{t('desk.diagnostics.fields.region')}</th>
                  <th scope="col">{t('desk.diagnostics.fields.level')}</th>
                  <th scope="col">{t('desk.diagnostics.fields.score')}</th>
                  <th scope="col">{t('desk.diagnostics.fields.completed')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.orgId} data-country={e.country}>
                    <td>{country(e.country)}</td>
                    <td dir="auto">{e.orgName}</td>
                    <td>{e.region ?? '—'}</td>
                    <td>
                      <LevelBadge level={e.level} name={levelName(e.level)} />
                    </td>
                    <td>{pct(e.score)}</td>
                    <td className="nowrap">{format.date(e.completedAt)}</td>
                  </tr>
                ))}
                {entries.length === 0 && (
                  <tr>
                    <td colSpan={6} className="empty">
                      {t('desk.diagnostics.regionalNone')}
                    </td>
                  </tr>
                )}
              </tbody>
            </ResultsTable>
          </div>
        )}
      </section>
    </>
  );
}
