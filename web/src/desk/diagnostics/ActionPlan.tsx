import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, useFormErrors } from '../../app/forms.tsx';
import { useWrite } from '../../app/mutation.ts';
import { ACTION_STATUSES, diagnosticKeys, diagnosticsApi, useQuestionnaire, type ActionStatus, type ActionView, type ResultView } from './diagnostics-api.ts';

/** The gaps with the Handbook's possible solution, each an action to keep up to date: who, by when, how far. */
export function ActionPlan({ result }: { result: ResultView }) {
  const { t } = useTranslation();
  const { question, areaName } = useQuestionnaire(result.assessment.version);
  const editable = result.canEdit && result.assessment.status === 'completed';
  return (
    <section className="panel" data-testid="diag-action-plan">
      <h2>{t('desk.diagnostics.actionPlan')}</h2>
      <p className="muted">{t('desk.diagnostics.actionPlanIntro')}</p>
      {result.actions.length === 0 ? (
        <p>{t('desk.diagnostics.noActions')}</p>
      ) : (
        <ol className="diag-action-list">
          {result.actions.map((a) => (
            <li key={a.id ?? a.questionId} data-action={a.questionId}>
              <h3>
                <span className="diag-question-id">{a.questionId}</span> <span dir="auto">{question(a.questionId)?.question}</span>
              </h3>
              <p className="muted">{areaName(a.area)}</p>
              <p dir="auto">
                <strong>{t('desk.diagnostics.solution')}:</strong> {question(a.questionId)?.solution}
              </p>
              {a.id && editable ? <ActionForm assessmentId={result.assessment.id} action={a} actionId={a.id} /> : <ActionFacts action={a} />}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function ActionFacts({ action }: { action: ActionView }) {
  const { t } = useTranslation();
  return (
    <dl className="details details-inline">
      <dt>{t('desk.diagnostics.fields.owner')}</dt>
      <dd dir="auto">{action.owner || '—'}</dd>
      <dt>{t('desk.diagnostics.fields.dueDate')}</dt>
      <dd>{action.dueDate ?? '—'}</dd>
      <dt>{t('desk.diagnostics.fields.status')}</dt>
      <dd>{t(`desk.diagnostics.actionStatuses.${action.status}`)}</dd>
    </dl>
  );
}

function ActionForm({ assessmentId, action, actionId }: { assessmentId: string; action: ActionView; actionId: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [owner, setOwner] = useState(action.owner);
  const [dueDate, setDueDate] = useState(action.dueDate ?? '');
  const [status, setStatus] = useState<ActionStatus>(action.status);
  const [note, setNote] = useState(action.note);
  const [saved, setSaved] = useState(false);
  const form = useFormErrors();
  const saving = useWrite(form.capture);
  const base = `action-${action.questionId.replaceAll('.', '-')}`;
  const save = () => {
    form.clear();
    setSaved(false);
    void saving.run(async () => {
      const updated = await diagnosticsApi.updateAction(assessmentId, actionId, { owner, dueDate: dueDate || null, status, note });
      queryClient.setQueryData<ResultView>(diagnosticKeys.result(assessmentId, i18n.language), (r) => r && { ...r, actions: r.actions.map((x) => (x.id === actionId ? updated : x)) });
      setSaved(true);
    });
  };
  return (
    <div className="diag-action-form">
      <ErrorSummary errors={form.errors} />
      <div className="form-grid form-grid-3">
        <div className="field">
          <label htmlFor={`${base}-owner`}>{t('desk.diagnostics.fields.owner')}</label>
          <input id={`${base}-owner`} value={owner} maxLength={200} dir="auto" onChange={(e) => setOwner(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${base}-due`}>{t('desk.diagnostics.fields.dueDate')}</label>
          <input id={`${base}-due`} type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${base}-status`}>{t('desk.diagnostics.fields.status')}</label>
          <select id={`${base}-status`} value={status} onChange={(e) => setStatus(e.target.value as ActionStatus)}>
            {ACTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`desk.diagnostics.actionStatuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${base}-note`}>{t('desk.diagnostics.fields.note')}</label>
        <textarea id={`${base}-note`} rows={2} maxLength={2000} dir="auto" value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <div className="button-row">
        <button type="button" className="button button-small" disabled={saving.pending} onClick={save}>
          {t('desk.diagnostics.saveAction', { question: action.questionId })}
        </button>
        <span className="muted" role="status">
          {saved ? t('desk.diagnostics.saved') : ''}
        </span>
      </div>
    </div>
  );
}
