import { useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { uploadRaw } from '../app/api.ts';
import { useErrorMessage } from '../app/forms.tsx';
import { useFormat } from '../app/format.ts';
import { PageHeader } from '../app/PageHeader.tsx';
import { useCsrfToken } from '../app/session.tsx';
import { useToasts } from '../app/toasts.tsx';
import { DetailRow } from '../national/DetailRow.tsx';
import { useCountryName, useReferenceLabels, withCode } from '../seizures/labels.ts';
import { AlertStatusBadge, GradingBadge, HandlingBadge } from './AlertBadges.tsx';
import { AcknowledgeDialog, CirculateDialog, CommentDialog, ForwardDialog, GlobalDecisionDialog } from './AlertDialogs.tsx';
import { AlertsNav } from './AlertsNav.tsx';
import { MAX_ALERT_FILE_BYTES, alertKeys, alertsApi, fileUrl, type Alert, type AlertFile } from './alerts-api.ts';
import { RecordPending } from '../app/RecordPending.tsx';

type Dialog = 'return' | 'circulate' | 'approve' | 'decline' | 'forward' | 'withdraw' | 'ack' | null;

export function AlertPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams({ strict: false });
  const alert = useQuery({ queryKey: alertKeys.one(id), queryFn: () => alertsApi.get(id), enabled: id !== '' });
  if (!alert.data) return <RecordPending query={alert} title={t('alerts.view.title')} nav={<AlertsNav />} />;
  return <AlertView alert={alert.data} />;
}

/** The handling code and the grading, with what they mean: shown first wherever an alert is read. */
export function AlertMarking({ alert }: { alert: Alert }) {
  const { t } = useTranslation();
  return (
    <div className="alert-marking" data-testid="alert-marking" role="note" aria-label={t('alerts.view.marking')}>
      <HandlingBadge handling={alert.handling} />
      <span>{t(`alerts.handlingMeaning.${alert.handling}`)}</span>
      <GradingBadge sourceReliability={alert.sourceReliability} infoCredibility={alert.infoCredibility} />
      <span>
        {t(`alerts.reliability.${alert.sourceReliability}`)} / {t(`alerts.credibility.${alert.infoCredibility}`)}
      </span>
    </div>
  );
}

