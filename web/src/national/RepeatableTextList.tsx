import { useTranslation } from 'react-i18next';
import { describedBy } from '../app/forms.tsx';

interface RepeatableTextListProps {
  id: string;
  legend: string;
  values: string[];
  onChange(values: string[]): void;
  /** The label of the item at this position ("Main name", "Alias 1", "Phone 2"). */
  itemLabel(index: number): string;
  addLabel: string;
  /** Errors by position (`0`, `1`) or for the whole list (`''`). */
  errors: Record<string, string>;
  type?: 'text' | 'tel' | 'email';
  /** Items that cannot be removed: the main name must stay. */
  min?: number;
  max?: number;
  required?: boolean;
}

/** A list of texts of one kind (names and aliases in any script, phone numbers, e-mail addresses). */
export function RepeatableTextList({ id, legend, values, onChange, itemLabel, addLabel, errors, type = 'text', min = 0, max = 20, required }: RepeatableTextListProps) {
  const { t } = useTranslation();
  const set = (index: number, value: string) => onChange(values.map((v, i) => (i === index ? value : v)));
  return (
    <fieldset className="repeatable-texts">
      <legend>{legend}</legend>
      {errors[''] && <p className="field-error">{errors['']}</p>}
      <ol className="repeat-list">
        {values.map((value, index) => {
          const itemId = `${id}-${index}`;
          const error = errors[String(index)];
          return (
            <li key={index} className={`field${error ? ' field-invalid' : ''}`}>
              <label htmlFor={itemId}>
                {itemLabel(index)}
                {required && index === 0 && (
                  <span className="required-mark" aria-hidden="true">
                    {' *'}
                  </span>
                )}
              </label>
              <div className="button-row">
                <input
                  id={itemId}
                  type={type}
                  value={value}
                  onChange={(e) => set(index, e.target.value)}
                  maxLength={300}
                  dir={type === 'text' ? 'auto' : 'ltr'}
                  autoComplete="off"
                  aria-required={(required && index === 0) || undefined}
                  {...describedBy(itemId, error)}
                />
                {index >= min && (
                  <button type="button" className="button button-small button-danger-outline" onClick={() => onChange(values.filter((_, i) => i !== index))} aria-label={t('national.form.removeItem', { item: itemLabel(index) })}>
                    {t('national.form.remove')}
                  </button>
                )}
              </div>
              {error && (
                <p className="field-error" id={`${itemId}-error`}>
                  {error}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      <div className="button-row">
        <button type="button" className="button button-small" onClick={() => onChange([...values, ''])} disabled={values.length >= max}>
          {addLabel}
        </button>
      </div>
    </fieldset>
  );
}
