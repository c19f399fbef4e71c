import { useTranslation } from 'react-i18next';
import { TLP_OF, grading, type HandlingCode } from './alerts-api.ts';

const TLP_TONE = { clear: 'badge-muted', green: 'badge-ok', amber: 'badge-warning', red: 'badge-danger' } as const;
const STATUS_TONE: Record<string, string> = { draft: 'badge-muted', submitted: 'badge-warning', returned: 'badge-danger', circulated: 'badge-ok', withdrawn: 'badge-muted' };

/** The handling code, coloured as its TLP level, its meaning in the tooltip and for screen readers. */
export function HandlingBadge({ handling }: { handling: HandlingCode }) {
  const { t } = useTranslation();
  const meaning = t(`alerts.handlingMeaning.${handling}`);
  return (
    <span className={`badge ${TLP_TONE[TLP_OF[handling]]}`} title={meaning} data-handling={handling} data-testid="handling-badge">
      {handling}
      <span className="visually-hidden"> — {meaning}</span>
    </span>
  );
}

/** The 4×4 grading ("B2"), its meaning in the tooltip. */
export function GradingBadge({ sourceReliability, infoCredibility }: { sourceReliability: string; infoCredibility: number }) {
  const { t } = useTranslation();
  const meaning = `${t(`alerts.reliability.${sourceReliability}`)} / ${t(`alerts.credibility.${infoCredibility}`)}`;
  return (
    <span className="badge badge-rilo" title={meaning} data-testid="grading-badge">
      {grading({ sourceReliability, infoCredibility })}
      <span className="visually-hidden"> — {meaning}</span>
    </span>
  );
}

export function AlertStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${STATUS_TONE[status] ?? 'badge-muted'}`} data-status={status}>
      {t(`alerts.statuses.${status}`, { defaultValue: status })}
    </span>
  );
}
