import { useTranslation } from 'react-i18next';
import { CODED_FIELDS } from './list-fields.ts';

/** One field value as shown: codes through their labels, lists joined, identifiers left to right. */
export function useFieldValue() {
  const { t } = useTranslation();
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined) return '';
    if (Array.isArray(value)) return value.map(String).join(', ');
    if (CODED_FIELDS.has(field) && typeof value === 'string') return t(`screening.values.${value}`, { defaultValue: value });
    return String(value);
  };
}

/** The identifying fields of a first-level reply, labelled. */
export function FirstLevelFields({ fields }: { fields: Record<string, unknown> }) {
  const { t } = useTranslation();
  const show = useFieldValue();
  return (
    <dl className="hit-fields">
      {Object.entries(fields).map(([field, value]) => (
        <div key={field}>
          <dt>{t(`screening.fields.${field}`)}</dt>
          <dd dir={CODED_FIELDS.has(field) ? undefined : 'auto'}>{show(field, value)}</dd>
        </div>
      ))}
    </dl>
  );
}
