import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api.ts';
import { ErrorSummary, TextField, useFormErrors } from '../app/forms.tsx';
import { useFormat } from '../app/format.ts';
import { PageHeader } from '../app/PageHeader.tsx';
import { useMe } from '../app/session.tsx';
import { useToasts } from '../app/toasts.tsx';
import { TraceStatusBadge } from './HitStatus.tsx';
import { ScreeningNav } from './ScreeningNav.tsx';
import { screeningApi, screeningKeys, type TraceRequest } from './screening-api.ts';
import { canRecord } from './screening-roles.ts';
import { useScreeningErrorMessage } from './screening-messages.ts';

/** One trace request of our organisation (asked by us or about our firearm); the owner answers it here. */
export function TraceRequestPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const errorMessage = useScreeningErrorMessage();
  const { id = '' } = useParams({ strict: false });
  const traces = useQuery({ queryKey: screeningKeys.trace(id), queryFn: () => screeningApi.traceRequest(id), enabled: id !== '', retry: false });
  const tr = traces.data;
  const owner = tr !== undefined && tr.ownerOrgId === me.orgId;

  return (
    <>
      <PageHeader title={t('screening.trace.one')} intro={t('screening.trace.oneIntro')} />
      <ScreeningNav />
      <p>
        <Link to="/screening/trace-requests">{t('screening.trace.back')}</Link>
      </p>
      {traces.isError && (
        <div className="alert alert-error" role="alert">
          {traces.error instanceof ApiError && traces.error.status === 404 ? t('screening.trace.notFound') : errorMessage(traces.error)}
        </div>
      )}
      {traces.isPending && <p className="muted">{t('common.loading')}</p>}
      {tr && (
        <section className="panel stack" data-testid="trace-detail">
          <dl className="hit-fields">
            <div>
              <dt>{t('screening.trace.side')}</dt>
              <dd>{owner ? t('screening.trace.aboutOurs') : t('screening.trace.askedByUs')}</dd>
            </div>
            <div>
              <dt>{t('screening.orgs.requester')}</dt>
              <dd data-testid="trace-requester-org">{tr.requesterOrgName ?? tr.requesterOrgId}</dd>
            </div>
            <div>
              <dt>{t('screening.orgs.owner')}</dt>
              <dd data-testid="trace-owner-org">{tr.ownerOrgName ?? tr.ownerOrgId}</dd>
            </div>
            <div>
              <dt>{t('screening.trace.status')}</dt>
              <dd>
                <TraceStatusBadge status={tr.status} />
              </dd>
            </div>
            <div>
              <dt>{t('screening.trace.askedAt')}</dt>
              <dd>{format.dateTime(tr.createdAt)}</dd>
            </div>
            {tr.answeredAt && (
              <div>
                <dt>{t('screening.trace.answeredAt')}</dt>
                <dd>{format.dateTime(tr.answeredAt)}</dd>
              </div>
            )}
          </dl>
          <h2 className="section-title">{t('screening.trace.question')}</h2>
          <p className="plain-text" dir="auto">
            {tr.question}
          </p>
          {tr.answer && (
            <>
              <h2 className="section-title">{t('screening.trace.answer')}</h2>
              <p className="plain-text" dir="auto" data-testid="trace-answer">
                {tr.answer}
              </p>
            </>
          )}
          {owner && tr.status === 'open' && canRecord(me.roles) && <AnswerForm trace={tr} />}
        </section>
      )}
    </>
  );
}

function AnswerForm({ trace }: { trace: TraceRequest }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const queryClient = useQueryClient();
  const [answer, setAnswer] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, capture, clear, setErrors } = useFormErrors();
  const screeningMessage = useScreeningErrorMessage();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    if (!answer.trim()) {
      setErrors({ detail: t('screening.hitList.fixErrors'), fields: { answer: t('screening.trace.answerRequired') } });
      return;
    }
    setBusy(true);
    try {
      await screeningApi.answerTrace(trace.id, answer.trim());
      await queryClient.invalidateQueries({ queryKey: screeningKeys.allTraces });
      toasts.show({ tone: 'success', title: t('screening.trace.answered') });
    } catch (error) {
      capture(error, screeningMessage(error) ?? undefined);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="stack">
      <ErrorSummary errors={errors} knownFields={['answer']} />
      <TextField id="trace-answer" label={t('screening.trace.answer')} hint={t('screening.trace.answerHint')} value={answer} onChange={setAnswer} error={errors.fields.answer} multiline required maxLength={4000} />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.working') : t('screening.trace.answerButton')}
        </button>
      </div>
    </form>
  );
}
