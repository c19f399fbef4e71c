import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { uploadRaw } from '../../app/api.ts';
import { ErrorSummary, TextField, useFormErrors } from '../../app/forms.tsx';
import { useFormat } from '../../app/format.ts';
import { useLiveEvent } from '../../app/live-events.ts';
import { useWrite } from '../../app/mutation.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useCsrfToken } from '../../app/session.tsx';
import { useToasts } from '../../app/toasts.tsx';
import { DeskNav } from '../DeskNav.tsx';
import { ClockBadge } from './ClockBadge.tsx';
import { ManagePanel } from './ManagePanel.tsx';
import { PriorityBadge } from './RequestsPage.tsx';
import { ThreadView } from './ThreadView.tsx';
import { helpdeskApi, helpdeskKeys, type RequestDetail } from './helpdesk-api.ts';
import { RecordPending } from '../../app/RecordPending.tsx';

/** One request: its facts and clock, the thread, the reply form; the I2C's controls; closing with a satisfaction answer. */
export function RequestPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const request = useQuery({ queryKey: helpdeskKeys.one(id), queryFn: () => helpdeskApi.get(id) });
  useLiveEvent('desk.request', (e) => {
    if (e.requestId === id) void queryClient.invalidateQueries({ queryKey: helpdeskKeys.one(id) });
  });
  const refreshWith = (r: RequestDetail) => {
    queryClient.setQueryData(helpdeskKeys.one(id), r);
    void queryClient.invalidateQueries({ queryKey: ['desk', 'helpdesk', 'queue'] });
  };

  if (!request.data) return <RecordPending query={request} title={t('desk.helpdesk.title')} />;
  const r = request.data;

  return (
    <>
      <PageHeader title={`${r.reference} — ${r.subject}`} />
      <DeskNav />
      <section className="panel">
        <dl className="details details-inline" data-testid="helpdesk-facts">
          <dt>{t('desk.helpdesk.fields.status')}</dt>
          <dd data-testid="helpdesk-status">{t(`desk.helpdesk.statuses.${r.status}`)}</dd>
          <dt>{t('desk.helpdesk.fields.type')}</dt>
          <dd>{t(`desk.helpdesk.types.${r.type}`)}</dd>
          <dt>{t('desk.helpdesk.fields.priority')}</dt>
          <dd>
            <PriorityBadge priority={r.priority} />
          </dd>
          <dt>{t('desk.helpdesk.fields.organisation')}</dt>
          <dd dir="auto">
            {r.orgName} — {r.createdByName}
          </dd>
          <dt>{t('desk.helpdesk.fields.createdAt')}</dt>
          <dd>{format.dateTime(r.createdAt)}</dd>
          <dt>{t('desk.helpdesk.fields.assignee')}</dt>
          <dd dir="auto">{r.assigneeName ?? t('desk.helpdesk.unassigned')}</dd>
          <dt>{t('desk.helpdesk.fields.clock')}</dt>
          <dd data-testid="helpdesk-clock">
            <ClockBadge clock={r.clock} />
          </dd>
          {r.search && (
            <>
              <dt>{t('desk.helpdesk.fields.identifier')}</dt>
              <dd>
                <code>{r.search.identifier}</code> {r.search.list ? `(${t(`screening.lists.${r.search.list}`)})` : `(${t('screening.allLists')})`}
              </dd>
            </>
          )}
          {r.satisfaction !== null && (
            <>
              <dt>{t('desk.helpdesk.fields.satisfaction')}</dt>
              <dd data-testid="helpdesk-satisfaction">
                {format.number(r.satisfaction)} / 5 {r.satisfactionComment && <q dir="auto">{r.satisfactionComment}</q>}
              </dd>
            </>
          )}
        </dl>
      </section>
      {r.can.manage && <ManagePanel key={r.status} request={r} onChanged={refreshWith} />}
      <section className="panel">
        <h2>{t('desk.helpdesk.thread')}</h2>
        <ThreadView request={r} />
        {r.can.reply && <ReplyForm request={r} onSent={refreshWith} />}
      </section>
      {r.can.close && !r.can.manage && <CloseForm request={r} onClosed={refreshWith} />}
    </>
  );
}

