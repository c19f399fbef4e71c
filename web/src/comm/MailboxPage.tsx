import { useState, type FormEvent } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../app/Modal.tsx';
import { TextField, useErrorMessage } from '../app/forms.tsx';
import { useFormat } from '../app/format.ts';
import { Pager } from '../app/Pager.tsx';
import { useToasts } from '../app/toasts.tsx';
import { commApi, commKeys, type Folder } from './comm-api.ts';
import { refreshMailbox } from './comm-live.ts';
import { NewFolderDialog } from './NewFolderDialog.tsx';
import { OperationFrame } from './OperationFrame.tsx';
import { useFolderName } from './labels.tsx';
import type { MailboxSearch } from './search-params.ts';

const PAGE_SIZE = 25;

/** The mailbox of one operation: folders with counts, and one folder's messages with search; new ones arrive live. */
export function MailboxPage() {
  const { opId } = useParams({ from: '/operations/$opId/mailbox' });
  const search = useSearch({ strict: false }) as MailboxSearch;
  const { t } = useTranslation();
  return (
    <OperationFrame
      opId={opId}
      tab="mailbox"
      actions={
        <Link to="/operations/$opId/compose" params={{ opId }} search={{}} className="button button-primary">
          {t('comm.compose.title')}
        </Link>
      }
    >
      {() => <Mailbox opId={opId} folder={search.folder ?? 'inbox'} q={search.q ?? ''} page={search.page ?? 1} />}
    </OperationFrame>
  );
}

function Mailbox({ opId, folder, q, page }: { opId: string; folder: string; q: string; page: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate({ from: '/operations/$opId/mailbox' });
  const errorMessage = useErrorMessage();
  const folderName = useFolderName();
  const [text, setText] = useState(q);
  const folders = useQuery({ queryKey: commKeys.folders(opId), queryFn: () => commApi.folders(opId) });
  const query = { folder, q: q || undefined, page, pageSize: PAGE_SIZE };
  const messages = useQuery({ queryKey: commKeys.messages(opId, query), queryFn: () => commApi.messages(opId, query), placeholderData: keepPreviousData });
  const current = folders.data?.items.find((f) => f.id === folder);
  const items = messages.data?.items ?? [];
  const go = (next: { folder?: string; q?: string; page?: number }) => void navigate({ search: { folder: next.folder === 'inbox' ? undefined : next.folder, q: next.q || undefined, page: next.page && next.page > 1 ? next.page : undefined } });

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    go({ folder, q: text.trim(), page: 1 });
  };

  return (
    <div className="mailbox">
      <FolderList opId={opId} folders={folders.data?.items ?? []} current={folder} onDeleted={() => go({ folder: 'inbox' })} />
      <section className="panel">
        <h2 className="section-title">{current ? folderName(current) : t('comm.mailbox.title')}</h2>
        <form className="toolbar" role="search" onSubmit={onSearch}>
          <TextField id="mailbox-search" type="search" label={t('comm.mailbox.search')} value={text} onChange={setText} />
          <div className="button-row">
            <button type="submit" className="button">
              {t('common.search')}
            </button>
            {q && (
              <button
                type="button"
                className="button button-ghost"
                onClick={() => {
                  setText('');
                  go({ folder });
                }}
              >
                {t('common.clear')}
              </button>
            )}
          </div>
        </form>
        {messages.isError && (
          <div className="alert alert-error" role="alert">
            {errorMessage(messages.error)}
          </div>
        )}
        <div className="table-wrap">
          <table data-testid="messages">
            <thead>
              <tr>
                <th scope="col">{folder === 'outbox' ? t('comm.message.to') : t('comm.message.from')}</th>
                <th scope="col">{t('comm.message.subject')}</th>
                <th scope="col">{t('comm.message.sent')}</th>
                <th scope="col" className="numeric">
                  <span aria-hidden="true">📎</span>
                  <span className="visually-hidden">{t('comm.message.attachments')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <tr
                  key={m.id}
                  className={`message-row${m.read ? '' : ' message-unread'}`}
                  data-message={m.id}
                  data-unread={m.read ? undefined : 'true'}
                  onClick={() => void navigate({ to: '/operations/$opId/messages/$messageId', params: { opId, messageId: m.id } })}
                >
                  <td>
                    {folder === 'outbox' ? (
                      t('comm.message.recipientCount', { count: m.recipientCount })
                    ) : (
                      <>
                        <bdi>{m.senderName}</bdi> {m.senderCountry && <span className="muted small">{m.senderCountry}</span>}
                      </>
                    )}
                  </td>
                  <td>
                    <Link to="/operations/$opId/messages/$messageId" params={{ opId, messageId: m.id }} onClick={(e) => e.stopPropagation()}>
                      <bdi>{m.subject}</bdi>
                    </Link>
                    {!m.read && <span className="visually-hidden"> ({t('comm.message.unread')})</span>}
                  </td>
                  <td className="nowrap">{format.dateTime(m.sentAt)}</td>
                  <td className="numeric">{m.attachments > 0 ? format.number(m.attachments) : ''}</td>
                </tr>
              ))}
              {items.length === 0 && !messages.isPending && (
                <tr>
                  <td colSpan={4} className="empty">
                    {q ? t('common.nothingFound') : t('comm.mailbox.empty')}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
        {messages.data && messages.data.total > PAGE_SIZE && <Pager page={page} pageSize={PAGE_SIZE} total={messages.data.total} onPage={(p) => go({ folder, q, page: p })} />}
      </section>
    </div>
  );
}

