import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useMe } from '../../app/session.tsx';
import { HandlingBadge } from '../AlertBadges.tsx';
import { AlertsNav } from '../AlertsNav.tsx';
import { canWriteAlerts } from '../alerts-api.ts';
import { profileKeys, profilesApi } from './profiles-api.ts';
import { ListStatus, ResultsTable } from '../../app/ListResults.tsx';

/** The intelligence profiles the administration owns or receives. */
export function ProfilesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormat();
  const list = useQuery({ queryKey: profileKeys.list, queryFn: profilesApi.list });
  const profiles = list.data?.profiles ?? [];
  return (
    <>
      <PageHeader
        title={t('profiles.list.title')}
        intro={t('profiles.list.intro')}
        actions={
          canWriteAlerts(me.roles) ? (
            <Link to="/alerts/profiles/new" className="button button-primary">
              {t('profiles.list.new')}
            </Link>
          ) : undefined
        }
      />
      <AlertsNav />
      <section className="panel">
        <ListStatus query={list} count={t('common.count', { count: profiles.length })} />
        <ResultsTable testId="profile-list" caption={t('profiles.list.title')}>
          <thead>
            <tr>
              <th scope="col">{t('profiles.fields.reference')}</th>
              <th scope="col">{t('profiles.fields.title')}</th>
              <th scope="col">{t('profiles.fields.riskArea')}</th>
              <th scope="col">{t('profiles.fields.handling')}</th>
              <th scope="col">{t('profiles.fields.owner')}</th>
              <th scope="col">{t('profiles.fields.active')}</th>
              <th scope="col">{t('profiles.fields.matches')}</th>
              <th scope="col">{t('profiles.fields.lastMatchAt')}</th>
            </tr>
          </thead>
          <tbody>
            {profiles.map((p) => (
              <tr key={p.id} data-reference={p.reference}>
                <td className="nowrap">
                  <Link to="/alerts/profiles/$id" params={{ id: p.id }}>
                    {p.reference}
                  </Link>
                </td>
                <td dir="auto">
                  <Link to="/alerts/profiles/$id" params={{ id: p.id }}>
                    {p.title}
                  </Link>
                </td>
                <td>{t(`alerts.riskAreas.${p.riskArea}`)}</td>
                <td>
                  <HandlingBadge handling={p.handling} />
                </td>
                <td dir="auto">{p.ownerOrgName}</td>
                <td data-testid="profile-active">{p.active ? t('profiles.list.yes') : t('profiles.list.no')}</td>
                <td data-testid="profile-matches">{p.matches}</td>
                <td className="nowrap">{format.dateTime(p.lastMatchAt)}</td>
              </tr>
            ))}
            {profiles.length === 0 && list.data && (
              <tr>
                <td colSpan={8} className="empty">
                  {t('profiles.list.empty')}
                </td>
              </tr>
            )}
          </tbody>
        </ResultsTable>
      </section>
    </>
  );
}
