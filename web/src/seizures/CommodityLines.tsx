import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Field, TextField, describedBy } from '../app/forms.tsx';
import { Typeahead } from '../reference/Typeahead.tsx';
import { fetchReferenceItem, referenceItemKey } from './labels.ts';
import { RepeatControls } from './RepeatControls.tsx';
import { emptyLine, move, type LineState } from './form-state.ts';
import { MAX_LINES, UNITS } from './seizures-api.ts';

interface Props {
  lines: LineState[];
  onChange(lines: LineState[]): void;
  errors: Record<string, string>;
}

/** The commodity lines: what was seized, how much, in a unit that fits the commodity. */
export function CommodityLines({ lines, onChange, errors }: Props) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<LineState>) => onChange(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  return (
    <fieldset>
      <legend>{t('seizures.form.commodities')}</legend>
      {errors.commodities && (
        <p className="field-error" data-field-error="seizure-commodities">
          {errors.commodities}
        </p>
      )}
      <ol className="repeat-list" data-testid="commodity-lines">
        {lines.map((line, i) => (
          <CommodityLine
            key={line.key}
            line={line}
            index={i}
            count={lines.length}
            errors={errors}
            onPatch={(patch) => set(i, patch)}
            onMove={(d) => onChange(move(lines, i, d))}
            onRemove={() => onChange(lines.filter((_, j) => j !== i))}
          />
        ))}
      </ol>
      <div className="button-row">
        <button type="button" className="button button-small" onClick={() => onChange([...lines, emptyLine()])} disabled={lines.length >= MAX_LINES}>
          {t('seizures.form.addLine')}
        </button>
      </div>
    </fieldset>
  );
}

interface LineProps {
  line: LineState;
  index: number;
  count: number;
  errors: Record<string, string>;
  onPatch(patch: Partial<LineState>): void;
  onMove(delta: number): void;
  onRemove(): void;
}

function CommodityLine({ line, index, count, errors, onPatch, onMove, onRemove }: LineProps) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const id = (f: string) => `seizure-commodities-${index}-${f}`;
  const err = (f: string) => errors[`commodities.${index}.${f}`];
  const item = useQuery({
    queryKey: referenceItemKey('commodities', line.commodity ?? '', i18n.language),
    queryFn: () => fetchReferenceItem('commodities', line.commodity ?? '', i18n.language),
    enabled: !!line.commodity,
    staleTime: 60 * 60_000,
  });
  const allowed = (item.data?.units as string[] | undefined) ?? (line.commodity ? null : []);
  const units = allowed ?? [...UNITS];
  const itemLabel = t('seizures.form.lineN', { n: index + 1 });
  const citesRelevant = (line.commodity ?? '').startsWith('ENVIRONMENT') || !!line.citesSpecies;

  return (
    <li className="repeat-item" aria-label={itemLabel}>
      <div className="repeat-item-header">
        <h3>{itemLabel}</h3>
        <RepeatControls itemLabel={itemLabel} index={index} count={count} onMove={onMove} onRemove={onRemove} min={1} />
      </div>
      <div className="form-grid form-grid-3">
        <Typeahead
          id={id('commodity')}
          kind="commodities"
          label={t('seizures.fields.commodity')}
          hint={t('seizures.form.commodityHint')}
          value={line.commodity}
          required
          error={err('category') ?? err('subcategory')}
          onChange={(code, chosen) => {
            if (!code || !chosen) {
              onPatch({ commodity: null });
              return;
            }
            queryClient.setQueryData(referenceItemKey('commodities', code, i18n.language), chosen);
            const fits = (chosen.units as string[] | undefined) ?? [];
            onPatch({
              commodity: code,
              unit: fits.includes(line.unit) ? line.unit : (fits[0] ?? ''),
              hsCode: line.hsCode ?? ((chosen.hsCode as string | null | undefined) || null),
            });
          }}
        />
        <TextField id={id('quantity')} label={t('seizures.fields.quantity')} value={line.quantity} onChange={(v) => onPatch({ quantity: v })} error={err('quantity')} required inputMode="text" autoComplete="off" />
        <Field id={id('unit')} label={t('seizures.fields.unit')} error={err('unit')} required hint={allowed && line.commodity ? t('seizures.form.unitsFit') : undefined}>
          <select id={id('unit')} value={line.unit} onChange={(e) => onPatch({ unit: e.target.value })} aria-required {...describedBy(id('unit'), err('unit'), allowed && line.commodity ? t('seizures.form.unitsFit') : undefined)}>
            {!units.includes(line.unit) && <option value={line.unit}>{line.unit ? t(`seizures.units.${line.unit}`, { defaultValue: line.unit }) : t('common.choose')}</option>}
            {units.map((u) => (
              <option key={u} value={u}>
                {t(`seizures.units.${u}`, { defaultValue: u })}
              </option>
            ))}
          </select>
        </Field>
        <Typeahead id={id('hsCode')} kind="hs-codes" label={t('seizures.fields.hsCode')} value={line.hsCode} onChange={(code) => onPatch({ hsCode: code })} error={err('hsCode')} />
        <TextField id={id('value')} label={t('seizures.fields.value')} value={line.value} onChange={(v) => onPatch({ value: v })} error={err('value')} autoComplete="off" />
        <Typeahead id={id('currency')} kind="currencies" label={t('seizures.fields.currency')} value={line.currency} onChange={(code) => onPatch({ currency: code })} error={err('currency')} />
        <TextField id={id('description')} label={t('seizures.fields.description')} value={line.description} onChange={(v) => onPatch({ description: v })} error={err('description')} maxLength={500} dir="auto" className="span-2" />
        {citesRelevant && <TextField id={id('citesSpecies')} label={t('seizures.fields.citesSpecies')} value={line.citesSpecies} onChange={(v) => onPatch({ citesSpecies: v })} error={err('citesSpecies')} maxLength={200} />}
      </div>
    </li>
  );
}
