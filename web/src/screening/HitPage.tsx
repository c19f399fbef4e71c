import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, TextField, describedBy, useFormErrors } from '../app/forms.tsx';
import { useFormat } from '../app/format.ts';
import { PageHeader } from '../app/PageHeader.tsx';
import { useMe } from '../app/session.tsx';
import { useToasts } from '../app/toasts.tsx';
import { HitStatusBadge, ValidationClock } from './HitStatus.tsx';
import { ScreeningNav } from './ScreeningNav.tsx';
import { screeningApi, screeningKeys, type HitDecision, type ScreeningHit } from './screening-api.ts';
import { canRecord } from './screening-roles.ts';
import { useScreeningErrorMessage } from './screening-messages.ts';

/** One hit; the recording organisation confirms it or not, with a note for the enquirer. */
export function HitPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const errorMessage = useScreeningErrorMessage();
  const { id = '' } = useParams({ strict: false });
  const hit = useQuery({ queryKey: screeningKeys.hit(id), queryFn: () => screeningApi.hit(id), enabled: id !== '' });
  const h = hit.data;
  const recording = h !== undefined && h.recordingOrgId === me.orgId;

  return (
    <>
      <PageHeader title={t('screening.hitList.one')} intro={t('screening.hitList.oneIntro')} />
      <ScreeningNav />
      <p>
        <Link to="/screening/hits">{t('screening.hitList.back')}</Link>
      </p>
      {hit.isError && (
        <div className="alert alert-error" role="alert">
          {errorMessage(hit.error)}
        </div>
      )}
      {hit.isPending && <p className="muted">{t('common.loading')}</p>}
      {h && (
        <section className="panel" data-testid="hit-detail">
          <dl className="hit-fields">
            <div>
              <dt>{t('screening.hits.list')}</dt>
              <dd>{t(`screening.lists.${h.list}`)}</dd>
            </div>
            <div>
              <dt>{t('screening.hitList.side')}</dt>
              <dd>{recording ? t('screening.hitList.onOurRecord') : t('screening.hitList.ourSearch')}</dd>
            </div>
            <div>
              <dt>{t('screening.orgs.enquirer')}</dt>
              <dd data-testid="hit-enquirer-org">
                {h.enquirerOrgName ?? h.enquirerOrgId}
                {h.onBehalfOfOrgId && <span className="muted small"> · {t('screening.orgs.onBehalfOf', { org: h.onBehalfOfOrgName ?? h.onBehalfOfOrgId })}</span>}
              </dd>
            </div>
            <div>
              <dt>{t('screening.orgs.recording')}</dt>
              <dd data-testid="hit-recording-org">{h.recordingOrgName ?? h.recordingOrgId}</dd>
            </div>
            <div>
              <dt>{t('screening.hitList.status')}</dt>
              <dd>
                <HitStatusBadge status={h.status} />
              </dd>
            </div>
            <div>
              <dt>{t('screening.hitList.openedAt')}</dt>
              <dd>{format.dateTime(h.openedAt)}</dd>
            </div>
            <div>
              <dt>{t('screening.hitList.dueAt')}</dt>
              <dd>
                {format.dateTime(h.validationDueAt)} <ValidationClock hit={h} />
              </dd>
            </div>
            {h.decidedAt && (
              <div>
                <dt>{t('screening.hitList.decidedAt')}</dt>
                <dd>{format.dateTime(h.decidedAt)}</dd>
              </div>
            )}
          </dl>
          {h.note && (
            <div className="stack">
              <h2 className="section-title">{t('screening.hitList.note')}</h2>
              <p className="plain-text" dir="auto" data-testid="hit-note">
                {h.note}
              </p>
            </div>
          )}
          {recording && h.status === 'pending' && canRecord(me.roles) && <DecisionForm hit={h} />}
        </section>
      )}
    </>
  );
}

function DecisionForm({ hit }: { hit: ScreeningHit }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const queryClient = useQueryClient();
  const [decision, setDecision] = useState<HitDecision | ''>('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, capture, clear, setErrors } = useFormErrors();
  const screeningMessage = useScreeningErrorMessage();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    const missing: Record<string, string> = {
      ...(decision ? {} : { decision: t('screening.hitList.chooseDecision') }),
      ...(note.trim() ? {} : { note: t('screening.hitList.noteRequired') }),
    };
    if (!decision || !note.trim()) {
      setErrors({ detail: t('screening.hitList.fixErrors'), fields: missing });
      return;
    }
    setBusy(true);
    try {
      const decided = await screeningApi.decide(hit.id, decision, note.trim());
      queryClient.setQueryData(screeningKeys.hit(hit.id), decided);
      await queryClient.invalidateQueries({ queryKey: screeningKeys.allHits });
      toasts.show({ tone: 'success', title: t('screening.hitList.decided') });
    } catch (error) {
      capture(error, screeningMessage(error) ?? undefined);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="stack" aria-labelledby="decision-title">
      <h2 className="section-title" id="decision-title">
        {t('screening.hitList.decide')}
      </h2>
      <ErrorSummary errors={errors} knownFields={['decision', 'note']} />
      <fieldset className={`field${errors.fields.decision ? ' field-invalid' : ''}`} {...describedBy('hit-decision', errors.fields.decision)}>
        <legend>{t('screening.hitList.decision')}</legend>
        {(['confirmed', 'not_confirmed'] as const).map((value) => (
          <label key={value} className="checkbox">
            <input type="radio" name="hit-decision" value={value} checked={decision === value} onChange={() => setDecision(value)} />
            <span>{t(`screening.hitList.decisions.${value}`)}</span>
          </label>
        ))}
        {errors.fields.decision && (
          <p className="field-error" id="hit-decision-error" data-field-error="hit-decision">
            {errors.fields.decision}
          </p>
        )}
      </fieldset>
      <TextField id="hit-note" label={t('screening.hitList.note')} hint={t('screening.hitList.noteHint')} value={note} onChange={setNote} error={errors.fields.note} multiline required maxLength={4000} />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.working') : t('screening.hitList.submitDecision')}
        </button>
      </div>
    </form>
  );
}
