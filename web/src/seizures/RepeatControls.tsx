import { useTranslation } from 'react-i18next';

interface RepeatControlsProps {
  /** "Line 2", "Leg 1": names the item in the buttons' accessible names. */
  itemLabel: string;
  index: number;
  count: number;
  onMove(delta: number): void;
  onRemove(): void;
  /** Keeps at least this many items. */
  min?: number;
}

/** Move up, move down and remove for one item of a repeating list; plain buttons, so the keyboard reaches them. */
export function RepeatControls({ itemLabel, index, count, onMove, onRemove, min = 0 }: RepeatControlsProps) {
  const { t } = useTranslation();
  return (
    <div className="button-row">
      <button type="button" className="button button-small" onClick={() => onMove(-1)} disabled={index === 0} aria-label={t('seizures.form.moveUp', { item: itemLabel })}>
        <span aria-hidden="true">↑</span>
      </button>
      <button type="button" className="button button-small" onClick={() => onMove(1)} disabled={index === count - 1} aria-label={t('seizures.form.moveDown', { item: itemLabel })}>
        <span aria-hidden="true">↓</span>
      </button>
      <button type="button" className="button button-small button-danger-outline" onClick={onRemove} disabled={count <= min} aria-label={t('seizures.form.remove', { item: itemLabel })}>
        {t('seizures.form.removeShort')}
      </button>
    </div>
  );
}
