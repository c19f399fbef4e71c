import { useTranslation } from 'react-i18next';
import { TextField } from '../app/forms.tsx';
import { Typeahead } from '../reference/Typeahead.tsx';
import { SelectField } from '../seizures/Select.tsx';
import { AddressesFields } from './AddressesFields.tsx';
import { errorsUnder } from './entity-form-state.ts';
import { LEGAL_FORMS, type CompanyFields } from './national-api.ts';
import { RepeatableTextList } from './RepeatableTextList.tsx';

interface CompanyFieldsFormProps {
  fields: CompanyFields;
  onChange(fields: CompanyFields): void;
  errors: Record<string, string>;
}

/** A company: names and trading names, legal form, registration and VAT/EORI numbers, addresses and contacts. */
export function CompanyFieldsForm({ fields, onChange, errors }: CompanyFieldsFormProps) {
  const { t } = useTranslation();
  const set = (patch: Partial<CompanyFields>) => onChange({ ...fields, ...patch });
  const nameLabel = (i: number) => (i === 0 ? t('national.form.mainName') : t('national.form.tradingNameN', { n: i }));
  return (
    <>
      <RepeatableTextList id="company-names" legend={t('national.fields.names')} values={fields.names} onChange={(names) => set({ names })} itemLabel={nameLabel} addLabel={t('national.form.addTradingName')} errors={errorsUnder(errors, 'names')} min={1} required />
      <fieldset>
        <legend>{t('national.form.registration')}</legend>
        <div className="form-grid form-grid-3">
          <SelectField id="company-legalForm" label={t('national.fields.legalForm')} value={fields.legalForm ?? ''} onChange={(v) => set({ legalForm: (v || undefined) as CompanyFields['legalForm'] })} options={LEGAL_FORMS} labelPrefix="national.legalForms" emptyLabel={t('national.form.notKnown')} error={errors.legalForm} />
          <TextField id="company-registrationNumber" label={t('national.fields.registrationNumber')} value={fields.registrationNumber ?? ''} onChange={(registrationNumber) => set({ registrationNumber })} error={errors.registrationNumber} maxLength={50} dir="ltr" autoComplete="off" />
          <TextField id="company-vatNumber" label={t('national.fields.vatNumber')} value={fields.vatNumber ?? ''} onChange={(vatNumber) => set({ vatNumber })} error={errors.vatNumber} maxLength={50} dir="ltr" autoComplete="off" />
          <Typeahead id="company-country" kind="countries" label={t('national.fields.country')} value={fields.country ?? null} onChange={(code) => set({ country: code ?? undefined })} error={errors.country} />
        </div>
      </fieldset>
      <AddressesFields id="company-addresses" addresses={fields.addresses ?? []} onChange={(addresses) => set({ addresses })} errors={errorsUnder(errors, 'addresses')} />
      <RepeatableTextList id="company-phones" legend={t('national.fields.phones')} values={fields.phones ?? []} onChange={(phones) => set({ phones })} itemLabel={(i) => t('national.form.phoneN', { n: i + 1 })} addLabel={t('national.form.addPhone')} errors={errorsUnder(errors, 'phones')} type="tel" />
      <RepeatableTextList id="company-emails" legend={t('national.fields.emails')} values={fields.emails ?? []} onChange={(emails) => set({ emails })} itemLabel={(i) => t('national.form.emailN', { n: i + 1 })} addLabel={t('national.form.addEmail')} errors={errorsUnder(errors, 'emails')} type="email" />
      <TextField id="company-notes" label={t('national.fields.notes')} value={fields.notes ?? ''} onChange={(notes) => set({ notes })} error={errors.notes} multiline maxLength={5000} dir="auto" />
    </>
  );
}
