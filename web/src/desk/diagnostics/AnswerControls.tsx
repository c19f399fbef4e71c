import { useTranslation } from 'react-i18next';
import { FREQUENCIES, YES_NO_PARTLY, type AnswerDraft, type Frequency, type QuestionView, type QuestionnaireView } from './diagnostics-api.ts';

interface Props {
  question: QuestionView;
  levels: QuestionnaireView['levels'];
  answer: AnswerDraft;
  disabled: boolean;
  onChange(answer: AnswerDraft): void;
}

/** The structured parts of an answer the question asks for: yes / partly / no, a level, how often, backed by an MOU or law. */
export function AnswerControls({ question: q, levels, answer, disabled, onChange }: Props) {
  const { t } = useTranslation();
  const base = `q-${q.id.replaceAll('.', '-')}`;
  const values = q.answer === 'yes_no_partly' ? YES_NO_PARTLY : q.answer === 'yes_no' ? (['yes', 'no'] as const) : [];
  // "No" leaves nothing to say about how often or on what basis: the rule gives those parts no points either.
  const saidNo = answer.value === 'no';
  return (
    <div className="diag-controls">
      {values.length > 0 && (
        <fieldset className="diag-choice">
          <legend>{t('desk.diagnostics.answer')}</legend>
          {values.map((v) => (
            <label key={v}>
              <input type="radio" name={`${base}-value`} value={v} checked={answer.value === v} disabled={disabled} onChange={() => onChange({ ...answer, value: v })} />
              {t(`desk.diagnostics.values.${v}`)}
            </label>
          ))}
        </fieldset>
      )}
      {q.answer === 'level' && (
        <div className="field">
          <label htmlFor={`${base}-level`}>{t('desk.diagnostics.selfRating')}</label>
          <select id={`${base}-level`} value={answer.value ?? ''} disabled={disabled} onChange={(e) => onChange({ ...answer, value: e.target.value || null })}>
            <option value="">{t('common.choose')}</option>
            {levels.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {q.asksFrequency && (
        <div className="field">
          <label htmlFor={`${base}-frequency`}>{t('desk.diagnostics.frequency')}</label>
          <select
            id={`${base}-frequency`}
            value={answer.frequency ?? ''}
            disabled={disabled || saidNo}
            onChange={(e) => onChange({ ...answer, frequency: (e.target.value || null) as Frequency | null })}
          >
            <option value="">{t('common.choose')}</option>
            {FREQUENCIES.map((f) => (
              <option key={f} value={f}>
                {t(`desk.diagnostics.frequencies.${f}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      {q.asksSupport && (
        <fieldset className="diag-choice">
          <legend>{t('desk.diagnostics.supported')}</legend>
          {[true, false].map((v) => (
            <label key={String(v)}>
              <input type="radio" name={`${base}-supported`} checked={answer.supported === v} disabled={disabled || saidNo} onChange={() => onChange({ ...answer, supported: v })} />
              {t(v ? 'desk.diagnostics.supportedYes' : 'desk.diagnostics.supportedNo')}
            </label>
          ))}
        </fieldset>
      )}
      <div className="field">
        <label htmlFor={`${base}-text`}>{t(q.answer === 'text' && !q.asksFrequency ? 'desk.diagnostics.textAnswer' : 'desk.diagnostics.details')}</label>
        <textarea id={`${base}-text`} rows={2} maxLength={4000} dir="auto" value={answer.text} disabled={disabled} onChange={(e) => onChange({ ...answer, text: e.target.value })} />
      </div>
    </div>
  );
}
