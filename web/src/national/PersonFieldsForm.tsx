import { useTranslation } from 'react-i18next';
import { TextField } from '../app/forms.tsx';
import { CodeListField } from '../seizures/CodeListField.tsx';
import { useCountryName } from '../seizures/labels.ts';
import { SelectField } from '../seizures/Select.tsx';
import { AddressesFields } from './AddressesFields.tsx';
import { DocumentsFields } from './DocumentsFields.tsx';
import { errorsUnder } from './entity-form-state.ts';
import { PERSON_GENDERS, type PersonFields } from './national-api.ts';
import { RepeatableTextList } from './RepeatableTextList.tsx';

interface PersonFieldsFormProps {
  fields: PersonFields;
  onChange(fields: PersonFields): void;
  errors: Record<string, string>;
}

/** A person: names and aliases in any script, birth, nationalities, documents, addresses and contacts. */
export function PersonFieldsForm({ fields, onChange, errors }: PersonFieldsFormProps) {
  const { t } = useTranslation();
  const country = useCountryName();
  const set = (patch: Partial<PersonFields>) => onChange({ ...fields, ...patch });
  const nameLabel = (i: number) => (i === 0 ? t('national.form.mainName') : t('national.form.aliasN', { n: i }));
  return (
    <>
      <RepeatableTextList id="person-names" legend={t('national.fields.names')} values={fields.names} onChange={(names) => set({ names })} itemLabel={nameLabel} addLabel={t('national.form.addAlias')} errors={errorsUnder(errors, 'names')} min={1} required />
      <fieldset>
        <legend>{t('national.form.identity')}</legend>
        <div className="form-grid form-grid-3">
          <TextField id="person-birthDate" type="date" label={t('national.fields.birthDate')} value={fields.birthDate ?? ''} onChange={(birthDate) => set({ birthDate })} error={errors.birthDate} />
          <TextField
            id="person-birthYear"
            label={t('national.fields.birthYear')}
            hint={t('national.form.birthYearHint')}
            value={fields.birthYear === undefined ? '' : String(fields.birthYear)}
            onChange={(v) => {
              const digits = v.replace(/\D/g, '');
              set({ birthYear: digits ? Number(digits) : undefined });
            }}
            error={errors.birthYear}
            inputMode="numeric"
            maxLength={4}
          />
          <TextField id="person-birthPlace" label={t('national.fields.birthPlace')} value={fields.birthPlace ?? ''} onChange={(birthPlace) => set({ birthPlace })} error={errors.birthPlace} maxLength={200} dir="auto" />
          <SelectField id="person-gender" label={t('national.fields.gender')} value={fields.gender ?? ''} onChange={(v) => set({ gender: (v || undefined) as PersonFields['gender'] })} options={PERSON_GENDERS} labelPrefix="national.genders" emptyLabel={t('national.form.notKnown')} error={errors.gender} />
          <CodeListField id="person-nationalities" kind="countries" label={t('national.fields.nationalities')} values={fields.nationalities ?? []} onChange={(nationalities) => set({ nationalities })} error={errors.nationalities} labelOf={country} />
        </div>
      </fieldset>
      <DocumentsFields id="person-documents" documents={fields.documents ?? []} onChange={(documents) => set({ documents })} errors={errorsUnder(errors, 'documents')} />
      <AddressesFields id="person-addresses" addresses={fields.addresses ?? []} onChange={(addresses) => set({ addresses })} errors={errorsUnder(errors, 'addresses')} />
      <RepeatableTextList id="person-phones" legend={t('national.fields.phones')} values={fields.phones ?? []} onChange={(phones) => set({ phones })} itemLabel={(i) => t('national.form.phoneN', { n: i + 1 })} addLabel={t('national.form.addPhone')} errors={errorsUnder(errors, 'phones')} type="tel" />
      <RepeatableTextList id="person-emails" legend={t('national.fields.emails')} values={fields.emails ?? []} onChange={(emails) => set({ emails })} itemLabel={(i) => t('national.form.emailN', { n: i + 1 })} addLabel={t('national.form.addEmail')} errors={errorsUnder(errors, 'emails')} type="email" />
      <TextField id="person-notes" label={t('national.fields.notes')} value={fields.notes ?? ''} onChange={(notes) => set({ notes })} error={errors.notes} multiline maxLength={5000} dir="auto" />
    </>
  );
}
