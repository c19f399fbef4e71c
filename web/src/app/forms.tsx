import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api.ts';
import { fieldLabel, problemDetail, type FieldLabels } from './field-labels.ts';
import { localiseFieldMessage } from './field-messages.ts';

export interface FormErrors {
  detail: string | null;
  fields: Record<string, string>;
}

const NO_ERRORS: FormErrors = { detail: null, fields: {} };

/** Turns any error into a message for people: the problem's detail, or a translated fallback. */
export function useErrorMessage() {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown): string => {
      if (error instanceof ApiError) {
        if (error.status === 0) return t('errors.network');
        if (error.status === 403) return error.problem.detail ?? t('errors.forbidden');
        const detail = problemDetail(error.problem);
        if (detail) return detail;
        if (error.problem.errors?.length) return t('errors.checkFields');
        return error.problem.title ?? t('errors.generic');
      }
      return t('errors.generic');
    },
    [t],
  );
}

/** Errors of one form: the summary above it and one message beside each named field. */
export function useFormErrors() {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const capture = useCallback(
    (error: unknown, overrideDetail?: string) => {
      const raw = error instanceof ApiError ? error.fieldErrors : {};
      const fields = Object.fromEntries(Object.entries(raw).map(([field, text]) => [field, localiseFieldMessage(text, t)]));
      setErrors({ detail: overrideDetail ?? message(error), fields });
    },
    [message, t],
  );
  const clear = useCallback(() => setErrors(NO_ERRORS), []);
  return { errors, capture, clear, setErrors };
}

/**
 * The errors above a form. Errors of fields shown beside their control (`knownFields`) are not repeated;
 * the others are named by the label the form registers for them in `labels`, or a generic one.
 */
export function ErrorSummary({ errors, knownFields = [], labels = {} }: { errors: FormErrors; knownFields?: string[]; labels?: FieldLabels }) {
  const { t } = useTranslation();
  if (!errors.detail && Object.keys(errors.fields).length === 0) return null;
  const others = Object.entries(errors.fields).filter(([field]) => !knownFields.includes(field));
  return (
    <div className="alert alert-error" role="alert">
      <strong>{errors.detail ?? t('errors.generic')}</strong>
      {others.length > 0 && (
        <ul>
          {others.map(([field, text]) => (
            <li key={field}>{field ? `${fieldLabel(field, labels, t)}: ${text}` : text}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface FieldProps {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  required?: boolean;
  children: ReactNode;
  className?: string;
}

/** A label, the control, and its hint or error, wired together for assistive technology. */
export function Field({ id, label, error, hint, required, children, className }: FieldProps) {
  const { t } = useTranslation();
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && (
          <span className="required-mark" aria-hidden="true" title={t('common.required')}>
            {' *'}
          </span>
        )}
      </label>
      {children}
      {hint && !error && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`} data-field-error={id}>
          {error}
        </p>
      )}
    </div>
  );
}

/** The aria attributes a control needs to point at its hint and error. */
export function describedBy(id: string, error?: string, hint?: string) {
  const ids = [error ? `${id}-error` : null, hint && !error ? `${id}-hint` : null].filter(Boolean).join(' ');
  return { 'aria-invalid': error ? true : undefined, 'aria-describedby': ids || undefined };
}

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string;
  hint?: string;
  required?: boolean;
  type?: 'text' | 'email' | 'password' | 'tel' | 'number' | 'date' | 'time' | 'search';
  autoComplete?: string;
  /** The id of a <datalist> of suggestions. */
  list?: string;
  multiline?: boolean;
  inputMode?: 'numeric' | 'text' | 'tel' | 'email';
  maxLength?: number;
  dir?: 'ltr' | 'rtl' | 'auto';
  autoFocus?: boolean;
  className?: string;
}

export function TextField(props: TextFieldProps) {
  const { id, label, value, onChange, error, hint, required, type = 'text', multiline, className, ...rest } = props;
  const aria = describedBy(id, error, hint);
  return (
    <Field id={id} label={label} error={error} hint={hint} required={required} className={className}>
      {multiline ? (
        <textarea id={id} name={id} value={value} onChange={(e) => onChange(e.target.value)} aria-required={required || undefined} rows={3} {...aria} dir={rest.dir} maxLength={rest.maxLength} />
      ) : (
        <input id={id} name={id} type={type} value={value} onChange={(e) => onChange(e.target.value)} aria-required={required || undefined} {...aria} {...rest} />
      )}
    </Field>
  );
}

interface FormActionsProps {
  submitLabel: string;
  onCancel(): void;
  busy: boolean;
  /** Keeps the submit button disabled for a reason other than being busy. */
  disabled?: boolean;
}

/** The Cancel and submit buttons at the foot of a form or dialog; while busy the submit button is disabled and asks to wait. */
export function FormActions({ submitLabel, onCancel, busy, disabled }: FormActionsProps) {
  const { t } = useTranslation();
  return (
    <div className="button-row button-row-end">
      <button type="button" className="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
      <button type="submit" className="button button-primary" disabled={busy || disabled}>
        {busy ? t('common.working') : submitLabel}
      </button>
    </div>
  );
}
