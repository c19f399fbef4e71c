import { useEffect, useMemo, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, FormActions, Field, TextField, useErrorMessage, useFormErrors } from '../app/forms.tsx';
import { useFormat } from '../app/format.ts';
import { useCsrfToken, useMe } from '../app/session.tsx';
import { useToasts } from '../app/toasts.tsx';
import {
  ADDRESS_MODES,
  attachmentUploadPath,
  commApi,
  commKeys,
  fileSize,
  MAX_ATTACHMENTS,
  MAX_FILE_BYTES,
  uploadRaw,
  type AddressMode,
  type Attachment,
  type Member,
  type Message,
  type Operation,
} from './comm-api.ts';
import { refreshMailbox } from './comm-live.ts';
import { OperationFrame } from './OperationFrame.tsx';
import { PersonPicker } from './PersonPicker.tsx';
import type { ComposeSearch } from './search-params.ts';
import { useWrite } from '../app/mutation.ts';

/** Writing a message: to the NCPs, my country, everyone or chosen members; up to 10 attachments of 10 MB. */
export function ComposePage() {
  const { opId } = useParams({ from: '/operations/$opId/compose' });
  const search = useSearch({ strict: false }) as ComposeSearch;
  const { t } = useTranslation();
  return (
    <OperationFrame opId={opId} tab="mailbox" title={t('comm.compose.title')}>
      {(op) => <ComposeLoader op={op} search={search} />}
    </OperationFrame>
  );
}

/** A reply or a forward starts from the original message. */
function ComposeLoader({ op, search }: { op: Operation; search: ComposeSearch }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const originalId = search.reply ?? search.forward;
  const original = useQuery({ queryKey: commKeys.message(op.id, originalId ?? ''), queryFn: () => commApi.message(op.id, originalId ?? ''), enabled: !!originalId, staleTime: 60_000 });
  if (originalId && original.isPending) return <p className="muted">{t('common.loading')}</p>;
  if (originalId && original.isError)
    return (
      <div className="alert alert-error" role="alert">
        {errorMessage(original.error)}
      </div>
    );
  const kind = search.forward ? 'forward' : search.reply ? (search.all ? 'replyAll' : 'reply') : 'new';
  return <ComposeForm key={`${kind}:${originalId ?? ''}`} op={op} kind={kind} original={original.data ?? null} />;
}

interface Upload {
  key: number;
  name: string;
  size: number;
  progress: number;
  attachment?: Attachment;
  error?: string;
}

const quote = (text: string) =>
  text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');

