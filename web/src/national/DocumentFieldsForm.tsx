import { useTranslation } from 'react-i18next';
import { TextField } from '../app/forms.tsx';
import { Typeahead } from '../reference/Typeahead.tsx';
import { SelectField } from '../seizures/Select.tsx';
import { DOCUMENT_TYPES, type DocumentFields } from './national-api.ts';

interface DocumentFieldsFormProps {
  fields: DocumentFields;
  onChange(fields: DocumentFields): void;
  errors: Record<string, string>;
}

/** A document on its own (found, seized or forged): type, number, issuing country, expiry and the name it bears. */
export function DocumentFieldsForm({ fields, onChange, errors }: DocumentFieldsFormProps) {
  const { t } = useTranslation();
  const set = (patch: Partial<DocumentFields>) => onChange({ ...fields, ...patch });
  return (
    <fieldset>
      <legend>{t('national.form.document')}</legend>
      <div className="form-grid form-grid-3">
        <SelectField id="document-type" label={t('national.fields.documentType')} value={fields.type} onChange={(v) => set({ type: v as DocumentFields['type'] })} options={DOCUMENT_TYPES} labelPrefix="national.documentTypes" error={errors.type} required />
        <TextField id="document-number" label={t('national.fields.documentNumber')} value={fields.number} onChange={(number) => set({ number })} error={errors.number} maxLength={50} dir="ltr" autoComplete="off" required />
        <Typeahead id="document-country" kind="countries" label={t('national.fields.issuingCountry')} value={fields.country ?? null} onChange={(code) => set({ country: code ?? undefined })} error={errors.country} />
        <TextField id="document-expiresOn" type="date" label={t('national.fields.expiresOn')} value={fields.expiresOn ?? ''} onChange={(expiresOn) => set({ expiresOn })} error={errors.expiresOn} />
        <TextField id="document-holderName" label={t('national.fields.holderName')} value={fields.holderName ?? ''} onChange={(holderName) => set({ holderName })} error={errors.holderName} maxLength={300} dir="auto" />
      </div>
      <TextField id="document-notes" label={t('national.fields.notes')} value={fields.notes ?? ''} onChange={(notes) => set({ notes })} error={errors.notes} multiline maxLength={5000} dir="auto" />
    </fieldset>
  );
}
