import { useTranslation } from 'react-i18next';
import { Field } from '../app/forms.tsx';
import { useReferenceLabels } from './labels.ts';
import { CATEGORIES } from './seizures-api.ts';

/** The commodity categories, named from the reference data in the interface language. */
export function useCategoryLabel() {
  return useReferenceLabels('commodities', CATEGORIES);
}

export function CategorySelect({ id, label, value, onChange, allowAny = true, error }: { id: string; label: string; value: string; onChange(v: string): void; allowAny?: boolean; error?: string }) {
  const { t } = useTranslation();
  const name = useCategoryLabel();
  return (
    <Field id={id} label={label} error={error}>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {allowAny && <option value="">{t('common.any')}</option>}
        {CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {name(c)}
          </option>
        ))}
      </select>
    </Field>
  );
}
