import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Modal } from '../app/Modal.tsx';
import { ForbiddenPage } from '../app/NotFoundPage.tsx';
import { ErrorSummary, FormActions, Field, useErrorMessage, useFormErrors } from '../app/forms.tsx';
import { useToasts } from '../app/toasts.tsx';
import { useFormat } from '../app/format.ts';
import { maySeeEverything, type Operation } from './comm-api.ts';
import { exportUrl, formattedApi, formattedKeys } from './formatted-api.ts';
import { OperationFrame, retryUnlessRefused } from './OperationFrame.tsx';
import { useWrite } from '../app/mutation.ts';

/** "3 d 4 h", "2 h 5 min", "12 min": a duration for people. */
export function useDuration() {
  const { t } = useTranslation();
  return (seconds: number | null) => {
    if (seconds === null) return '—';
    const d = Math.floor(seconds / 86_400);
    const h = Math.floor((seconds % 86_400) / 3600);
    const m = Math.max(0, Math.floor((seconds % 3600) / 60));
    if (d > 0) return t('comm.duration.days', { d, h });
    if (h > 0) return t('comm.duration.hours', { h, m });
    return t('comm.duration.minutes', { m });
  };
}

/** The OCU's cases: open warnings with their age, closed ones with the response time. */
export function CasesPage() {
  const { opId } = useParams({ from: '/operations/$opId/cases' });
  return (
    <OperationFrame opId={opId} tab="cases">
      {(op) => (maySeeEverything(op.myRole) ? <Cases op={op} /> : <ForbiddenPage />)}
    </OperationFrame>
  );
}

