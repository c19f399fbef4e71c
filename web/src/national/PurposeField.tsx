import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describedBy } from '../app/forms.tsx';
import { savePurpose, usePurpose } from './purpose.ts';

interface PurposeFieldProps {
  /** Says what the purpose is for: a search or the opening of a record. */
  action: 'search' | 'opening';
}

/**
 * The small "Purpose of this search/opening" field, required before any read of nominal data. The purpose
 * takes effect when confirmed (Enter, the button, or leaving the field), not at every key pressed, so that one
 * read is made and recorded per purpose.
 */
export function PurposeField({ action }: PurposeFieldProps) {
  const { t } = useTranslation();
  const purpose = usePurpose();
  const [draft, setDraft] = useState(purpose);
  useEffect(() => setDraft(purpose), [purpose]);
  const id = `purpose-${action}`;
  const missing = !purpose;
  const error = missing ? t('national.purpose.required') : undefined;
  const hint = t('national.purpose.hint');

  const confirm = (event?: FormEvent) => {
    event?.preventDefault();
    if (draft.trim() !== purpose) savePurpose(draft);
  };

  return (
    <form className={`purpose-field${missing ? ' purpose-missing' : ''}`} onSubmit={confirm} noValidate data-testid="purpose-field">
      <label htmlFor={id}>
        {t(action === 'search' ? 'national.purpose.search' : 'national.purpose.opening')}
        <span className="required-mark" aria-hidden="true">
          {' *'}
        </span>
      </label>
      <div className="button-row">
        <input
          id={id}
          name="purpose"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => confirm()}
          maxLength={300}
          dir="auto"
          aria-required
          {...describedBy(id, error, hint)}
        />
        <button type="submit" className="button button-small" disabled={!draft.trim() || draft.trim() === purpose}>
          {t('national.purpose.use')}
        </button>
      </div>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </form>
  );
}