function AlertView({ alert }: { alert: Alert }) {
  const { t } = useTranslation();
  const format = useFormat();
  const toasts = useToasts();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const country = useCountryName();
  const concealment = useReferenceLabels('concealment-methods', alert.concealmentMethods);
  const detection = useReferenceLabels('detection-methods', alert.detectionMethods);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [submitting, setSubmitting] = useState(false);
  const can = alert.can;

  const done = (messageKey: string) => (next: Alert) => {
    queryClient.setQueryData(alertKeys.one(next.id), next);
    void queryClient.invalidateQueries({ queryKey: alertKeys.all });
    setDialog(null);
    toasts.show({ tone: 'success', title: t(messageKey, { reference: next.reference }) });
  };

  const submit = async () => {
    setSubmitting(true);
    try {
      done('alerts.form.submitted')(await alertsApi.submit(alert.id));
    } catch (e) {
      toasts.show({ tone: 'error', title: t('errors.actionFailed'), body: errorMessage(e) });
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <>
      <PageHeader title={alert.title} intro={alert.reference} />
      <AlertsNav />
      <AlertMarking alert={alert} />
      <p className="button-row">
        <AlertStatusBadge status={alert.status} />
        {alert.globalStatus !== 'none' && <span className="badge badge-wco">{t(`alerts.globalStatuses.${alert.globalStatus}`)}</span>}
        {alert.myAck && (
          <span className="badge badge-ok" data-testid="my-ack">
            {t('alerts.view.acknowledgedOn', { date: format.dateTime(alert.myAck.acknowledgedAt) })}
            {alert.myAck.feedback ? ` — ${t(`alerts.feedback.${alert.myAck.feedback}`)}` : ''}
          </span>
        )}
      </p>
      {alert.status === 'returned' && alert.returnComment && (
        <div className="alert alert-warning" role="note" data-testid="return-comment">
          <strong>{t('alerts.view.returnedWith')}</strong>
          <p dir="auto">{alert.returnComment}</p>
        </div>
      )}
      <div className="button-row" data-testid="alert-actions">
        {can.edit && (
          <Link to="/alerts/$id/edit" params={{ id: alert.id }} className="button">
            {t('alerts.actions.edit')}
          </Link>
        )}
        {can.submit && (
          <button type="button" className="button button-primary" disabled={submitting} onClick={() => void submit()}>
            {submitting ? t('common.working') : t('alerts.form.submit')}
          </button>
        )}
        {can.review && (
          <button type="button" className="button" onClick={() => setDialog('return')}>
            {t('alerts.actions.return')}
          </button>
        )}
        {can.circulate && (
          <button type="button" className="button button-primary" onClick={() => setDialog('circulate')}>
            {t('alerts.actions.circulate')}
          </button>
        )}
        {can.decideGlobal && (
          <>
            <button type="button" className="button button-primary" onClick={() => setDialog('approve')}>
              {t('alerts.actions.approveGlobal')}
            </button>
            <button type="button" className="button button-danger-outline" onClick={() => setDialog('decline')}>
              {t('alerts.actions.declineGlobal')}
            </button>
          </>
        )}
        {can.acknowledge && (
          <button type="button" className="button button-primary" onClick={() => setDialog('ack')}>
            {alert.myAck ? t('alerts.actions.changeFeedback') : t('alerts.actions.acknowledge')}
          </button>
        )}
        {can.forward && (
          <button type="button" className="button" onClick={() => setDialog('forward')}>
            {t('alerts.actions.forward')}
          </button>
        )}
        {can.withdraw && (
          <button type="button" className="button button-danger-outline" onClick={() => setDialog('withdraw')}>
            {t('alerts.actions.withdraw')}
          </button>
        )}
      </div>

      <section className="panel" aria-labelledby="alert-content-title">
        <h2 className="section-title" id="alert-content-title">
          {t('alerts.view.content')}
        </h2>
        <dl className="details" data-testid="alert-details">
          <DetailRow label={t('alerts.fields.riskArea')} value={t(`alerts.riskAreas.${alert.riskArea}`)} />
          <DetailRow label={t('alerts.fields.author')} value={`${alert.authorOrgName}${alert.authorName ? ` — ${alert.authorName}` : ''}`} />
          <DetailRow label={t('alerts.fields.rilo')} value={alert.riloCode} ltr />
          <DetailRow label={t('alerts.fields.validity')} value={alert.validUntil ? `${format.date(alert.validFrom)} – ${format.date(alert.validUntil)}` : format.date(alert.validFrom)} />
          <DetailRow label={t('alerts.fields.circulatedAt')} value={format.dateTime(alert.circulatedAt)} />
          <DetailRow label={t('alerts.fields.language')} value={alert.language} ltr />
          <DetailRow label={t('alerts.fields.transportMode')} value={alert.transportMode ? t(`alerts.transportModes.${alert.transportMode}`) : null} />
          <DetailRow label={t('alerts.fields.conveyance')} value={alert.conveyance} />
          <DetailRow label={t('alerts.fields.concealmentMethods')} value={format.list(alert.concealmentMethods.map((c) => withCode(concealment(c), c)))} />
          <DetailRow label={t('alerts.fields.detectionMethods')} value={format.list(alert.detectionMethods.map((c) => withCode(detection(c), c)))} />
          <DetailRow label={t('alerts.fields.commodities')} value={alert.commodities.map((c) => `${c.hsCode}${c.description ? ` ${c.description}` : ''}`).join('; ')} />
          <DetailRow label={t('alerts.fields.route')} value={alert.route.map((l) => `${t(`alerts.routeRoles.${l.role}`, { defaultValue: l.role })}: ${country(l.country)}${l.place ? ` (${l.place})` : ''}`).join(' → ')} />
          <DetailRow label={t('alerts.fields.warningNumbers')} value={alert.warningNumbers.join(', ')} ltr />
        </dl>
        <h3>{t('alerts.fields.modusOperandi')}</h3>
        <p className="alert-text" dir="auto">
          {alert.modusOperandi || '—'}
        </p>
        <h3>{t('alerts.fields.indicators')}</h3>
        {alert.indicators.length ? (
          <ul data-testid="alert-indicators">
            {alert.indicators.map((x, i) => (
              <li key={i} dir="auto">
                {x}
              </li>
            ))}
          </ul>
        ) : (
          <p>—</p>
        )}
        <h3>{t('alerts.fields.recommendedAction')}</h3>
        <p className="alert-text" dir="auto">
          {alert.recommendedAction || '—'}
        </p>
        <h3>{t('alerts.fields.seizures')}</h3>
        {alert.seizures.length ? (
          <ul>
            {alert.seizures.map((s) => (
              <li key={s.id}>
                <Link to="/seizures/$id" params={{ id: s.id }}>
                  {s.reference}
                </Link>{' '}
                <span className="muted small">{format.date(s.seizedAt)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p>—</p>
        )}
      </section>

      <FilesPanel alert={alert} />
      {can.seeAcks && <AcksPanel alert={alert} />}

      <section className="panel" aria-labelledby="alert-history-title">
        <h2 className="section-title" id="alert-history-title">
          {t('alerts.view.history')}
        </h2>
        <ol className="stack" data-testid="alert-history">
          {alert.history.map((h, i) => (
            <li key={i}>
              <strong>{t(`alerts.historyActions.${h.action.replace(/ /g, '_')}`, { defaultValue: h.action })}</strong> <span className="muted small">{format.dateTime(h.at)}</span>
              {h.userName && <span dir="auto"> — {h.userName}</span>}
              {h.comment && (
                <p className="alert-text" dir="auto">
                  {h.comment}
                </p>
              )}
            </li>
          ))}
        </ol>
      </section>

      {dialog === 'return' && (
        <CommentDialog
          title={t('alerts.actions.return')}
          message={t('alerts.view.returnIntro')}
          label={t('alerts.actions.return')}
          run={(comment) => alertsApi.returnToAuthor(alert.id, comment)}
          onDone={done('alerts.view.returned')}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'withdraw' && (
        <CommentDialog
          title={t('alerts.actions.withdraw')}
          message={t('alerts.view.withdrawIntro')}
          label={t('alerts.actions.withdraw')}
          danger
          run={(comment) => alertsApi.withdraw(alert.id, comment)}
          onDone={done('alerts.view.withdrawn')}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'circulate' && <CirculateDialog alert={alert} onDone={done('alerts.view.circulated')} onClose={() => setDialog(null)} />}
      {(dialog === 'approve' || dialog === 'decline') && <GlobalDecisionDialog alert={alert} approve={dialog === 'approve'} onDone={done('alerts.view.decided')} onClose={() => setDialog(null)} />}
      {dialog === 'forward' && <ForwardDialog alert={alert} onDone={done('alerts.view.forwarded')} onClose={() => setDialog(null)} />}
      {dialog === 'ack' && <AcknowledgeDialog alert={alert} onDone={done('alerts.view.acknowledged')} onClose={() => setDialog(null)} />}
    </>
  );
}

const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} kB`);

/** Photos and attachments: listed and opened by every reader, added and removed while the alert may be edited. */
function FilesPanel({ alert }: { alert: Alert }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const csrf = useCsrfToken();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const editable = alert.can.edit;
  const refresh = () => queryClient.invalidateQueries({ queryKey: alertKeys.one(alert.id) });
  const photos = alert.files.filter((f) => f.kind === 'photo');
  const attachments = alert.files.filter((f) => f.kind === 'attachment');

  const upload = async (files: FileList | null) => {
    setError(null);
    if (!files?.length) return;
    const tooLarge = Array.from(files).find((f) => f.size > MAX_ALERT_FILE_BYTES);
    if (tooLarge) {
      setError(t('alerts.files.tooLarge', { name: tooLarge.name }));
      return;
    }
    try {
      for (const file of Array.from(files)) {
        setProgress(0);
        await uploadRaw<AlertFile>(`/alerts/${alert.id}/files?name=${encodeURIComponent(file.name)}`, file, file.type || 'application/octet-stream', csrf(), setProgress);
      }
      toasts.show({ tone: 'success', title: t('alerts.files.added') });
      await refresh();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setProgress(null);
      if (input.current) input.current.value = '';
    }
  };

  const remove = async (file: AlertFile) => {
    try {
      await alertsApi.removeFile(alert.id, file.id);
      toasts.show({ tone: 'success', title: t('alerts.files.removed') });
      await refresh();
    } catch (e) {
      toasts.show({ tone: 'error', title: t('errors.actionFailed'), body: errorMessage(e) });
    }
  };

  const removeButton = (f: AlertFile) =>
    editable && (
      <button type="button" className="button button-small button-danger-outline" onClick={() => void remove(f)} aria-label={t('alerts.files.removeNamed', { name: f.name })}>
        {t('alerts.files.remove')}
      </button>
    );

  return (
    <section className="panel stack" aria-labelledby="alert-files-title">
      <h2 className="section-title" id="alert-files-title">
        {t('alerts.files.title')}
      </h2>
      {alert.files.length === 0 && <p className="muted">{t('alerts.files.none')}</p>}
      {photos.length > 0 && (
        <ul className="photo-grid" data-testid="alert-photos">
          {photos.map((p) => (
            <li key={p.id}>
              <figure>
                <a href={fileUrl(alert.id, p.id)} target="_blank" rel="noreferrer">
                  <img src={fileUrl(alert.id, p.id)} alt={p.name} loading="lazy" />
                </a>
                <figcaption className="small" dir="auto">
                  {p.name}
                </figcaption>
                {removeButton(p)}
              </figure>
            </li>
          ))}
        </ul>
      )}
      {attachments.length > 0 && (
        <ul data-testid="alert-attachments">
          {attachments.map((f) => (
            <li key={f.id} className="button-row">
              <a href={fileUrl(alert.id, f.id)} dir="auto">
                {f.name}
              </a>
              <span className="muted small">{sizeText(f.size)}</span>
              {removeButton(f)}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <div className={`field${error ? ' field-invalid' : ''}`}>
          <label htmlFor="alert-file">{t('alerts.files.add')}</label>
          <input
            ref={input}
            id="alert-file"
            type="file"
            accept="image/*,application/pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx"
            multiple
            onChange={(e) => void upload(e.target.files)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'alert-file-error' : 'alert-file-hint'}
            disabled={progress !== null}
          />
          {!error && (
            <p className="field-hint" id="alert-file-hint">
              {t('alerts.files.hint')}
            </p>
          )}
          {progress !== null && <progress className="progress" value={progress} max={1} aria-label={t('alerts.files.uploading')} />}
          {error && (
            <p className="field-error" id="alert-file-error" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
    </section>
  );
}

/** For the author, the reviewing RILO and the I2C: who the alert reached, how, whether they acknowledged, and their feedback. */
function AcksPanel({ alert }: { alert: Alert }) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const country = useCountryName();
  const recipients = useQuery({ queryKey: [...alertKeys.recipients(alert.id), alert.version, alert.updatedAt], queryFn: () => alertsApi.recipients(alert.id) });
  const acks = useQuery({ queryKey: [...alertKeys.acks(alert.id), alert.updatedAt], queryFn: () => alertsApi.acks(alert.id) });
  const via = (v: string) => {
    const [kind, rest] = v.split(':');
    return t(`alerts.via.${kind}`, { defaultValue: v, value: rest ?? '' });
  };
  return (
    <section className="panel stack" aria-labelledby="alert-recipients-title">
      <h2 className="section-title" id="alert-recipients-title">
        {t('alerts.recipients.title')}
      </h2>
      {recipients.isError && <div className="alert alert-error">{errorMessage(recipients.error)}</div>}
      <div className="table-wrap">
        <table data-testid="alert-recipients">
          <caption className="visually-hidden">{t('alerts.recipients.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('alerts.recipients.organisation')}</th>
              <th scope="col">{t('alerts.fields.country')}</th>
              <th scope="col">{t('alerts.recipients.via')}</th>
              <th scope="col">{t('alerts.recipients.addedAt')}</th>
              <th scope="col">{t('alerts.recipients.acknowledgedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {(recipients.data?.recipients ?? []).map((r) => (
              <tr key={r.orgId} data-org={r.orgName}>
                <td dir="auto">{r.orgName}</td>
                <td>{r.country ? country(r.country) : ''}</td>
                <td>{via(r.via)}</td>
                <td className="nowrap">{format.dateTime(r.addedAt)}</td>
                <td className="nowrap">{r.acknowledgedAt ? format.dateTime(r.acknowledgedAt) : t('alerts.recipients.notYet')}</td>
              </tr>
            ))}
            {recipients.data?.recipients.length === 0 && (
              <tr>
                <td colSpan={5} className="empty">
                  {t('alerts.recipients.none')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <h3>{t('alerts.recipients.feedbackTitle')}</h3>
      {acks.data?.acks.length === 0 && <p className="muted">{t('alerts.recipients.noFeedback')}</p>}
      <ul className="stack" data-testid="alert-acks">
        {(acks.data?.acks ?? []).map((a) => (
          <li key={a.orgId}>
            <strong dir="auto">{a.orgName}</strong> — <span dir="auto">{a.userName}</span> <span className="muted small">{format.dateTime(a.acknowledgedAt)}</span>
            {a.feedback && <span className="badge badge-ok">{t(`alerts.feedback.${a.feedback}`)}</span>}
            {a.feedbackSeizure && (
              <>
                {' '}
                <Link to="/seizures/$id" params={{ id: a.feedbackSeizure.id }}>
                  {a.feedbackSeizure.reference}
                </Link>
              </>
            )}
            {a.feedbackComment && (
              <p className="alert-text" dir="auto">
                {a.feedbackComment}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
