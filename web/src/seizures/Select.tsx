import { useTranslation } from 'react-i18next';
import { Field, describedBy } from '../app/forms.tsx';

interface SelectFieldProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  options: readonly string[];
  /** The locale key prefix of the option labels: `${prefix}.${option}`. */
  labelPrefix: string;
  error?: string;
  hint?: string;
  required?: boolean;
  /** The label of the empty choice; none when omitted and required. */
  emptyLabel?: string;
  className?: string;
}

/** A labelled <select> over a closed vocabulary, option labels translated. */
export function SelectField({ id, label, value, onChange, options, labelPrefix, error, hint, required, emptyLabel, className }: SelectFieldProps) {
  const { t } = useTranslation();
  return (
    <Field id={id} label={label} error={error} hint={hint} required={required} className={className}>
      <select id={id} name={id} value={value} onChange={(e) => onChange(e.target.value)} aria-required={required || undefined} {...describedBy(id, error, hint)}>
        {(emptyLabel !== undefined || !value) && <option value="">{emptyLabel ?? t('common.choose')}</option>}
        {options.map((o) => (
          <option key={o} value={o}>
            {t(`${labelPrefix}.${o}`)}
          </option>
        ))}
      </select>
    </Field>
  );
}
