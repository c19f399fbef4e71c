import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Field, useErrorMessage } from '../app/forms.tsx';
import { useFormat } from '../app/format.ts';
import { useMe } from '../app/session.tsx';
import { useToasts } from '../app/toasts.tsx';
import { attachmentUrl, commApi, commKeys, fileSize, maySeeEverything, type Message, type Operation } from './comm-api.ts';
import { refreshMailbox } from './comm-live.ts';
import { OperationFrame, retryUnlessRefused } from './OperationFrame.tsx';
import { formattedApi, formattedKeys } from './formatted-api.ts';
import { useFolderName } from './labels.tsx';

/** One message: opening it marks it read; reply, reply all, forward, move, delete; the sender and the OCU see who read it. */
export function MessagePage() {
  const { opId, messageId } = useParams({ from: '/operations/$opId/messages/$messageId' });
  return (
    <OperationFrame opId={opId} tab="mailbox">
      {(op) => <MessageView op={op} messageId={messageId} />}
    </OperationFrame>
  );
}

function MessageView({ op, messageId }: { op: Operation; messageId: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const message = useQuery({ queryKey: commKeys.message(op.id, messageId), queryFn: () => commApi.message(op.id, messageId), retry: retryUnlessRefused, staleTime: 60_000 });
  const m = message.data;
  const opened = !!m;
  // Opening marked it read: the counts of the folders, the tab and the operations list follow.
  useEffect(() => {
    if (opened) refreshMailbox(queryClient, op.id);
  }, [opened, queryClient, op.id]);

  if (message.isPending) return <p className="muted">{t('common.loading')}</p>;
  if (message.isError)
    return (
      <div className="alert alert-error" role="alert">
        {errorMessage(message.error)}
      </div>
    );
  if (!m) return null;
  const mine = m.senderId === me.id;
  const seesStatus = mine || maySeeEverything(op.myRole);

  return (
    <article className="panel stack" data-testid="message">
      <MessageActions op={op} message={m} mine={mine} />
      <h2 className="section-title" dir="auto">
        {m.subject}
      </h2>
      <dl className="details">
        <div className="details-row">
          <dt>{t('comm.message.from')}</dt>
          <dd>
            <bdi>{m.senderName}</bdi> {m.senderCountry && <span className="muted">({m.senderCountry})</span>}
          </dd>
        </div>
        <div className="details-row">
          <dt>{t('comm.message.sent')}</dt>
          <dd>{format.dateTime(m.sentAt)}</dd>
        </div>
        <div className="details-row">
          <dt>{t('comm.message.to')}</dt>
          <dd>
            {t(`comm.compose.modes.${m.addressedTo}`)} — {t('comm.message.recipientCount', { count: m.recipientCount })}
            {m.recipients.length <= 12 && m.recipients.length > 0 && <span className="muted"> ({format.list(m.recipients.map((r) => r.displayName))})</span>}
          </dd>
        </div>
        {m.replyToId && (
          <div className="details-row">
            <dt>{t('comm.message.inReplyTo')}</dt>
            <dd>
              <Link to="/operations/$opId/messages/$messageId" params={{ opId: op.id, messageId: m.replyToId }}>
                {t('comm.message.original')}
              </Link>
            </dd>
          </div>
        )}
      </dl>
      {seesStatus && <ReadStatusPanel opId={op.id} messageId={m.id} />}
      <FormattedLink opId={op.id} messageId={m.id} />
      <div className="message-body" dir="auto" data-testid="message-body">
        {m.body}
      </div>
      {m.attachmentList.length > 0 && (
        <section>
          <h3 className="section-title">{t('comm.message.attachments')}</h3>
          <ul className="attachment-list" data-testid="attachments">
            {m.attachmentList.map((a) => (
              <li key={a.id}>
                <a className="attachment-name" href={attachmentUrl(op.id, m.id, a.id)} download={a.name}>
                  <bdi>{a.name}</bdi>
                </a>
                <span className="muted small">{fileSize(a.size, i18n.language)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}

function MessageActions({ op, message, mine }: { op: Operation; message: Message; mine: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const errorMessage = useErrorMessage();
  const folderName = useFolderName();
  const folders = useQuery({ queryKey: commKeys.folders(op.id), queryFn: () => commApi.folders(op.id) });
  const [target, setTarget] = useState('');
  const [busy, setBusy] = useState(false);
  // Where this copy may go: a recipient's to the inbox or a folder of theirs; the sender's back to the outbox.
  const targets = (folders.data?.items ?? []).filter((f) => f.id !== message.folder && f.id !== 'bin' && (mine ? f.id === 'outbox' : f.id !== 'outbox'));
  const compose = { to: '/operations/$opId/compose' as const, params: { opId: op.id } };

  const move = async (folder: string) => {
    setBusy(true);
    try {
      await commApi.move(op.id, message.id, folder);
      refreshMailbox(queryClient, op.id);
      await queryClient.invalidateQueries({ queryKey: commKeys.message(op.id, message.id) });
      if (folder === 'bin') {
        toasts.show({ tone: 'success', title: t('comm.message.deleted') });
        await navigate({ to: '/operations/$opId/mailbox', params: { opId: op.id }, search: { folder: message.folder === 'inbox' ? undefined : message.folder } });
      } else {
        toasts.show({ tone: 'success', title: t('comm.message.moved') });
        setTarget('');
      }
    } catch (error) {
      toasts.show({ tone: 'error', title: t('errors.actionFailed'), body: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="toolbar" data-testid="message-actions">
      <div className="button-row">
        <Link to="/operations/$opId/mailbox" params={{ opId: op.id }} search={{ folder: message.folder === 'inbox' ? undefined : message.folder }} className="button button-small button-ghost">
          {t('comm.message.back')}
        </Link>
        {!mine && (
          <Link {...compose} search={{ reply: message.id }} className="button button-small">
            {t('comm.message.reply')}
          </Link>
        )}
        <Link {...compose} search={{ reply: message.id, all: true }} className="button button-small">
          {t('comm.message.replyAll')}
        </Link>
        <Link {...compose} search={{ forward: message.id }} className="button button-small">
          {t('comm.message.forward')}
        </Link>
        {message.folder !== 'bin' && (
          <button type="button" className="button button-small button-danger-outline" disabled={busy} onClick={() => void move('bin')}>
            {t('comm.mailbox.delete')}
          </button>
        )}
      </div>
      {targets.length > 0 && (
        <form
          className="button-row"
          onSubmit={(e) => {
            e.preventDefault();
            if (target) void move(target);
          }}
        >
          <Field id="move-to" label={t('comm.message.moveTo')} className="field-inline">
            <select id="move-to" value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value="">{t('common.choose')}</option>
              {targets.map((f) => (
                <option key={f.id} value={f.id}>
                  {folderName(f)}
                </option>
              ))}
            </select>
          </Field>
          <button type="submit" className="button button-small" disabled={!target || busy}>
            {t('comm.message.move')}
          </button>
        </form>
      )}
    </div>
  );
}

function ReadStatusPanel({ opId, messageId }: { opId: string; messageId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [open, setOpen] = useState(false);
  const status = useQuery({ queryKey: commKeys.readStatus(opId, messageId), queryFn: () => commApi.readStatus(opId, messageId), retry: retryUnlessRefused });
  if (!status.data) return null;
  const s = status.data;
  return (
    <section className="alert" data-testid="read-status">
      <p>
        <strong data-testid="read-summary">{t('comm.readStatus.summary', { read: format.number(s.read), unread: format.number(s.unread) })}</strong>{' '}
        <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {open ? t('comm.readStatus.hide') : t('comm.readStatus.show')}
        </button>
      </p>
      {open && (
        <div className="table-wrap read-status-list">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('comm.readStatus.recipient')}</th>
                <th scope="col">{t('comm.readStatus.country')}</th>
                <th scope="col">{t('comm.readStatus.readAt')}</th>
              </tr>
            </thead>
            <tbody>
              {s.recipients.map((r) => (
                <tr key={r.userId}>
                  <td>
                    <bdi>{r.displayName}</bdi>
                  </td>
                  <td>{r.country ?? ''}</td>
                  <td>{r.readAt ? format.dateTime(r.readAt) : <span className="muted">{t('comm.readStatus.notYet')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** A message written from a template links to its readable form (labelled fields, its case). */
function FormattedLink({ opId, messageId }: { opId: string; messageId: string }) {
  const { t } = useTranslation();
  const formatted = useQuery({ queryKey: formattedKeys.one(opId, messageId), queryFn: () => formattedApi.get(opId, messageId), retry: false, staleTime: 60_000 });
  if (!formatted.data) return null;
  return (
    <p className="alert" data-testid="formatted-link">
      {formatted.data.templateName} <span className="mono">{formatted.data.number}</span>{' '}
      <Link to="/operations/$opId/formatted/$messageId" params={{ opId, messageId }} className="button button-small">
        {t('comm.formatted.open')}
      </Link>
    </p>
  );
}
