import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../app/forms.tsx';
import { useFormat } from '../app/format.ts';
import { PageHeader } from '../app/PageHeader.tsx';
import { useToasts } from '../app/toasts.tsx';
import { adminApi, adminKeys, type Org, type OrgInput } from './admin-api.ts';
import { OrganisationForm } from './OrganisationForm.tsx';

export function OrganisationsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const toasts = useToasts();
  const queryClient = useQueryClient();
  const orgs = useQuery({ queryKey: adminKeys.organisations, queryFn: adminApi.organisations });
  const [editing, setEditing] = useState<Org | 'new' | null>(null);
  const [filter, setFilter] = useState('');

  const save = async (input: OrgInput) => {
    if (editing === 'new') await adminApi.createOrganisation(input);
    else if (editing) await adminApi.updateOrganisation(editing.id, input);
    toasts.show({ tone: 'success', title: editing === 'new' ? t('orgs.created', { name: input.name }) : t('orgs.updated', { name: input.name }) });
    setEditing(null);
    await queryClient.invalidateQueries({ queryKey: adminKeys.organisations });
  };

  const needle = filter.trim().toLowerCase();
  const items = (orgs.data?.items ?? []).filter((o) => !needle || `${o.name} ${o.shortName} ${o.country ?? ''}`.toLowerCase().includes(needle));

  return (
    <>
      <PageHeader
        title={t('orgs.title')}
        intro={t('orgs.intro')}
        actions={
          <button type="button" className="button button-primary" onClick={() => setEditing('new')}>
            {t('orgs.create')}
          </button>
        }
      />
      <section className="panel">
        <div className="toolbar">
          <div className="field field-inline">
            <label htmlFor="org-filter">{t('common.filter')}</label>
            <input id="org-filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
          </div>
          <span className="muted">{t('common.count', { count: format.number(items.length) })}</span>
        </div>
        {orgs.isError && (
          <div className="alert alert-error" role="alert">
            {errorMessage(orgs.error)}
          </div>
        )}
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('orgs.name')}</th>
                <th scope="col">{t('orgs.shortName')}</th>
                <th scope="col">{t('orgs.kind')}</th>
                <th scope="col">{t('orgs.country')}</th>
                <th scope="col">{t('orgs.region')}</th>
                <th scope="col" className="numeric">{t('orgs.users')}</th>
                <th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {items.map((org) => (
                <tr key={org.id}>
                  <td>{org.name}</td>
                  <td className="nowrap mono">{org.shortName}</td>
                  <td>
                    <span className={`badge badge-${org.kind}`}>{t(`orgKinds.${org.kind}`)}</span>
                  </td>
                  <td>{org.country ?? ''}</td>
                  <td>{org.region ?? ''}</td>
                  <td className="numeric">{format.number(org.userCount)}</td>
                  <td className="actions">
                    <button type="button" className="button button-small" onClick={() => setEditing(org)} aria-label={t('orgs.editTitle', { name: org.name })}>
                      {t('common.edit')}
                    </button>
                  </td>
                </tr>
              ))}
              {items.length === 0 && !orgs.isPending && (
                <tr>
                  <td colSpan={7} className="empty">{t('common.nothingFound')}</td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      </section>
      {editing && <OrganisationForm org={editing === 'new' ? null : editing} onSave={save} onClose={() => setEditing(null)} />}
    </>
  );
}
