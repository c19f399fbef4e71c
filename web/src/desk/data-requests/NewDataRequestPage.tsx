import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, FormActions, TextField, useFormErrors } from '../../app/forms.tsx';
import { useWrite } from '../../app/mutation.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useMe } from '../../app/session.tsx';
import { SelectField } from '../../seizures/Select.tsx';
import { DeskNav } from '../DeskNav.tsx';
import { ScopeFields } from './ScopeFields.tsx';
import { EXTRACT_FORMATS, dataRequestKeys, dataRequestsApi, type NewDataRequest } from './data-requests-api.ts';

const lastYear = new Date().getUTCFullYear() - 1;

/** The form of a new request for WCO data: purpose, scope, format. A partner organisation asks for aggregates. */
export function NewDataRequestPage() {
  const { t } = useTranslation();
  const me = useMe();
  const aggregated = me.roles.includes('partner');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { errors, capture, clear } = useFormErrors();
  const { pending, run } = useWrite(capture);
  const [form, setForm] = useState<NewDataRequest>({ purpose: '', from: `${lastYear - 2}-01-01`, to: `${lastYear}-12-31`, riskAreas: [], regions: [], fields: ['country', 'year', 'category'], format: 'csv' });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    clear();
    void run(async () => {
      const created = await dataRequestsApi.create(form);
      await queryClient.invalidateQueries({ queryKey: dataRequestKeys.all });
      await navigate({ to: '/desk/data-requests/$id', params: { id: created.id } });
    });
  };

  return (
    <>
      <PageHeader title={t('desk.dataRequests.new')} intro={t(aggregated ? 'desk.dataRequests.newIntroAggregated' : 'desk.dataRequests.newIntroRecords')} />
      <DeskNav />
      <section className="panel">
        <form onSubmit={submit} noValidate className="stack" aria-label={t('desk.dataRequests.new')}>
          <ErrorSummary errors={errors} knownFields={['purpose', 'from', 'to', 'riskAreas', 'regions', 'fields', 'format']} />
          <TextField id="dr-purpose" multiline label={t('desk.dataRequests.fields.purpose')} hint={t('desk.dataRequests.purposeHint')} value={form.purpose} onChange={(v) => setForm({ ...form, purpose: v })} error={errors.fields.purpose} maxLength={4000} required dir="auto" />
          <ScopeFields prefix="dr" scope={form} onChange={(s) => setForm({ ...form, ...s })} aggregated={aggregated} errors={errors.fields} />
          <SelectField id="dr-format" label={t('desk.dataRequests.fields.format')} value={form.format} onChange={(v) => setForm({ ...form, format: v as NewDataRequest['format'] })} options={EXTRACT_FORMATS} labelPrefix="desk.dataRequests.formats" error={errors.fields.format} />
          <FormActions submitLabel={t('desk.dataRequests.submit')} onCancel={() => void navigate({ to: '/desk/data-requests' })} busy={pending} />
        </form>
      </section>
    </>
  );
}
