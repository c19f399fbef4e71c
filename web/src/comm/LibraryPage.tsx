import { useState, type ChangeEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../app/Modal.tsx';
import { useErrorMessage } from '../app/forms.tsx';
import { useFormat } from '../app/format.ts';
import { useCsrfToken, useMe } from '../app/session.tsx';
import { useToasts } from '../app/toasts.tsx';
import { commApi, commKeys, documentUploadPath, documentUrl, fileSize, mayManage, MAX_FILE_BYTES, uploadRaw, type LibraryFile, type LibraryFolder, type Operation } from './comm-api.ts';
import { NewFolderDialog } from './NewFolderDialog.tsx';
import { OperationFrame } from './OperationFrame.tsx';

/** The operation's library: folders, documents with uploader, date and size; upload, download, removal. */
export function LibraryPage() {
  const { opId } = useParams({ from: '/operations/$opId/library' });
  return (
    <OperationFrame opId={opId} tab="library">
      {(op) => <Library op={op} />}
    </OperationFrame>
  );
}

function Library({ op }: { op: Operation }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const errorMessage = useErrorMessage();
  const csrf = useCsrfToken();
  const [folder, setFolder] = useState<string | undefined>(undefined);
  const [progress, setProgress] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [removing, setRemoving] = useState<LibraryFile | null>(null);
  const [removingFolder, setRemovingFolder] = useState<LibraryFolder | null>(null);
  const [busy, setBusy] = useState(false);
  const listing = useQuery({ queryKey: commKeys.library(op.id, folder), queryFn: () => commApi.library(op.id, folder) });
  // The folder list comes with every listing; the top level's is kept while a folder is open.
  const top = useQuery({ queryKey: commKeys.library(op.id), queryFn: () => commApi.library(op.id), enabled: folder !== undefined });
  const folders = (folder === undefined ? listing.data : (top.data ?? listing.data))?.folders ?? [];
  const files = listing.data?.files ?? [];
  const current = folders.find((f) => f.id === folder);
  const manager = mayManage(op.myRole);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['comm', 'operation', op.id, 'library'] });

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setUploadError(null);
    if (file.size > MAX_FILE_BYTES) {
      setUploadError(t('comm.attachments.tooLarge', { max: fileSize(MAX_FILE_BYTES, i18n.language) }));
      return;
    }
    setProgress(0);
    try {
      await uploadRaw<LibraryFile>(documentUploadPath(op.id, file.name, folder), file, csrf(), setProgress);
      toasts.show({ tone: 'success', title: t('comm.library.uploaded', { name: file.name }) });
      await refresh();
    } catch (error) {
      setUploadError(errorMessage(error));
    } finally {
      setProgress(null);
    }
  };

  const remove = async () => {
    setBusy(true);
    try {
      if (removing) await commApi.removeDocument(op.id, removing.id);
      if (removingFolder) {
        await commApi.removeLibraryFolder(op.id, removingFolder.id);
        if (removingFolder.id === folder) setFolder(undefined);
      }
      await refresh();
    } catch (error) {
      toasts.show({ tone: 'error', title: t('errors.actionFailed'), body: errorMessage(error) });
    } finally {
      setBusy(false);
      setRemoving(null);
      setRemovingFolder(null);
    }
  };

  return (
    <div className="mailbox">
      <nav className="panel" aria-label={t('comm.library.folders')}>
        <ul className="folder-list" data-testid="library-folders">
          <li>
            <a
              href="#library"
              className={folder === undefined ? 'active' : undefined}
              aria-current={folder === undefined ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                setFolder(undefined);
              }}
            >
              {t('comm.library.title')}
            </a>
          </li>
          {folders.map((f) => (
            <li key={f.id} data-folder={f.name}>
              <a
                href={`#${f.id}`}
                className={folder === f.id ? 'active' : undefined}
                aria-current={folder === f.id ? 'page' : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  setFolder(f.id);
                }}
              >
                <bdi>{f.name}</bdi>
                <span className="muted">{format.number(f.files)}</span>
              </a>
              {manager && f.files === 0 && (
                <button type="button" className="icon-button" aria-label={t('comm.library.removeFolder', { name: f.name })} onClick={() => setRemovingFolder(f)}>
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
        <button type="button" className="button button-small" onClick={() => setCreating(true)}>
          {t('comm.mailbox.newFolder')}
        </button>
      </nav>
      <section className="panel stack">
        <div className="toolbar">
          <h2 className="section-title">{current ? current.name : t('comm.library.title')}</h2>
          <div>
            <label htmlFor="library-upload" className="button button-primary">
              {t('comm.library.upload')}
            </label>
            <input id="library-upload" type="file" className="visually-hidden" onChange={(e) => void upload(e)} disabled={progress !== null} />
          </div>
        </div>
        <p className="field-hint">{t('comm.library.hint', { size: fileSize(MAX_FILE_BYTES, i18n.language) })}</p>
        {progress !== null && <progress value={progress} max={1} aria-label={t('comm.library.uploading')} />}
        {uploadError && (
          <div className="alert alert-error" role="alert">
            {uploadError}
          </div>
        )}
        {listing.isError && (
          <div className="alert alert-error" role="alert">
            {errorMessage(listing.error)}
          </div>
        )}
        <div className="table-wrap">
          <table data-testid="library-files">
            <thead>
              <tr>
                <th scope="col">{t('comm.library.file')}</th>
                <th scope="col">{t('comm.library.uploadedAt')}</th>
                <th scope="col" className="numeric">{t('comm.library.size')}</th>
                <th scope="col">{t('comm.library.uploadedBy')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {files.map((f) => (
                <tr key={f.id} data-document={f.name}>
                  <td>
                    <a href={documentUrl(op.id, f.id)} download={f.name}>
                      <bdi>{f.name}</bdi>
                    </a>
                  </td>
                  <td className="nowrap">{format.dateTime(f.uploadedAt)}</td>
                  <td className="numeric nowrap">{fileSize(f.size, i18n.language)}</td>
                  <td>
                    <bdi>{f.uploadedBy ?? '—'}</bdi>
                  </td>
                  <td className="actions">
                    {(manager || (f.uploadedById !== null && f.uploadedById === me.id)) && (
                      <button type="button" className="button button-small button-danger-outline" onClick={() => setRemoving(f)}>
                        {t('comm.library.remove')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
              {files.length === 0 && !listing.isPending && (
                <tr>
                  <td colSpan={5} className="empty">
                    {t('comm.library.empty')}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      </section>
      {creating && (
        <NewFolderDialog
          id="library-folder-name"
          maxLength={100}
          create={async (name) => {
            await commApi.createLibraryFolder(op.id, name);
            void refresh();
          }}
          onClose={() => setCreating(false)}
        />
      )}
      {(removing || removingFolder) && (
        <ConfirmDialog
          title={removing ? t('comm.library.removeTitle', { name: removing.name }) : t('comm.library.removeFolder', { name: removingFolder?.name ?? '' })}
          message={t('comm.library.removeText')}
          confirmLabel={t('comm.library.remove')}
          danger
          busy={busy}
          onConfirm={() => void remove()}
          onCancel={() => {
            setRemoving(null);
            setRemovingFolder(null);
          }}
        />
      )}
    </div>
  );
}