function ComposeForm({ op, kind, original }: { op: Operation; kind: 'new' | 'reply' | 'replyAll' | 'forward'; original: Message | null }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const errorMessage = useErrorMessage();
  const csrf = useCsrfToken();
  const { errors, capture, clear, setErrors } = useFormErrors();
  const write = useWrite(capture);
  const members = useQuery({ queryKey: commKeys.members(op.id), queryFn: () => commApi.members(op.id) });

  const initial = useMemo(() => {
    if (!original) return { mode: 'ncps' as AddressMode, chosen: [] as string[], subject: '', body: '' };
    const header = t('comm.compose.originalHeader', { name: original.senderName, date: format.dateTime(original.sentAt) });
    const body = `\n\n${header}\n${quote(original.body)}`;
    if (kind === 'forward') return { mode: 'chosen' as AddressMode, chosen: [], subject: `${t('comm.compose.fwdPrefix')} ${original.subject}`, body: `\n\n${header}\n${original.body}` };
    const everyone = kind === 'replyAll' ? [original.senderId, ...original.recipients.map((r) => r.userId)] : [original.senderId];
    const chosen = [...new Set(everyone)].filter((id) => id !== me.id);
    const prefix = t('comm.compose.rePrefix');
    return { mode: 'chosen' as AddressMode, chosen: chosen.length ? chosen : [original.senderId], subject: original.subject.startsWith(prefix) ? original.subject : `${prefix} ${original.subject}`, body };
    // The form starts once from the original; later language changes do not rewrite what was typed.
  }, [original, kind]);

  const [mode, setMode] = useState<AddressMode>(initial.mode);
  const [chosen, setChosen] = useState<string[]>(initial.chosen);
  const [pickText, setPickText] = useState('');
  const [subject, setSubject] = useState(initial.subject);
  const [body, setBody] = useState(initial.body);
  const [uploads, setUploads] = useState<Upload[]>(() =>
    kind === 'forward' && original ? original.attachmentList.map((a, i) => ({ key: -1 - i, name: a.name, size: a.size, progress: 1, attachment: a })) : [],
  );
  const fileInput = useRef<HTMLInputElement>(null);
  const nextKey = useRef(1);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const memberList: Member[] = members.data?.items ?? [];
  const byId = new Map(memberList.map((m) => [m.userId, m]));
  const needle = pickText.trim().toLowerCase();
  const options = memberList
    .filter((m) => !chosen.includes(m.userId) && (!needle || `${m.displayName} ${m.username} ${m.orgName} ${m.country ?? ''}`.toLowerCase().includes(needle)))
    .slice(0, 12)
    .map((m) => ({ id: m.userId, label: m.displayName, detail: `${m.orgName} · ${t(`comm.roles.${m.role}`)}` }));

  const uploading = uploads.some((u) => !u.attachment && !u.error);
  const kept = uploads.filter((u) => !u.error);

  const addFiles = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    const room = MAX_ATTACHMENTS - kept.length;
    if (files.length > room) toasts.show({ tone: 'error', title: t('comm.attachments.tooMany', { max: MAX_ATTACHMENTS }) });
    for (const file of files.slice(0, Math.max(0, room))) {
      const key = nextKey.current++;
      if (file.size > MAX_FILE_BYTES) {
        setUploads((all) => [...all, { key, name: file.name, size: file.size, progress: 0, error: t('comm.attachments.tooLarge', { max: fileSize(MAX_FILE_BYTES, i18n.language) }) }]);
        continue;
      }
      setUploads((all) => [...all, { key, name: file.name, size: file.size, progress: 0 }]);
      const update = (patch: Partial<Upload>) => mounted.current && setUploads((all) => all.map((u) => (u.key === key ? { ...u, ...patch } : u)));
      uploadRaw<Attachment>(attachmentUploadPath(op.id, file.name), file, csrf(), (progress) => update({ progress }))
        .then((attachment) => update({ attachment, progress: 1 }))
        .catch((error: unknown) => update({ error: errorMessage(error) }));
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    if (mode === 'chosen' && chosen.length === 0) {
      setErrors({ detail: t('comm.compose.chooseSomeone'), fields: { 'to.userIds': t('comm.compose.chooseSomeone') } });
      return;
    }
    await write.run(async () => {
      const sent = await commApi.send(op.id, {
        to: mode === 'chosen' ? { mode, userIds: chosen } : { mode },
        subject: subject.trim(),
        body,
        replyToId: kind === 'reply' || kind === 'replyAll' ? original?.id : undefined,
        forwardOfId: kind === 'forward' ? original?.id : undefined,
        attachmentIds: kept.flatMap((u) => (u.attachment ? [u.attachment.id] : [])),
      });
      refreshMailbox(queryClient, op.id);
      toasts.show({ tone: 'success', title: t('comm.compose.sent', { count: sent.recipientCount }) });
      await navigate({ to: '/operations/$opId/messages/$messageId', params: { opId: op.id, messageId: sent.id } });
    });
  };

  return (
    <section className="panel">
      <form onSubmit={submit} noValidate className="stack" data-testid="compose">
        <ErrorSummary errors={errors} knownFields={['to.mode', 'to.userIds', 'subject', 'body', 'attachmentIds']} />
        <fieldset className="checkbox-group">
          <legend>{t('comm.compose.recipients')}</legend>
          <div className="radio-row">
            {ADDRESS_MODES.map((m) => (
              <label key={m} className="checkbox">
                <input type="radio" name="to-mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
                {t(`comm.compose.modes.${m}`)}
              </label>
            ))}
          </div>
          {errors.fields['to.mode'] && <p className="field-error">{errors.fields['to.mode']}</p>}
        </fieldset>
        {mode === 'chosen' && (
          <div>
            <PersonPicker
              id="compose-member"
              label={t('comm.compose.addRecipient')}
              text={pickText}
              onText={setPickText}
              options={options}
              onChoose={(o) => setChosen((c) => [...c, o.id])}
              emptyText={members.isPending ? t('common.loading') : t('reference.noMatches')}
              error={errors.fields['to.userIds'] ?? Object.entries(errors.fields).find(([f]) => f.startsWith('to.userIds.'))?.[1]}
            />
            <ul className="chips" aria-label={t('comm.compose.chosen')} data-testid="chosen-recipients">
              {chosen.map((id) => (
                <li key={id} className="chip">
                  <bdi>{byId.get(id)?.displayName ?? (original?.senderId === id ? original.senderName : id)}</bdi>
                  <button type="button" className="icon-button" aria-label={t('comm.compose.removeRecipient', { name: byId.get(id)?.displayName ?? id })} onClick={() => setChosen((c) => c.filter((x) => x !== id))}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        <TextField id="compose-subject" label={t('comm.message.subject')} value={subject} onChange={setSubject} error={errors.fields.subject} required maxLength={300} dir="auto" />
        <Field id="compose-body" label={t('comm.compose.body')} error={errors.fields.body}>
          <textarea id="compose-body" value={body} onChange={(e) => setBody(e.target.value)} rows={12} dir="auto" maxLength={100_000} />
        </Field>
        <fieldset className="checkbox-group">
          <legend>{t('comm.message.attachments')}</legend>
          <p className="field-hint">{t('comm.attachments.hint', { max: MAX_ATTACHMENTS, size: fileSize(MAX_FILE_BYTES, i18n.language) })}</p>
          {uploads.length > 0 && (
            <ul className="attachment-list" data-testid="uploads">
              {uploads.map((u) => (
                <li key={u.key} data-upload={u.name}>
                  <span className="attachment-name">
                    <bdi>{u.name}</bdi> <span className="muted small">{fileSize(u.size, i18n.language)}</span>
                  </span>
                  {u.error ? (
                    <span className="field-error" role="alert">
                      {u.error}
                    </span>
                  ) : u.attachment ? (
                    <span className="badge badge-ok">{t('comm.attachments.ready')}</span>
                  ) : (
                    <progress value={u.progress} max={1} aria-label={t('comm.attachments.uploading', { name: u.name })} />
                  )}
                  <button type="button" className="button button-small button-ghost" onClick={() => setUploads((all) => all.filter((x) => x.key !== u.key))}>
                    {t('comm.attachments.remove')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {errors.fields.attachmentIds && <p className="field-error">{errors.fields.attachmentIds}</p>}
          <div>
            <label htmlFor="compose-files" className="visually-hidden">
              {t('comm.attachments.add')}
            </label>
            <input id="compose-files" ref={fileInput} type="file" multiple onChange={addFiles} disabled={kept.length >= MAX_ATTACHMENTS} />
            {kept.length >= MAX_ATTACHMENTS && <p className="field-hint">{t('comm.attachments.full', { max: MAX_ATTACHMENTS })}</p>}
          </div>
        </fieldset>
        <FormActions submitLabel={uploading ? t('comm.attachments.waiting') : t('comm.compose.send')} onCancel={() => window.history.back()} busy={write.pending} disabled={uploading} />
      </form>
    </section>
  );
}
