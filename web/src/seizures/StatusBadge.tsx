import { useTranslation } from 'react-i18next';

const TONE: Record<string, string> = { draft: 'badge-muted', submitted: 'badge-warning', validated: 'badge-ok', returned: 'badge-danger' };

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${TONE[status] ?? 'badge-muted'}`} data-status={status}>
      {t(`seizures.statuses.${status}`, { defaultValue: status })}
    </span>
  );
}
