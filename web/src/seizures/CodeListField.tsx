import { useTranslation } from 'react-i18next';
import type { ReferenceKind } from '../reference/reference-api.ts';
import { Typeahead } from '../reference/Typeahead.tsx';
import { useReferenceLabels, withCode } from './labels.ts';

interface CodeListFieldProps {
  id: string;
  kind: ReferenceKind;
  label: string;
  values: string[];
  onChange(values: string[]): void;
  error?: string;
  hint?: string;
  max?: number;
  /** Names for the chosen codes; reference labels by default. */
  labelOf?(code: string): string;
}

/** Several codes of one kind: a typeahead adds one, each chosen code is a chip with a remove button. */
export function CodeListField({ id, kind, label, values, onChange, error, hint, max = 10, labelOf }: CodeListFieldProps) {
  const { t } = useTranslation();
  const refLabel = useReferenceLabels(kind, labelOf ? [] : values);
  const name = (code: string) => (labelOf ? labelOf(code) : refLabel(code));
  return (
    <div className="code-list-field">
      <Typeahead
        id={id}
        kind={kind}
        label={label}
        value={null}
        onChange={(code) => {
          if (code && !values.includes(code) && values.length < max) onChange([...values, code]);
        }}
        error={error}
        hint={hint}
      />
      {values.length > 0 && (
        <ul className="chips" aria-label={t('seizures.common.chosen', { field: label })} data-testid={`${id}-chosen`}>
          {values.map((code) => (
            <li key={code} className="chip">
              <span>{withCode(name(code), code)}</span>
              <button type="button" className="icon-button" aria-label={t('seizures.common.removeValue', { value: name(code) })} onClick={() => onChange(values.filter((v) => v !== code))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
