import { useTranslation } from 'react-i18next';
import { useFormat } from '../app/format.ts';
import { OUTBOX_STATES, type OutboxState } from './national-api.ts';

/** How many changes wait, went, failed or were superseded; a click filters the table on that state. */
export function OutboxCounts({ counts, active, onPick }: { counts: Record<OutboxState, number>; active: OutboxState | ''; onPick(state: OutboxState | ''): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ul className="kpi-grid outbox-counts" data-testid="outbox-counts">
      {OUTBOX_STATES.map((state) => (
        <li key={state} className={`kpi outbox-count-${state}${active === state ? ' outbox-count-active' : ''}`} data-state={state}>
          <button type="button" className="outbox-count-button" onClick={() => onPick(active === state ? '' : state)} aria-pressed={active === state}>
            <span className="kpi-value">{format.number(counts[state] ?? 0)}</span>
            <span className="kpi-label">{t(`national.outbox.states.${state}`)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
