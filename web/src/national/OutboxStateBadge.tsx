import { useTranslation } from 'react-i18next';
import type { OutboxState } from './national-api.ts';

const TONE: Record<OutboxState, string> = { pending: 'badge-warning', sent: 'badge-ok', failed: 'badge-danger', superseded: 'badge-muted' };

export function OutboxStateBadge({ state }: { state: OutboxState }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${TONE[state]}`} data-state={state}>
      {t(`national.outbox.states.${state}`)}
    </span>
  );
}
