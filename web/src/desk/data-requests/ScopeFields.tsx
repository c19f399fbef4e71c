import { useTranslation } from 'react-i18next';
import { TextField } from '../../app/forms.tsx';
import { EXTRACT_CATEGORIES, EXTRACT_FIELDS, EXTRACT_REGIONS, type DataRequestScope } from './data-requests-api.ts';

/** Several values of a closed list as checkboxes. */
export function Checkboxes({ id, legend, hint, options, label, values, onChange, error }: { id: string; legend: string; hint?: string; options: readonly string[]; label(o: string): string; values: string[]; onChange(v: string[]): void; error?: string }) {
  return (
    <fieldset className={`dr-checkboxes${error ? ' field-invalid' : ''}`} data-testid={id}>
      <legend>{legend}</legend>
      {hint && <p className="muted">{hint}</p>}
      <ul className="dr-checkbox-list">
        {options.map((o) => (
          <li key={o}>
            <label className="checkbox">
              <input type="checkbox" name={id} value={o} checked={values.includes(o)} onChange={(e) => onChange(e.target.checked ? [...values, o] : values.filter((v) => v !== o))} />
              <span>{label(o)}</span>
            </label>
          </li>
        ))}
      </ul>
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}

/**
 * The scope of a request: period, risk areas, regions, fields. `within` (narrowing) offers only what was
 * requested, so the form cannot widen it (the server refuses a wider scope anyway).
 */
export function ScopeFields({ prefix, scope, onChange, aggregated, within, errors }: { prefix: string; scope: DataRequestScope; onChange(s: DataRequestScope): void; aggregated: boolean; within?: DataRequestScope; errors: Record<string, string> }) {
  const { t } = useTranslation();
  const set = <K extends keyof DataRequestScope>(k: K, v: DataRequestScope[K]) => onChange({ ...scope, [k]: v });
  const fields = EXTRACT_FIELDS.filter((f) => (aggregated ? f.dimension : f.record)).map((f) => f.key as string).filter((k) => !within || within.fields.includes(k));
  const categories = within?.riskAreas.length ? within.riskAreas : EXTRACT_CATEGORIES;
  const regions = within?.regions.length ? within.regions : EXTRACT_REGIONS;
  return (
    <>
      <div className="form-grid form-grid-2">
        <TextField id={`${prefix}-from`} type="date" label={t('desk.dataRequests.fields.from')} value={scope.from} onChange={(v) => set('from', v)} error={errors.from} required />
        <TextField id={`${prefix}-to`} type="date" label={t('desk.dataRequests.fields.to')} value={scope.to} onChange={(v) => set('to', v)} error={errors.to} required />
      </div>
      <Checkboxes id={`${prefix}-risk-areas`} legend={t('desk.dataRequests.fields.riskAreas')} hint={t('desk.dataRequests.allIfNone')} options={categories} label={(o) => t(`desk.dataRequests.categories.${o}`)} values={scope.riskAreas} onChange={(v) => set('riskAreas', v)} error={errors.riskAreas} />
      <Checkboxes id={`${prefix}-regions`} legend={t('desk.dataRequests.fields.regions')} hint={t('desk.dataRequests.allIfNone')} options={regions} label={(o) => t(`alerts.regions.${o}`)} values={scope.regions} onChange={(v) => set('regions', v)} error={errors.regions} />
      <Checkboxes
        id={`${prefix}-fields`}
        legend={t('desk.dataRequests.fields.fields')}
        hint={t(aggregated ? 'desk.dataRequests.fieldsHintAggregated' : 'desk.dataRequests.fieldsHintRecords')}
        options={fields}
        label={(o) => t(`desk.dataRequests.extractFields.${o}`)}
        values={scope.fields}
        onChange={(v) => set('fields', v)}
        error={errors.fields}
      />
    </>
  );
}