function ReplyForm({ request: r, onSent }: { request: RequestDetail; onSent(r: RequestDetail): void }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const csrf = useCsrfToken();
  const [body, setBody] = useState('');
  const [internal, setInternal] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const { errors, capture, clear } = useFormErrors();
  const write = useWrite(capture);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    await write.run(async () => {
      let latest: RequestDetail | null = null;
      if (body.trim()) latest = await helpdeskApi.reply(r.id, body, internal);
      for (const file of files) await uploadRaw(helpdeskApi.filePath(r.id, file.name), file, file.type || 'application/octet-stream', csrf());
      if (files.length) latest = await helpdeskApi.get(r.id);
      setBody('');
      setFiles([]);
      setInternal(false);
      toasts.show({ tone: 'success', title: t(internal ? 'desk.helpdesk.noted' : 'desk.helpdesk.sent') });
      if (latest) onSent(latest);
    });
  };
  return (
    <form className="stack helpdesk-reply" onSubmit={submit} noValidate aria-label={t('desk.helpdesk.reply')}>
      <ErrorSummary errors={errors} knownFields={['body']} />
      <TextField id="hd-reply" label={t('desk.helpdesk.reply')} value={body} onChange={setBody} multiline maxLength={10_000} dir="auto" error={errors.fields.body} />
      <label className="field">
        <span>{t('desk.helpdesk.attach')}</span>
        <input type="file" multiple onChange={(e) => setFiles(Array.from(e.target.files ?? []))} accept=".pdf,.jpg,.jpeg,.png,.webp,.txt,.csv,.docx,.xlsx" />
      </label>
      <div className="button-row">
        {r.can.note && (
          <label className="checkbox">
            <input type="checkbox" checked={internal} onChange={(e) => setInternal(e.target.checked)} /> {t('desk.helpdesk.internal')}
          </label>
        )}
        <button type="submit" className="button button-primary" disabled={write.pending || (!body.trim() && files.length === 0)}>
          {write.pending ? t('common.working') : t(internal ? 'desk.helpdesk.addNote' : 'desk.helpdesk.send')}
        </button>
      </div>
    </form>
  );
}

/** The member closes the request, saying how satisfied they are. */
function CloseForm({ request: r, onClosed }: { request: RequestDetail; onClosed(r: RequestDetail): void }) {
  const { t } = useTranslation();
  const [satisfaction, setSatisfaction] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const { errors, capture } = useFormErrors();
  const write = useWrite(capture);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void write.run(async () => onClosed(await helpdeskApi.close(r.id, satisfaction, comment)));
  };
  return (
    <section className="panel">
      <h2>{t('desk.helpdesk.closeTitle')}</h2>
      <form className="stack" onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} knownFields={['comment']} />
        <p className="muted">{t(r.status === 'resolved' ? 'desk.helpdesk.closeResolved' : 'desk.helpdesk.closeWithdraw')}</p>
        <fieldset className="satisfaction">
          <legend>{t('desk.helpdesk.fields.satisfaction')}</legend>
          {[1, 2, 3, 4, 5].map((v) => (
            <label key={v} className="checkbox">
              <input type="radio" name="satisfaction" checked={satisfaction === v} onChange={() => setSatisfaction(v)} /> {t(`desk.helpdesk.satisfactionScale.${v}`)}
            </label>
          ))}
        </fieldset>
        <TextField id="hd-close-comment" label={t('desk.helpdesk.closeComment')} value={comment} onChange={setComment} multiline maxLength={2000} dir="auto" error={errors.fields.comment} />
        <div className="button-row">
          <button type="submit" className="button" disabled={write.pending}>
            {t('desk.helpdesk.close')}
          </button>
        </div>
      </form>
    </section>
  );
}
