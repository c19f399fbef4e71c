import { useTranslation } from 'react-i18next';
import type { LiveStatus } from './live-events.ts';

export function ConnectionIndicator({ status }: { status: LiveStatus }) {
  const { t } = useTranslation();
  const label = t(`events.status.${status}`);
  return (
    <span className={`connection connection-${status}`} title={label} data-testid="connection-indicator" data-status={status}>
      <span className="connection-dot" aria-hidden="true" />
      <span className="connection-label">{label}</span>
    </span>
  );
}
