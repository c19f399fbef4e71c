import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, useErrorMessage, useFormErrors } from '../../app/forms.tsx';
import { useWrite } from '../../app/mutation.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { DeskNav } from '../DeskNav.tsx';
import { LevelBadge } from './LevelBadge.tsx';
import { QuestionCard } from './QuestionCard.tsx';
import { ScorePanel } from './ScorePanel.tsx';
import { errorsByQuestion } from './answer-errors.ts';
import { diagnosticKeys, diagnosticsApi, useQuestionnaire, type AnswerDraft, type AssessmentView } from './diagnostics-api.ts';

const blank = (questionId: string): AnswerDraft => ({ questionId, value: null, frequency: null, supported: null, text: '' });

/** The questionnaire of one assessment, by area: answers kept as edits until saved, the score as the server computes it. */
export function AssessmentPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const assessment = useQuery({ queryKey: diagnosticKeys.one(id, lang), queryFn: () => diagnosticsApi.get(id, lang) });
  const a = assessment.data;
  const { questionnaire, levelName } = useQuestionnaire(a?.version);
  const [edits, setEdits] = useState<Record<string, AnswerDraft>>({});
  const [share, setShare] = useState(false);
  const [questionErrors, setQuestionErrors] = useState<Record<string, string>>({});
  const form = useFormErrors();
  const [saved, setSaved] = useState(false);
  const writing = useWrite();

  if (assessment.isError)
    return (
      <>
        <PageHeader title={t('desk.diagnostics.title')} />
        <div className="alert alert-error" role="alert">
          {errorMessage(assessment.error)}
        </div>
      </>
    );
  if (!a || !questionnaire) return <p className="muted">{t('common.loading')}</p>;

  const stored = new Map(a.answers.map((x) => [x.questionId, { questionId: x.questionId, value: x.value, frequency: x.frequency, supported: x.supported, text: x.text }]));
  const answerOf = (qid: string) => edits[qid] ?? stored.get(qid) ?? blank(qid);
  const applicable = (dependsOn: string | null) => !dependsOn || answerOf(dependsOn).value !== 'no';
  const pending = Object.values(edits);
  const editable = a.canEdit && a.status === 'draft';

  const refused = (error: unknown, sentIds: string[]) => {
    form.capture(error);
    setQuestionErrors(errorsByQuestion(error, sentIds));
  };
  const store = (view: AssessmentView) => {
    queryClient.setQueryData(diagnosticKeys.one(id, lang), view);
    void queryClient.invalidateQueries({ queryKey: diagnosticKeys.list });
  };
  const saveEdits = async () => {
    if (pending.length === 0) return true;
    try {
      store(await diagnosticsApi.saveAnswers(id, pending, lang));
      setEdits({});
      return true;
    } catch (error) {
      refused(error, pending.map((p) => p.questionId));
      return false;
    }
  };
  const save = () => {
    form.clear();
    setQuestionErrors({});
    setSaved(false);
    void writing.run(async () => setSaved(await saveEdits()));
  };
  const complete = () => {
    form.clear();
    setQuestionErrors({});
    void writing.run(async () => {
      if (!(await saveEdits())) return;
      try {
        const result = await diagnosticsApi.complete(id, share, lang);
        queryClient.setQueryData(diagnosticKeys.result(id, lang), result);
        await queryClient.invalidateQueries({ queryKey: diagnosticKeys.all });
        await navigate({ to: '/desk/diagnostics/$id/result', params: { id } });
      } catch (error) {
        refused(error, []);
      }
    });
  };

  return (
    <>
      <PageHeader title={a.title} intro={t('desk.diagnostics.formIntro', { org: a.orgName, version: a.version })} />
      <DeskNav />
      {a.status === 'completed' && (
        <p className="alert alert-success" role="status">
          {t('desk.diagnostics.completedLocked')} <Link to="/desk/diagnostics/$id/result" params={{ id }}>{t('desk.diagnostics.seeResult')}</Link>
        </p>
      )}
      <ScorePanel score={a.score} />
      <ErrorSummary errors={form.errors} knownFields={Object.keys(form.errors.fields)} />
      {questionnaire.areas.map((area) => (
        <section key={area.id} className="panel" data-area={area.id}>
          <h2>
            {area.name} <LevelBadge level={a.score.areas[area.id].level} name={levelName(a.score.areas[area.id].level)} />
          </h2>
          {questionnaire.questions
            .filter((q) => q.area === area.id)
            .map((q) => (
              <QuestionCard
                key={q.id}
                assessmentId={id}
                question={q}
                levels={questionnaire.levels}
                answer={answerOf(q.id)}
                applicable={applicable(q.dependsOn)}
                canEdit={editable}
                comments={a.comments.filter((c) => c.questionId === q.id)}
                error={questionErrors[q.id]}
                onChange={(next) => {
                  setSaved(false);
                  setEdits((e) => ({ ...e, [q.id]: next }));
                }}
                onCommented={() => queryClient.invalidateQueries({ queryKey: diagnosticKeys.one(id, lang) })}
              />
            ))}
        </section>
      ))}
      {editable && (
        <section className="panel diag-actions-bar">
          <p className="muted" aria-live="polite" data-testid="diag-save-state">
            {pending.length > 0 ? t('desk.diagnostics.unsaved', { count: pending.length }) : saved ? t('desk.diagnostics.saved') : ''}
          </p>
          <div className="button-row">
            <button type="button" className="button" disabled={writing.pending || pending.length === 0} onClick={save}>
              {t('desk.diagnostics.saveDraft')}
            </button>
            <label className="diag-share">
              <input type="checkbox" checked={share} onChange={(e) => setShare(e.target.checked)} /> {t('desk.diagnostics.shareOnComplete')}
            </label>
            <button type="button" className="button button-primary" disabled={writing.pending} onClick={complete}>
              {t('desk.diagnostics.complete')}
            </button>
          </div>
        </section>
      )}
    </>
  );
}
