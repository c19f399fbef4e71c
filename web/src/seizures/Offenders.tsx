import { useTranslation } from 'react-i18next';
import { TextField } from '../app/forms.tsx';
import { Typeahead } from '../reference/Typeahead.tsx';
import { RepeatControls } from './RepeatControls.tsx';
import { SelectField } from './Select.tsx';
import { emptyOffender, move, type OffenderState } from './form-state.ts';
import { AGE_BANDS, GENDERS } from './seizures-api.ts';

interface Props {
  offenders: OffenderState[];
  onChange(offenders: OffenderState[]): void;
  errors: Record<string, string>;
}

/** Offender statistics: counts by nationality, gender and age band; never names. */
export function Offenders({ offenders, onChange, errors }: Props) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<OffenderState>) => onChange(offenders.map((o, j) => (j === i ? { ...o, ...patch } : o)));
  return (
    <fieldset>
      <legend>{t('seizures.form.offenders')}</legend>
      <p className="field-hint">{t('seizures.form.offendersHint')}</p>
      <ol className="repeat-list" data-testid="offender-counts">
        {offenders.map((o, i) => {
          const id = (f: string) => `seizure-offenders-${i}-${f}`;
          const err = (f: string) => errors[`offenders.${i}.${f}`];
          const itemLabel = t('seizures.form.offenderN', { n: i + 1 });
          return (
            <li key={o.key} className="repeat-item" aria-label={itemLabel}>
              <div className="repeat-item-header">
                <h3>{itemLabel}</h3>
                <RepeatControls itemLabel={itemLabel} index={i} count={offenders.length} onMove={(d) => onChange(move(offenders, i, d))} onRemove={() => onChange(offenders.filter((_, j) => j !== i))} />
              </div>
              <div className="form-grid form-grid-3">
                <Typeahead id={id('nationality')} kind="countries" label={t('seizures.fields.nationality')} value={o.nationality} onChange={(code) => set(i, { nationality: code })} error={err('nationality')} />
                <SelectField id={id('gender')} label={t('seizures.fields.gender')} value={o.gender} onChange={(v) => set(i, { gender: v })} options={GENDERS} labelPrefix="seizures.genders" error={err('gender')} required />
                <SelectField id={id('ageBand')} label={t('seizures.fields.ageBand')} value={o.ageBand} onChange={(v) => set(i, { ageBand: v })} options={AGE_BANDS} labelPrefix="seizures.ageBands" error={err('ageBand')} required />
                <TextField id={id('count')} label={t('seizures.fields.count')} value={o.count} onChange={(v) => set(i, { count: v })} error={err('count')} required inputMode="numeric" autoComplete="off" />
              </div>
            </li>
          );
        })}
      </ol>
      <div className="button-row">
        <button type="button" className="button button-small" onClick={() => onChange([...offenders, emptyOffender()])} disabled={offenders.length >= 100}>
          {t('seizures.form.addOffender')}
        </button>
      </div>
    </fieldset>
  );
}