function FolderList({ opId, folders, current, onDeleted }: { opId: string; folders: Folder[]; current: string; onDeleted(): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const folderName = useFolderName();
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const errorMessage = useErrorMessage();
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<Folder | null>(null);
  const [busy, setBusy] = useState(false);

  const remove = async () => {
    if (!deleting) return;
    setBusy(true);
    try {
      await commApi.deleteFolder(opId, deleting.id);
      refreshMailbox(queryClient, opId);
      if (deleting.id === current) onDeleted();
      setDeleting(null);
    } catch (error) {
      toasts.show({ tone: 'error', title: t('errors.actionFailed'), body: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <nav className="panel" aria-label={t('comm.mailbox.folders')}>
      <ul className="folder-list" data-testid="folders">
        {folders.map((f) => (
          <li key={f.id} data-folder={f.builtIn ? f.id : f.name}>
            <Link
              to="/operations/$opId/mailbox"
              params={{ opId }}
              search={{ folder: f.id === 'inbox' ? undefined : f.id }}
              className={f.id === current ? 'active' : undefined}
              aria-current={f.id === current ? 'page' : undefined}
            >
              <bdi>{folderName(f)}</bdi>
              <span className={f.unread ? 'folder-unread' : 'muted'} data-testid="folder-count" aria-label={t('comm.mailbox.folderCount', { unread: f.unread, total: f.total })}>
                {f.unread ? `${format.number(f.unread)} / ${format.number(f.total)}` : format.number(f.total)}
              </span>
            </Link>
            {!f.builtIn && (
              <button type="button" className="icon-button" aria-label={t('comm.mailbox.deleteFolder', { name: f.name })} onClick={() => setDeleting(f)}>
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      <button type="button" className="button button-small" onClick={() => setCreating(true)}>
        {t('comm.mailbox.newFolder')}
      </button>
      {creating && (
        <NewFolderDialog
          id="folder-name"
          maxLength={60}
          create={async (name) => {
            const { items } = await commApi.createFolder(opId, name);
            queryClient.setQueryData(commKeys.folders(opId), { items });
          }}
          onClose={() => setCreating(false)}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={t('comm.mailbox.deleteFolder', { name: deleting.name })}
          message={t('comm.mailbox.deleteFolderText')}
          confirmLabel={t('comm.mailbox.delete')}
          danger
          busy={busy}
          onConfirm={() => void remove()}
          onCancel={() => setDeleting(null)}
        />
      )}
    </nav>
  );
}

