import { useTranslation } from 'react-i18next';
import type { ScreeningHit, TraceRequest } from './screening-api.ts';
import { useValidationClock } from './validation-clock.ts';

const HIT_TONE: Record<ScreeningHit['status'], string> = { pending: 'badge-warning', confirmed: 'badge-danger', not_confirmed: 'badge-muted' };

/** A hit's status, as a badge. */
export function HitStatusBadge({ status }: { status: ScreeningHit['status'] }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${HIT_TONE[status]}`} data-status={status}>
      {t(`screening.hitList.statuses.${status}`)}
    </span>
  );
}

/** The one-hour validation clock of a pending hit: time left, or overdue. */
export function ValidationClock({ hit }: { hit: ScreeningHit }) {
  const clock = useValidationClock()(hit);
  if (!clock) return null;
  return (
    <span className={clock.overdue ? 'clock-overdue' : 'clock-running'} data-testid="validation-clock" data-overdue={clock.overdue}>
      {clock.text}
    </span>
  );
}

/** A trace request's status, as a badge. */
export function TraceStatusBadge({ status }: { status: TraceRequest['status'] }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${status === 'open' ? 'badge-warning' : 'badge-ok'}`} data-status={status}>
      {t(`screening.trace.statuses.${status}`)}
    </span>
  );
}
