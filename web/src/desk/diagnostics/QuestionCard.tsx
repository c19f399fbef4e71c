import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, useFormErrors } from '../../app/forms.tsx';
import { useFormat } from '../../app/format.ts';
import { useWrite } from '../../app/mutation.ts';
import { AnswerControls } from './AnswerControls.tsx';
import { diagnosticsApi, type AnswerDraft, type CommentView, type QuestionView, type QuestionnaireView } from './diagnostics-api.ts';

interface Props {
  assessmentId: string;
  question: QuestionView;
  levels: QuestionnaireView['levels'];
  answer: AnswerDraft;
  applicable: boolean;
  canEdit: boolean;
  comments: CommentView[];
  error?: string;
  onChange(answer: AnswerDraft): void;
  onCommented(): Promise<unknown>;
}

/** One question: its answer, the Handbook's guidance, and the contributors' comments. */
export function QuestionCard({ assessmentId, question: q, levels, answer, applicable, canEdit, comments, error, onChange, onCommented }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = `q-${q.id.replaceAll('.', '-')}-heading`;
  return (
    <article className={`diag-question${error ? ' diag-question-invalid' : ''}`} data-question={q.id} aria-labelledby={headingId}>
      <h3 id={headingId}>
        <span className="diag-question-id">{q.id}</span> <span dir="auto">{q.question}</span>
      </h3>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {applicable ? (
        <AnswerControls question={q} levels={levels} answer={answer} disabled={!canEdit} onChange={onChange} />
      ) : (
        <p className="muted">{t('desk.diagnostics.notApplicable', { parent: q.dependsOn ?? '' })}</p>
      )}
      {(q.weaknesses || q.solution) && (
        <details className="diag-guidance">
          <summary>{t('desk.diagnostics.guidance')}</summary>
          <dl>
            <dt>{t('desk.diagnostics.weaknesses')}</dt>
            <dd dir="auto">{q.weaknesses}</dd>
            <dt>{t('desk.diagnostics.solution')}</dt>
            <dd dir="auto">{q.solution}</dd>
          </dl>
        </details>
      )}
      {comments.length > 0 && (
        <ul className="diag-comments" aria-label={t('desk.diagnostics.comments')}>
          {comments.map((c) => (
            <li key={c.id}>
              <span dir="auto">{c.body}</span> <span className="muted">— {t('desk.diagnostics.commentBy', { name: c.authorName, date: format.dateTime(c.createdAt) })}</span>
            </li>
          ))}
        </ul>
      )}
      {canEdit && <CommentForm assessmentId={assessmentId} questionId={q.id} onDone={onCommented} />}
    </article>
  );
}

function CommentForm({ assessmentId, questionId, onDone }: { assessmentId: string; questionId: string; onDone(): Promise<unknown> }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [open, setOpen] = useState(false);
  const form = useFormErrors();
  const sending = useWrite(form.capture);
  const id = `c-${questionId.replaceAll('.', '-')}`;
  if (!open)
    return (
      <button type="button" className="button button-small button-ghost" onClick={() => setOpen(true)}>
        {t('desk.diagnostics.addComment')}
      </button>
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.clear();
    void sending.run(async () => {
      await diagnosticsApi.comment(assessmentId, questionId, body);
      setBody('');
      setOpen(false);
      await onDone();
    });
  };
  return (
    <form className="diag-comment-form" onSubmit={submit} noValidate>
      <ErrorSummary errors={form.errors} />
      <label htmlFor={id}>{t('desk.diagnostics.commentOn', { question: questionId })}</label>
      <textarea id={id} rows={2} maxLength={4000} dir="auto" value={body} onChange={(e) => setBody(e.target.value)} />
      <div className="button-row">
        <button type="submit" className="button button-small" disabled={sending.pending}>
          {t('desk.diagnostics.sendComment')}
        </button>
        <button type="button" className="button button-small button-ghost" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
