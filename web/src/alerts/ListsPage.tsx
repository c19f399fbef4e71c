import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, TextField, useErrorMessage, useFormErrors } from '../app/forms.tsx';
import { useFormat } from '../app/format.ts';
import { ConfirmDialog, Modal } from '../app/Modal.tsx';
import { useWrite } from '../app/mutation.ts';
import { PageHeader } from '../app/PageHeader.tsx';
import { useToasts } from '../app/toasts.tsx';
import { AlertsNav } from './AlertsNav.tsx';
import { OrgPicker } from './OrgPicker.tsx';
import { alertKeys, alertsApi, type DistributionList } from './alerts-api.ts';

/** The distribution lists of the reader's administration (RILO analysts and I2C officers). */
export function ListsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const toasts = useToasts();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const lists = useQuery({ queryKey: alertKeys.lists, queryFn: alertsApi.lists });
  const [editing, setEditing] = useState<DistributionList | 'new' | null>(null);
  const [removing, setRemoving] = useState<DistributionList | null>(null);
  const remove = useWrite((e) => toasts.show({ tone: 'error', title: t('errors.actionFailed'), body: errorMessage(e) }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: alertKeys.lists });

  return (
    <>
      <PageHeader
        title={t('alerts.lists.title')}
        intro={t('alerts.lists.intro')}
        actions={
          <button type="button" className="button button-primary" onClick={() => setEditing('new')}>
            {t('alerts.lists.new')}
          </button>
        }
      />
      <AlertsNav />
      <section className="panel">
        {lists.isError && (
          <div className="alert alert-error" role="alert">
            {errorMessage(lists.error)}
          </div>
        )}
        <div className="table-wrap">
          <table data-testid="alert-lists">
            <caption className="visually-hidden">{t('alerts.lists.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('alerts.lists.name')}</th>
                <th scope="col">{t('alerts.lists.orgCount')}</th>
                <th scope="col">{t('alerts.lists.updatedAt')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {(lists.data?.lists ?? []).map((l) => (
                <tr key={l.id} data-list={l.name}>
                  <td dir="auto">{l.name}</td>
                  <td>{format.number(l.orgCount)}</td>
                  <td className="nowrap">{format.dateTime(l.updatedAt)}</td>
                  <td className="button-row">
                    <button type="button" className="button button-small" onClick={() => setEditing(l)} aria-label={t('alerts.lists.editNamed', { name: l.name })}>
                      {t('common.edit')}
                    </button>
                    <button type="button" className="button button-small button-danger-outline" onClick={() => setRemoving(l)} aria-label={t('alerts.lists.removeNamed', { name: l.name })}>
                      {t('alerts.lists.remove')}
                    </button>
                  </td>
                </tr>
              ))}
              {lists.data?.lists.length === 0 && (
                <tr>
                  <td colSpan={4} className="empty">
                    {t('alerts.lists.none')}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      </section>
      {editing && (
        <ListDialog
          list={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void refresh();
            toasts.show({ tone: 'success', title: t('alerts.lists.saved') });
          }}
        />
      )}
      {removing && (
        <ConfirmDialog
          title={t('alerts.lists.remove')}
          message={t('alerts.lists.removeConfirm', { name: removing.name })}
          confirmLabel={t('alerts.lists.remove')}
          danger
          busy={remove.pending}
          onCancel={() => setRemoving(null)}
          onConfirm={() =>
            void remove.run(async () => {
              await alertsApi.removeList(removing.id);
              setRemoving(null);
              await refresh();
            })
          }
        />
      )}
    </>
  );
}

function ListDialog({ list, onClose, onSaved }: { list: DistributionList | null; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(list?.name ?? '');
  const [orgIds, setOrgIds] = useState<string[]>(list?.orgIds ?? []);
  const { errors, capture, clear } = useFormErrors();
  const write = useWrite(capture);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    await write.run(async () => {
      const input = { name: name.trim(), orgIds };
      if (list) await alertsApi.updateList(list.id, input);
      else await alertsApi.createList(input);
      onSaved();
    });
  };
  return (
    <Modal title={list ? t('alerts.lists.editNamed', { name: list.name }) : t('alerts.lists.new')} onClose={onClose} wide>
      <form className="stack" onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} knownFields={['name', 'orgIds']} />
        <TextField id="list-name" label={t('alerts.lists.name')} value={name} onChange={setName} error={errors.fields.name} required maxLength={120} dir="auto" />
        <OrgPicker id="list-orgs" legend={t('alerts.lists.members')} value={orgIds} onChange={setOrgIds} error={errors.fields.orgIds} />
        <div className="button-row button-row-end">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={write.pending}>
            {write.pending ? t('common.working') : t('common.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
