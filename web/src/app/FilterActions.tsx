import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The foot of a filter form: Filter (submits), Clear, and any extra actions such as exports. */
export function FilterActions({ onClear, children }: { onClear(): void; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="button-row">
      <button type="submit" className="button button-primary">
        {t('common.filter')}
      </button>
      <button type="button" className="button" onClick={onClear}>
        {t('common.clear')}
      </button>
      {children}
    </div>
  );
}
