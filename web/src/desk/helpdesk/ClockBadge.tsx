import { useTranslation } from 'react-i18next';
import type { RequestClock } from './helpdesk-api.ts';

/** "3 hours", "2 days": the largest unit that fits, in the interface language. */
export function useDuration() {
  const { i18n } = useTranslation();
  return (ms: number) => {
    const minutes = Math.max(1, Math.round(Math.abs(ms) / 60_000));
    const [value, unit] = minutes < 90 ? [minutes, 'minute'] : minutes < 48 * 60 ? [Math.round(minutes / 60), 'hour'] : [Math.round(minutes / 1440), 'day'];
    return new Intl.NumberFormat(i18n.language, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
  };
}

/** Where a request's response-time clock stands: due in, overdue by, paused, or met / missed once done. */
export function ClockBadge({ clock, now = Date.now() }: { clock: RequestClock; now?: number }) {
  const { t } = useTranslation();
  const duration = useDuration();
  if (clock.target === 'none') {
    if (clock.resolutionMet === null) return <span className="badge badge-muted">{t('desk.helpdesk.clock.done')}</span>;
    return <span className={`badge ${clock.resolutionMet ? 'badge-ok' : 'badge-warning'}`}>{t(clock.resolutionMet ? 'desk.helpdesk.clock.met' : 'desk.helpdesk.clock.missed')}</span>;
  }
  const what = t(`desk.helpdesk.clock.${clock.target}`);
  if (clock.paused) return <span className="badge badge-muted" title={what}>{t('desk.helpdesk.clock.paused')}</span>;
  const left = new Date(clock.dueAt!).getTime() - now;
  return clock.overdue ? (
    <span className="badge badge-danger" title={what}>
      {t('desk.helpdesk.clock.overdue', { what, duration: duration(left) })}
    </span>
  ) : (
    <span className="badge badge-ok" title={what}>
      {t('desk.helpdesk.clock.dueIn', { what, duration: duration(left) })}
    </span>
  );
}