function Cases({ op }: { op: Operation }) {
  const { t } = useTranslation();
  const format = useFormat();
  const duration = useDuration();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<'open' | 'closed'>('open');
  const cases = useQuery({ queryKey: formattedKeys.cases(op.id, status), queryFn: () => formattedApi.cases(op.id, status), retry: retryUnlessRefused, refetchInterval: 60_000 });
  const items = cases.data?.items ?? [];
  return (
    <section className="panel stack">
      <div className="button-row" role="group" aria-label={t('comm.cases.title')}>
        {(['open', 'closed'] as const).map((s) => (
          <button
            key={s}
            type="button"
            className={`button button-small${status === s ? ' button-primary' : ''}`}
            aria-pressed={status === s}
            onClick={() => {
              setStatus(s);
              void queryClient.invalidateQueries({ queryKey: formattedKeys.cases(op.id, s) });
            }}
          >
            {t(`comm.cases.${s}Warnings`)}
          </button>
        ))}
      </div>
      {cases.isError && (
        <div className="alert alert-error" role="alert">
          {errorMessage(cases.error)}
        </div>
      )}
      <div className="table-wrap">
        <table data-testid={`cases-${status}`}>
          <thead>
            <tr>
              <th scope="col">{t('comm.formatted.number')}</th>
              <th scope="col">{t('comm.message.subject')}</th>
              <th scope="col">{t('comm.message.from')}</th>
              <th scope="col">{t('comm.message.sent')}</th>
              <th scope="col">{status === 'open' ? t('comm.cases.age') : t('comm.cases.responseTime')}</th>
              {status === 'closed' && <th scope="col">{t('comm.cases.closedBy')}</th>}
              {status === 'open' && (
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.warningId} data-case={c.number ?? ''}>
                <td className="mono nowrap">
                  <Link to="/operations/$opId/formatted/$messageId" params={{ opId: op.id, messageId: c.warningId }}>
                    {c.number}
                  </Link>
                </td>
                <td>
                  <bdi>{c.subject}</bdi>
                </td>
                <td>
                  <bdi>{c.senderName}</bdi> {c.senderCountry && <span className="muted small">{c.senderCountry}</span>}
                </td>
                <td className="nowrap">{format.dateTime(c.sentAt)}</td>
                <td className="nowrap" data-testid="case-time">
                  {status === 'open' ? duration(c.ageSeconds) : duration(c.responseSeconds)}
                </td>
                {status === 'open' && (
                  <td className="actions">
                    <CloseCaseButton opId={op.id} warningId={c.warningId} number={c.number} />
                  </td>
                )}
                {status === 'closed' && (
                  <td>
                    {c.firstAnswer ? (
                      <Link to="/operations/$opId/formatted/$messageId" params={{ opId: op.id, messageId: c.firstAnswer.id }} className="mono">
                        {c.firstAnswer.number}
                      </Link>
                    ) : (
                      <>
                        <span>{t('comm.cases.byHand', { name: c.closedByName ?? '' })}</span>
                        {c.closeNote && (
                          <span className="muted small message-body" dir="auto" data-testid="close-note">
                            {' '}
                            — {c.closeNote}
                          </span>
                        )}
                      </>
                    )}
                  </td>
                )}
              </tr>
            ))}
            {items.length === 0 && !cases.isPending && (
              <tr>
                <td colSpan={6} className="empty">
                  {t('comm.cases.none')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** "Close case": the OCU closes a warning nobody answered, with a note saying why (required). */
export function CloseCaseButton({ opId, warningId, number }: { opId: string; warningId: string; number: string | null }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button button-small" onClick={() => setOpen(true)}>
        {t('comm.cases.close')}
      </button>
      {open && <CloseCaseDialog opId={opId} warningId={warningId} number={number} onClose={() => setOpen(false)} />}
    </>
  );
}

function CloseCaseDialog({ opId, warningId, number, onClose }: { opId: string; warningId: string; number: string | null; onClose(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const { errors, capture, clear, setErrors } = useFormErrors();
  const write = useWrite(capture);
  const [note, setNote] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    if (!note.trim()) {
      setErrors({ detail: null, fields: { note: t('comm.cases.noteRequired') } });
      return;
    }
    await write.run(async () => {
      await formattedApi.closeCase(opId, warningId, note.trim());
      await queryClient.invalidateQueries({ queryKey: ['comm', 'operation', opId, 'cases'] });
      await queryClient.invalidateQueries({ queryKey: formattedKeys.one(opId, warningId) });
      await queryClient.invalidateQueries({ queryKey: formattedKeys.stats(opId) });
      toasts.show({ tone: 'success', title: t('comm.cases.closedToast', { number: number ?? '' }) });
      onClose();
    });
  };
  return (
    <Modal title={t('comm.cases.closeTitle', { number: number ?? '' })} onClose={onClose}>
      <form onSubmit={submit} noValidate className="stack" data-testid="close-case">
        <p className="muted">{t('comm.cases.closeIntro')}</p>
        <ErrorSummary errors={errors} knownFields={['note']} />
        <Field id="close-note" label={t('comm.cases.note')} error={errors.fields.note} required>
          <textarea id="close-note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} rows={4} dir="auto" required aria-invalid={!!errors.fields.note} />
        </Field>
        <FormActions submitLabel={t('comm.cases.close')} onCancel={onClose} busy={write.pending} />
      </form>
    </Modal>
  );
}

/** The OCU's statistics of the operation: messages by template, warnings, response times, seizures. */
export function StatisticsPage() {
  const { opId } = useParams({ from: '/operations/$opId/statistics' });
  return (
    <OperationFrame opId={opId} tab="statistics">
      {(op) => (maySeeEverything(op.myRole) ? <Statistics op={op} /> : <ForbiddenPage />)}
    </OperationFrame>
  );
}

function Statistics({ op }: { op: Operation }) {
  const { t } = useTranslation();
  const format = useFormat();
  const duration = useDuration();
  const errorMessage = useErrorMessage();
  const stats = useQuery({ queryKey: formattedKeys.stats(op.id), queryFn: () => formattedApi.stats(op.id), retry: retryUnlessRefused });
  if (stats.isPending) return <p className="muted">{t('common.loading')}</p>;
  if (stats.isError)
    return (
      <div className="alert alert-error" role="alert">
        {errorMessage(stats.error)}
      </div>
    );
  const s = stats.data;
  const rows = (list: { label: string; count: number }[]) =>
    list.map((x) => (
      <tr key={x.label}>
        <td>{x.label}</td>
        <td className="numeric">{format.number(x.count)}</td>
      </tr>
    ));
  return (
    <div className="stack">
      <section className="panel" data-testid="exports">
        <div className="toolbar">
          <p className="muted">{t('comm.stats.downloadHint')}</p>
          <div className="button-row">
            {(['xlsx', 'sqlite'] as const).map((f) => (
              <a key={f} href={exportUrl(op.id, f)} download className="button button-small">
                {t(`comm.stats.download.${f}`)}
              </a>
            ))}
          </div>
        </div>
      </section>
    <div className="card-grid" data-testid="statistics">
      <section className="panel">
        <h2 className="section-title">{t('comm.stats.messages')}</h2>
        <table>
          <tbody>
            <tr>
              <th scope="row">{t('comm.stats.total')}</th>
              <td className="numeric">{format.number(s.messages.total)}</td>
            </tr>
            <tr>
              <th scope="row">{t('comm.stats.plain')}</th>
              <td className="numeric">{format.number(s.messages.plain)}</td>
            </tr>
            {rows(s.messages.byTemplate)}
          </tbody>
        </table>
      </section>
      <section className="panel">
        <h2 className="section-title">{t('comm.stats.warnings')}</h2>
        <table>
          <tbody>
            <tr>
              <th scope="row">{t('comm.stats.total')}</th>
              <td className="numeric">{format.number(s.warnings.total)}</td>
            </tr>
            <tr>
              <th scope="row">{t('comm.cases.open')}</th>
              <td className="numeric" data-testid="stats-open">{format.number(s.warnings.open)}</td>
            </tr>
            <tr>
              <th scope="row">{t('comm.cases.closed')}</th>
              <td className="numeric">{format.number(s.warnings.closed)}</td>
            </tr>
            <tr>
              <th scope="row">{t('comm.stats.medianResponse')}</th>
              <td className="numeric">{duration(s.responseTime.medianSeconds)}</td>
            </tr>
            <tr>
              <th scope="row">{t('comm.stats.meanResponse')}</th>
              <td className="numeric">{duration(s.responseTime.meanSeconds)}</td>
            </tr>
          </tbody>
        </table>
      </section>
      <section className="panel">
        <h2 className="section-title">{t('comm.stats.seizures')}</h2>
        <table>
          <tbody>
            <tr>
              <th scope="row">{t('comm.stats.total')}</th>
              <td className="numeric">{format.number(s.seizures.total)}</td>
            </tr>
            {rows(s.seizures.byCommodity)}
            {rows(s.seizures.byPrecursor)}
            {rows(s.seizures.byCountry.map((c) => ({ label: c.country, count: c.count })))}
          </tbody>
        </table>
      </section>
    </div>
    </div>
  );
}
