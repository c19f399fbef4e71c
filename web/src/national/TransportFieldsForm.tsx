import { useTranslation } from 'react-i18next';
import { TextField } from '../app/forms.tsx';
import { Typeahead } from '../reference/Typeahead.tsx';
import { SelectField } from '../seizures/Select.tsx';
import { TRANSPORT_TYPES, type TransportFields } from './national-api.ts';

interface TransportFieldsFormProps {
  fields: TransportFields;
  onChange(fields: TransportFields): void;
  errors: Record<string, string>;
}

/** A means of transport: the identifiers that fit its type (plate and VIN, IMO, aircraft registration, container number). */
export function TransportFieldsForm({ fields, onChange, errors }: TransportFieldsFormProps) {
  const { t } = useTranslation();
  const set = (patch: Partial<TransportFields>) => onChange({ ...fields, ...patch });
  const text = (key: 'plate' | 'vin' | 'imo' | 'registration' | 'containerNumber' | 'name', maxLength: number) => (
    <TextField id={`transport-${key}`} label={t(`national.fields.${key}`)} value={fields[key] ?? ''} onChange={(v) => set({ [key]: v })} error={errors[key]} maxLength={maxLength} dir={key === 'name' ? 'auto' : 'ltr'} autoComplete="off" />
  );
  return (
    <fieldset>
      <legend>{t('national.form.transport')}</legend>
      <div className="form-grid form-grid-3">
        <SelectField id="transport-type" label={t('national.fields.transportType')} value={fields.type} onChange={(v) => set({ type: v as TransportFields['type'] })} options={TRANSPORT_TYPES} labelPrefix="national.transportTypes" error={errors.type} required />
        {fields.type === 'vehicle' && (
          <>
            {text('plate', 20)}
            <Typeahead id="transport-plateCountry" kind="countries" label={t('national.fields.plateCountry')} value={fields.plateCountry ?? null} onChange={(code) => set({ plateCountry: code ?? undefined })} error={errors.plateCountry} />
            {text('vin', 17)}
          </>
        )}
        {fields.type === 'vessel' && (
          <>
            {text('imo', 10)}
            {text('name', 200)}
          </>
        )}
        {fields.type === 'aircraft' && (
          <>
            {text('registration', 20)}
            {text('name', 200)}
          </>
        )}
        {fields.type === 'container' && text('containerNumber', 11)}
      </div>
      <TextField id="transport-notes" label={t('national.fields.notes')} value={fields.notes ?? ''} onChange={(notes) => set({ notes })} error={errors.notes} multiline maxLength={5000} dir="auto" />
    </fieldset>
  );
}
