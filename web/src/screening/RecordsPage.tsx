import { useState } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../app/format.ts';
import { ConfirmDialog } from '../app/Modal.tsx';
import { PageHeader } from '../app/PageHeader.tsx';
import { Pager } from '../app/Pager.tsx';
import { useMe } from '../app/session.tsx';
import { useToasts } from '../app/toasts.tsx';
import { FirstLevelFields } from './FirstLevelFields.tsx';
import { FIRST_LEVEL } from './list-fields.ts';
import { ListSelect } from './ListSelect.tsx';
import { RecordForm } from './RecordForm.tsx';
import { ArtImagesEditor } from './ArtImages.tsx';
import { ScreeningNav } from './ScreeningNav.tsx';
import { screeningApi, screeningKeys, type ListName, type WatchRecord } from './screening-api.ts';
import { useScreeningErrorMessage } from './screening-messages.ts';

const PAGE_SIZE = 25;

/** The organisation's own records in one list: record, change and delete them. */
export function RecordsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const toasts = useToasts();
  const errorMessage = useScreeningErrorMessage();
  const queryClient = useQueryClient();
  const [list, setList] = useState<ListName>('travel_documents');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<WatchRecord | 'new' | null>(null);
  const [imagesOf, setImagesOf] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<WatchRecord | null>(null);
  const [busy, setBusy] = useState(false);
  const records = useQuery({ queryKey: screeningKeys.records(list, page), queryFn: () => screeningApi.records(list, page, PAGE_SIZE), placeholderData: keepPreviousData });

  const refresh = () => queryClient.invalidateQueries({ queryKey: screeningKeys.allRecords });

  const save = async (input: Record<string, unknown>) => {
    const saved = editing === 'new' || !editing ? await screeningApi.createRecord(list, input) : await screeningApi.updateRecord(list, editing.id, input);
    toasts.show({ tone: 'success', title: editing === 'new' ? t('screening.records.created') : t('screening.records.updated'), body: saved.warnings.length ? saved.warnings.join(' · ') : undefined });
    setEditing(null);
    await refresh();
  };

  const remove = async () => {
    if (!deleting) return;
    setBusy(true);
    try {
      await screeningApi.deleteRecord(list, deleting.id);
      toasts.show({ tone: 'success', title: t('screening.records.deleted') });
      setDeleting(null);
      await refresh();
    } catch (error) {
      toasts.show({ tone: 'error', title: t('errors.actionFailed'), body: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  const items = records.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('screening.records.title')}
        intro={t('screening.records.intro', { org: me.orgName })}
        actions={
          <button type="button" className="button button-primary" onClick={() => setEditing('new')}>
            {t('screening.records.create')}
          </button>
        }
      />
      <ScreeningNav />
      <section className="panel">
        <div className="toolbar">
          <ListSelect
            id="records-list"
            value={list}
            onChange={(l) => {
              if (l) setList(l);
              setPage(1);
            }}
          />
        </div>
        {records.isError && (
          <div className="alert alert-error" role="alert">
            {errorMessage(records.error)}
          </div>
        )}
        <div className="table-wrap">
          <table data-testid="screening-records">
            <thead>
              <tr>
                <th scope="col">{t('screening.hits.identifying')}</th>
                <th scope="col">{t('screening.fields.status')}</th>
                <th scope="col">{t('screening.fields.reviewOn')}</th>
                <th scope="col">{t('screening.records.recordedAt')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((rec) => (
                <tr key={rec.id}>
                  <td>
                    <FirstLevelFields fields={Object.fromEntries(FIRST_LEVEL[list].map((f) => [f, rec[f]]))} />
                  </td>
                  <td>{typeof rec.status === 'string' ? t(`screening.values.${rec.status}`, { defaultValue: rec.status }) : ''}</td>
                  <td className="nowrap">{format.date(rec.reviewOn)}</td>
                  <td className="nowrap">{format.dateTime(rec.createdAt)}</td>
                  <td className="actions">
                    <div className="button-row">
                      <button type="button" className="button button-small" onClick={() => setEditing(rec)}>
                        {t('common.edit')}
                      </button>
                      {list === 'art' && (
                        <button type="button" className="button button-small" aria-expanded={imagesOf === rec.id} onClick={() => setImagesOf(imagesOf === rec.id ? null : rec.id)}>
                          {t('screening.images.title')}
                        </button>
                      )}
                      <button type="button" className="button button-small button-danger-outline" onClick={() => setDeleting(rec)}>
                        {t('screening.records.delete')}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
              {items.length === 0 && !records.isPending && (
                <tr>
                  <td colSpan={5} className="empty">
                    {t('screening.records.none')}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
        {records.data && records.data.total > PAGE_SIZE && <Pager page={page} pageSize={PAGE_SIZE} total={records.data.total} onPage={setPage} />}
      </section>
      {list === 'art' && imagesOf && items.some((rec) => rec.id === imagesOf) && <ArtImagesEditor key={imagesOf} recordId={imagesOf} />}
      {editing && <RecordForm key={`${list}:${editing === 'new' ? 'new' : editing.id}`} list={list} record={editing === 'new' ? null : editing} onSave={save} onClose={() => setEditing(null)} />}
      {deleting && (
        <ConfirmDialog
          title={t('screening.records.deleteTitle')}
          message={t('screening.records.deleteConfirm')}
          confirmLabel={t('screening.records.delete')}
          danger
          busy={busy}
          onConfirm={() => void remove()}
          onCancel={() => setDeleting(null)}
        />
      )}
    </>
  );
}
