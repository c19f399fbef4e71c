import { useTranslation } from 'react-i18next';
import type { FieldWarning } from './national-api.ts';

/** Values the standards warn on (a VIN check digit, an expired document), as the server found them at the last save. */
export function FieldWarningsPanel({ warnings }: { warnings: FieldWarning[] }) {
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <div className="alert alert-warning" role="status" data-testid="field-warnings">
      <strong>{t('national.warnings.title', { n: warnings.length })}</strong>
      <ul>
        {warnings.map((w) => (
          <li key={`${w.field}-${w.message}`}>
            {t(`national.fieldPaths.${w.field.replace(/\.\d+/g, '')}`, { defaultValue: w.field })}: <span dir="auto">{w.message}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
