import { useTranslation } from 'react-i18next';
import type { CaseStatus } from './national-api.ts';

const TONE: Record<CaseStatus, string> = { open: 'badge-ok', under_investigation: 'badge-warning', referred: 'badge-muted', closed: 'badge-muted' };

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${TONE[status]}`} data-status={status}>
      {t(`national.caseStatuses.${status}`)}
    </span>
  );
}
