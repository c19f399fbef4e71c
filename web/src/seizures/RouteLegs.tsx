import { useTranslation } from 'react-i18next';
import { TextField } from '../app/forms.tsx';
import { Typeahead } from '../reference/Typeahead.tsx';
import { RepeatControls } from './RepeatControls.tsx';
import { SelectField } from './Select.tsx';
import { emptyLeg, move, type LegState } from './form-state.ts';
import { LEG_ROLES, MAX_LEGS, type LegRole } from './seizures-api.ts';

interface Props {
  legs: LegState[];
  onChange(legs: LegState[]): void;
  errors: Record<string, string>;
}

/** The role a new leg most likely has: departure first, destination last, transit between. */
function nextRole(legs: LegState[]): LegRole {
  if (legs.length === 0) return 'departure';
  if (!legs.some((l) => l.role === 'destination')) return 'destination';
  return 'transit';
}

/** The route as ordered legs: departure, transits, destination. */
export function RouteLegs({ legs, onChange, errors }: Props) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<LegState>) => onChange(legs.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const add = () => {
    const role = nextRole(legs);
    const destination = legs.findIndex((l) => l.role === 'destination');
    // A transit goes before the destination.
    if (role === 'transit' && destination >= 0) onChange([...legs.slice(0, destination), emptyLeg(role), ...legs.slice(destination)]);
    else onChange([...legs, emptyLeg(role)]);
  };
  return (
    <fieldset>
      <legend>{t('seizures.form.route')}</legend>
      <p className="field-hint">{t('seizures.form.routeHint')}</p>
      {errors.route && (
        <p className="field-error" data-field-error="seizure-route">
          {errors.route}
        </p>
      )}
      <ol className="repeat-list" data-testid="route-legs">
        {legs.map((leg, i) => {
          const id = (f: string) => `seizure-route-${i}-${f}`;
          const err = (f: string) => errors[`route.${i}.${f}`];
          const itemLabel = t('seizures.form.legN', { n: i + 1 });
          return (
            <li key={leg.key} className="repeat-item" aria-label={itemLabel}>
              <div className="repeat-item-header">
                <h3>{itemLabel}</h3>
                <RepeatControls itemLabel={itemLabel} index={i} count={legs.length} onMove={(d) => onChange(move(legs, i, d))} onRemove={() => onChange(legs.filter((_, j) => j !== i))} />
              </div>
              <div className="form-grid form-grid-3">
                <SelectField id={id('role')} label={t('seizures.fields.legRole')} value={leg.role} onChange={(v) => set(i, { role: v as LegRole })} options={LEG_ROLES} labelPrefix="seizures.legRoles" error={err('role')} required />
                <Typeahead id={id('country')} kind="countries" label={t('seizures.fields.country')} value={leg.country} onChange={(code) => set(i, { country: code })} error={err('country')} required />
                <Typeahead id={id('placeLocode')} kind="locodes" label={t('seizures.fields.placeLocode')} value={leg.placeLocode} onChange={(code) => set(i, { placeLocode: code })} error={err('placeLocode')} />
                <Typeahead id={id('placeIata')} kind="airports" label={t('seizures.fields.placeIata')} value={leg.placeIata} onChange={(code) => set(i, { placeIata: code })} error={err('placeIata')} />
                <TextField id={id('placeText')} label={t('seizures.fields.placeText')} value={leg.placeText} onChange={(v) => set(i, { placeText: v })} error={err('placeText')} maxLength={200} dir="auto" />
                <TextField id={id('date')} type="date" label={t('seizures.fields.legDate')} value={leg.date} onChange={(v) => set(i, { date: v })} error={err('date')} />
              </div>
            </li>
          );
        })}
      </ol>
      <div className="button-row">
        <button type="button" className="button button-small" onClick={add} disabled={legs.length >= MAX_LEGS}>
          {t('seizures.form.addLeg')}
        </button>
      </div>
    </fieldset>
  );
}
