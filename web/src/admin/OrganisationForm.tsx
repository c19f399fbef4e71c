import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, FormActions, TextField, useFormErrors } from '../app/forms.tsx';
import { Modal } from '../app/Modal.tsx';
import { Typeahead } from '../reference/Typeahead.tsx';
import { ORG_KINDS, type Org, type OrgInput, type OrgKind } from './admin-api.ts';
import { useWrite } from '../app/mutation.ts';

interface OrganisationFormProps {
  org: Org | null;
  onSave(input: OrgInput): Promise<void>;
  onClose(): void;
}

const FIELDS = ['name', 'shortName', 'kind', 'country', 'region'];

export function OrganisationForm({ org, onSave, onClose }: OrganisationFormProps) {
  const { t } = useTranslation();
  const [form, setForm] = useState<OrgInput>({
    name: org?.name ?? '',
    shortName: org?.shortName ?? '',
    kind: org?.kind ?? 'customs',
    country: org?.country ?? null,
    region: org?.region ?? null,
  });
  const { errors, capture, clear } = useFormErrors();
  const write = useWrite(capture);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    await write.run(async () => {
      await onSave({ ...form, name: form.name.trim(), shortName: form.shortName.trim() });
    });
  };

  return (
    <Modal title={org ? t('orgs.editTitle', { name: org.name }) : t('orgs.createTitle')} onClose={onClose}>
      <form onSubmit={submit} noValidate className="stack">
        <ErrorSummary errors={errors} knownFields={FIELDS} />
        <TextField id="org-name" label={t('orgs.name')} value={form.name} onChange={(name) => setForm({ ...form, name })} error={errors.fields.name} required autoFocus />
        <TextField id="org-shortName" label={t('orgs.shortName')} value={form.shortName} onChange={(shortName) => setForm({ ...form, shortName })} error={errors.fields.shortName} required />
        <div className={`field${errors.fields.kind ? ' field-invalid' : ''}`}>
          <label htmlFor="org-kind">{t('orgs.kind')}</label>
          <select id="org-kind" value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as OrgKind })}>
            {ORG_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`orgKinds.${kind}`)}
              </option>
            ))}
          </select>
          {errors.fields.kind && <p className="field-error">{errors.fields.kind}</p>}
        </div>
        <Typeahead id="org-country" kind="countries" label={t('orgs.country')} value={form.country} onChange={(country) => setForm((f) => ({ ...f, country }))} error={errors.fields.country} />
        <Typeahead id="org-region" kind="regions" label={t('orgs.region')} value={form.region} onChange={(region) => setForm((f) => ({ ...f, region }))} error={errors.fields.region} />
        <FormActions submitLabel={org ? t('common.save') : t('common.create')} onCancel={onClose} busy={write.pending} />
      </form>
    </Modal>
  );
}
