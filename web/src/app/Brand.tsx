import { useTranslation } from 'react-i18next';

export function Brand() {
  const { t } = useTranslation();
  return (
    <span className="brand">
      <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
        <rect width="32" height="32" rx="7" fill="currentColor" />
        <path d="M8 16a8 8 0 0 1 14-5.3M24 16a8 8 0 0 1-14 5.3" stroke="var(--brand-contrast)" strokeWidth="3" fill="none" strokeLinecap="round" />
      </svg>
      <span className="brand-text">
        <span className="brand-name">{t('app.name')}</span>
        <span className="brand-tagline">{t('app.tagline')}</span>
      </span>
    </span>
  );
}
