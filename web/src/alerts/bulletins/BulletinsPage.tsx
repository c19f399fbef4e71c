import { useState, type FormEvent } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../app/forms.tsx';
import { useFormat } from '../../app/format.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useMe } from '../../app/session.tsx';
import { HandlingBadge } from '../AlertBadges.tsx';
import { AlertsNav } from '../AlertsNav.tsx';
import { BulletinStatusBadge, usePeriod, useRegionLabel } from './BulletinParts.tsx';
import { bulletinKeys, bulletinsApi, canWriteBulletins } from './bulletins-api.ts';
import { ListStatus, ResultsTable } from '../../app/ListResults.tsx';

/** The archive of analysis bulletins written by or published to the administration, searchable by their text. */
export function BulletinsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormat();
  const region = useRegionLabel();
  const period = usePeriod();
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const list = useQuery({ queryKey: bulletinKeys.list(q), queryFn: () => bulletinsApi.list(q), placeholderData: keepPreviousData });
  const bulletins = list.data?.bulletins ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQ(draft.trim());
  };

  return (
    <>
      <PageHeader
        title={t('bulletins.archive.title')}
        intro={t('bulletins.archive.intro')}
        actions={
          canWriteBulletins(me.roles) && (
            <Link to="/alerts/bulletins/new" className="button button-primary">
              {t('bulletins.archive.new')}
            </Link>
          )
        }
      />
      <AlertsNav />
      <section className="panel">
        <form role="search" aria-label={t('bulletins.archive.search')} onSubmit={submit} noValidate className="stack">
          <TextField id="bulletin-q" type="search" label={t('bulletins.archive.text')} hint={t('bulletins.archive.textHint')} value={draft} onChange={setDraft} maxLength={200} autoComplete="off" />
          <div className="button-row">
            <button type="submit" className="button button-primary">
              {t('common.search')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setDraft('');
                setQ('');
              }}
            >
              {t('common.clear')}
            </button>
          </div>
        </form>
      </section>
      <section className="panel">
        <ListStatus query={list} count={t('common.count', { count: bulletins.length })} />
        <ResultsTable testId="bulletin-list" caption={t('bulletins.archive.title')}>
          <thead>
            <tr>
              <th scope="col">{t('alerts.fields.reference')}</th>
              <th scope="col">{t('alerts.fields.title')}</th>
              <th scope="col">{t('bulletins.fields.kind')}</th>
              <th scope="col">{t('bulletins.fields.region')}</th>
              <th scope="col">{t('bulletins.fields.period')}</th>
              <th scope="col">{t('alerts.fields.handling')}</th>
              <th scope="col">{t('alerts.fields.status')}</th>
              <th scope="col">{t('alerts.fields.author')}</th>
              <th scope="col">{t('bulletins.fields.publishedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {bulletins.map((b) => (
              <tr key={b.id} data-reference={b.reference}>
                <td className="nowrap">
                  <Link to="/alerts/bulletins/$id" params={{ id: b.id }}>
                    {b.reference}
                  </Link>
                </td>
                <td dir="auto">
                  <Link to="/alerts/bulletins/$id" params={{ id: b.id }}>
                    {b.title}
                  </Link>
                </td>
                <td>{t(`bulletins.kinds.${b.kind}`)}</td>
                <td>{region(b.region)}</td>
                <td className="nowrap">{period(b)}</td>
                <td>
                  <HandlingBadge handling={b.handling} />
                </td>
                <td>
                  <BulletinStatusBadge status={b.status} />
                </td>
                <td dir="auto">{b.authorOrgName}</td>
                <td className="nowrap">{format.date(b.publishedAt)}</td>
              </tr>
            ))}
            {bulletins.length === 0 && list.data && (
              <tr>
                <td colSpan={9} className="empty">
                  {t(q ? 'bulletins.archive.noMatch' : 'bulletins.archive.empty')}
                </td>
              </tr>
            )}
          </tbody>
        </ResultsTable>
      </section>
    </>
  );
}
