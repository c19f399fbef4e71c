import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../app/forms.tsx';
import { useFormat } from '../app/format.ts';
import { ConfirmDialog } from '../app/Modal.tsx';
import { Pager } from '../app/Pager.tsx';
import { useMe } from '../app/session.tsx';
import { useToasts } from '../app/toasts.tsx';
import { CenExportDialog } from './CenExportDialog.tsx';
import { maySeeEverything, type Operation } from './comm-api.ts';
import { refreshMailbox } from './comm-live.ts';
import { formattedApi, formattedKeys, labelIn, type FormattedMessage } from './formatted-api.ts';
import { OperationFrame, retryUnlessRefused } from './OperationFrame.tsx';
import { CloseCaseButton } from './CasesPage.tsx';

const PAGE_SIZE = 25;

/** Formatted messages: write from a template, my drafts, and those I sent or received (the OCU: all). */
export function FormattedListPage() {
  const { opId } = useParams({ from: '/operations/$opId/formatted' });
  return (
    <OperationFrame opId={opId} tab="formatted">
      {(op) => <FormattedList op={op} />}
    </OperationFrame>
  );
}

function FormattedList({ op }: { op: Operation }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const [page, setPage] = useState(1);
  const [removing, setRemoving] = useState<string | null>(null);
  const templates = useQuery({ queryKey: formattedKeys.templates(op.id), queryFn: () => formattedApi.templates(op.id) });
  const sent = useQuery({ queryKey: formattedKeys.list(op.id, 'sent', page), queryFn: () => formattedApi.list(op.id, 'sent', page, PAGE_SIZE), placeholderData: keepPreviousData });
  const drafts = useQuery({ queryKey: formattedKeys.list(op.id, 'draft', 1), queryFn: () => formattedApi.list(op.id, 'draft', 1, 100) });

  const remove = async () => {
    if (!removing) return;
    try {
      await formattedApi.remove(op.id, removing);
      await queryClient.invalidateQueries({ queryKey: ['comm', 'operation', op.id, 'formatted'] });
    } catch (error) {
      toasts.show({ tone: 'error', title: t('errors.actionFailed'), body: errorMessage(error) });
    } finally {
      setRemoving(null);
    }
  };

  return (
    <div className="stack">
      <section className="panel">
        <h2 className="section-title">{t('comm.formatted.write')}</h2>
        <div className="button-row" data-testid="template-buttons">
          {(templates.data?.items ?? []).map((x) => (
            <Link key={x.id} to="/operations/$opId/formatted/new" params={{ opId: op.id }} search={{ template: x.id }} className="button">
              {labelIn(x.names, i18n.language)}
            </Link>
          ))}
        </div>
      </section>
      {(drafts.data?.items.length ?? 0) > 0 && (
        <section className="panel">
          <h2 className="section-title">{t('comm.formatted.drafts')}</h2>
          <div className="table-wrap">
            <table data-testid="drafts">
              <tbody>
                {drafts.data?.items.map((d) => (
                  <tr key={d.id}>
                    <td>{d.templateCode}</td>
                    <td>
                      <Link to="/operations/$opId/formatted/new" params={{ opId: op.id }} search={{ draft: d.id }}>
                        <bdi>{d.subject}</bdi>
                      </Link>
                    </td>
                    <td className="actions">
                      <button type="button" className="button button-small button-danger-outline" onClick={() => setRemoving(d.id)}>
                        {t('comm.mailbox.delete')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      <section className="panel">
        <h2 className="section-title">{t('comm.formatted.sent')}</h2>
        {sent.isError && (
          <div className="alert alert-error" role="alert">
            {errorMessage(sent.error)}
          </div>
        )}
        <div className="table-wrap">
          <table data-testid="formatted-list">
            <thead>
              <tr>
                <th scope="col">{t('comm.formatted.number')}</th>
                <th scope="col">{t('comm.formatted.template')}</th>
                <th scope="col">{t('comm.message.subject')}</th>
                <th scope="col">{t('comm.message.from')}</th>
                <th scope="col">{t('comm.message.sent')}</th>
              </tr>
            </thead>
            <tbody>
              {(sent.data?.items ?? []).map((m) => (
                <tr key={m.id} data-number={m.number ?? ''}>
                  <td className="mono nowrap">
                    <Link to="/operations/$opId/formatted/$messageId" params={{ opId: op.id, messageId: m.id }}>
                      {m.number}
                    </Link>
                  </td>
                  <td>{m.templateCode}</td>
                  <td>
                    <bdi>{m.subject}</bdi>
                  </td>
                  <td>
                    <bdi>{m.senderName}</bdi> {m.senderCountry && <span className="muted small">{m.senderCountry}</span>}
                  </td>
                  <td className="nowrap">{format.dateTime(m.sentAt)}</td>
                </tr>
              ))}
              {sent.data?.items.length === 0 && (
                <tr>
                  <td colSpan={5} className="empty">
                    {t('comm.formatted.none')}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
        {sent.data && sent.data.total > PAGE_SIZE && <Pager page={page} pageSize={PAGE_SIZE} total={sent.data.total} onPage={setPage} />}
      </section>
      {removing && (
        <ConfirmDialog title={t('comm.formatted.deleteDraft')} message={t('comm.library.removeText')} confirmLabel={t('comm.mailbox.delete')} danger onConfirm={() => void remove()} onCancel={() => setRemoving(null)} />
      )}
    </div>
  );
}

/** A formatted message, readable in my language; a WARNING shows its case and how to answer it. */
export function FormattedMessagePage() {
  const { opId, messageId } = useParams({ from: '/operations/$opId/formatted/$messageId' });
  return (
    <OperationFrame opId={opId} tab="formatted">
      {(op) => <FormattedView op={op} messageId={messageId} />}
    </OperationFrame>
  );
}

function FormattedView({ op, messageId }: { op: Operation; messageId: string }) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const m = useQuery({ queryKey: [...formattedKeys.one(op.id, messageId), i18n.language], queryFn: () => formattedApi.get(op.id, messageId), retry: retryUnlessRefused });
  const loaded = !!m.data;
  // Opening a received message marks it read: the counts follow.
  useEffect(() => {
    if (loaded) refreshMailbox(queryClient, op.id);
  }, [loaded, queryClient, op.id]);
  if (m.isPending) return <p className="muted">{t('common.loading')}</p>;
  if (m.isError)
    return (
      <div className="alert alert-error" role="alert">
        {errorMessage(m.error)}
      </div>
    );
  return <FormattedBody op={op} message={m.data} />;
}

export function FormattedBody({ op, message: m }: { op: Operation; message: FormattedMessage }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const [exporting, setExporting] = useState(false);
  // Only the sender exports a seizure message, for their administration, as its national contact point.
  const mayExport = m.templateCode === 'SEIZURE' && m.status === 'sent' && m.senderId === me.id && me.roles.includes('ncp');
  return (
    <article className="panel stack" data-testid="formatted-message">
      <div className="toolbar">
        <h2 className="section-title">
          {m.templateName} {m.number ? <span className="mono" data-testid="formatted-number">{m.number}</span> : <span className="badge badge-muted">{t('comm.formatted.draft')}</span>}
        </h2>
        <div className="button-row">
          {m.status === 'draft' && m.senderId === me.id && (
            <Link to="/operations/$opId/formatted/new" params={{ opId: op.id }} search={{ draft: m.id }} className="button button-small button-primary">
              {t('common.edit')}
            </Link>
          )}
          {m.templateCode === 'WARNING' && m.status === 'sent' && <AnswerButtons op={op} warningId={m.id} />}
          {m.templateCode === 'WARNING' && m.status === 'sent' && m.case?.status === 'open' && maySeeEverything(op.myRole) && <CloseCaseButton opId={op.id} warningId={m.id} number={m.number} />}
          {mayExport && (
            <button type="button" className="button button-small button-primary" onClick={() => setExporting(true)}>
              {t('comm.cenExport.open')}
            </button>
          )}
        </div>
      </div>
      <dl className="details">
        <div className="details-row">
          <dt>{t('comm.message.subject')}</dt>
          <dd dir="auto">{m.subject}</dd>
        </div>
        <div className="details-row">
          <dt>{t('comm.message.from')}</dt>
          <dd>
            <bdi>{m.senderName}</bdi> {m.senderCountry && <span className="muted">({m.senderCountry})</span>}
          </dd>
        </div>
        {m.sentAt && (
          <div className="details-row">
            <dt>{t('comm.message.sent')}</dt>
            <dd>{format.dateTime(m.sentAt)}</dd>
          </div>
        )}
        {m.status === 'sent' && (
          <div className="details-row">
            <dt>{t('comm.message.to')}</dt>
            <dd>{t('comm.message.recipientCount', { count: m.recipientCount })}</dd>
          </div>
        )}
        {m.linkedWarningId && (
          <div className="details-row">
            <dt>{t('comm.formatted.answers')}</dt>
            <dd>
              <Link to="/operations/$opId/formatted/$messageId" params={{ opId: op.id, messageId: m.linkedWarningId }} data-testid="linked-warning-link">
                {m.linkedWarningNumber ?? t('comm.message.original')}
              </Link>
            </dd>
          </div>
        )}
        {m.case && (
          <div className="details-row">
            <dt>{t('comm.cases.case')}</dt>
            <dd data-testid="case-status">
              <span className={`badge ${m.case.status === 'closed' ? 'badge-ok' : 'badge-warning'}`}>{t(`comm.cases.${m.case.status}`)}</span>{' '}
              {m.case.answers.map((a) => (
                <Link key={a.id} to="/operations/$opId/formatted/$messageId" params={{ opId: op.id, messageId: a.id }} className="mono">
                  {a.number}{' '}
                </Link>
              ))}
            </dd>
          </div>
        )}
      </dl>
      {m.sections.map((s) => (
        <section key={s.key} data-section={s.key}>
          <h3 className="section-title">{s.label}</h3>
          <dl className="details">
            {s.fields
              .filter((f) => !f.entries)
              .map((f) => (
                <div className="details-row" key={f.key}>
                  <dt>{f.label}</dt>
                  <dd dir="auto" className="message-body">
                    {f.display}
                  </dd>
                </div>
              ))}
          </dl>
          {s.fields
            .filter((f) => f.entries && f.entries.length > 0)
            .map((f) => (
              <div className="table-wrap" key={f.key}>
                <table>
                  <caption>{f.label}</caption>
                  <thead>
                    <tr>
                      {f.entries![0].map((c) => (
                        <th key={c.key} scope="col">
                          {c.label}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {f.entries!.map((row, i) => (
                      <tr key={i}>
                        {row.map((c) => (
                          <td key={c.key} dir="auto">
                            {c.display}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ))}
        </section>
      ))}
      {maySeeEverything(op.myRole) && <p className="muted small">{t('comm.formatted.ocuSees')}</p>}
      {exporting && <CenExportDialog opId={op.id} messageId={m.id} onClose={() => setExporting(false)} />}
    </article>
  );
}

function AnswerButtons({ op, warningId }: { op: Operation; warningId: string }) {
  const { t, i18n } = useTranslation();
  const templates = useQuery({ queryKey: formattedKeys.templates(op.id), queryFn: () => formattedApi.templates(op.id) });
  return (
    <>
      {(templates.data?.items ?? [])
        .filter((x) => x.code === 'FEEDBACK' || x.code === 'SEIZURE')
        .map((x) => (
          <Link key={x.id} to="/operations/$opId/formatted/new" params={{ opId: op.id }} search={{ template: x.id, answers: warningId }} className="button button-small">
            {t('comm.formatted.answerWith', { name: labelIn(x.names, i18n.language) })}
          </Link>
        ))}
    </>
  );
}
