import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, TextField, useFormErrors } from '../app/forms.tsx';
import { Modal } from '../app/Modal.tsx';
import { useWrite } from '../app/mutation.ts';
import { SelectField } from '../seizures/Select.tsx';
import { CASE_STATUSES, type CaseInput, type CaseStatus, type CaseView } from './national-api.ts';

const FIELDS = ['offenceType', 'legalBasis', 'status', 'summary'];

interface CaseFormDialogProps {
  /** The case being changed, or null for a new one. */
  initial: CaseView | null;
  onSave(input: CaseInput): Promise<unknown>;
  onClose(): void;
}

/** The fields of a case: offence type, legal basis, status and summary. */
export function CaseFormDialog({ initial, onSave, onClose }: CaseFormDialogProps) {
  const { t } = useTranslation();
  const [input, setInput] = useState<CaseInput>({
    offenceType: initial?.offenceType ?? '',
    legalBasis: initial?.legalBasis ?? '',
    status: initial?.status ?? 'open',
    summary: initial?.summary ?? '',
  });
  const { errors, capture, clear, setErrors } = useFormErrors();
  const write = useWrite(capture);
  const set = (patch: Partial<CaseInput>) => setInput((old) => ({ ...old, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    const missing: Record<string, string> = {};
    if (!input.offenceType.trim()) missing.offenceType = t('errors.field.required');
    if (!input.legalBasis.trim()) missing.legalBasis = t('errors.field.required');
    if (Object.keys(missing).length) {
      setErrors({ detail: t('errors.checkFields'), fields: missing });
      return;
    }
    await write.run(() => onSave({ ...input, offenceType: input.offenceType.trim(), legalBasis: input.legalBasis.trim(), summary: input.summary?.trim() || null }));
  };

  return (
    <Modal title={initial ? t('national.cases.editTitle', { reference: initial.reference }) : t('national.cases.newTitle')} onClose={onClose} wide>
      <form className="stack" onSubmit={submit} noValidate data-testid="case-form">
        <ErrorSummary errors={errors} knownFields={FIELDS} />
        <div className="form-grid">
          <TextField id="case-offenceType" label={t('national.cases.offenceType')} hint={t('national.cases.offenceTypeHint')} value={input.offenceType} onChange={(offenceType) => set({ offenceType })} error={errors.fields.offenceType} maxLength={200} dir="auto" required />
          <TextField id="case-legalBasis" label={t('national.cases.legalBasis')} hint={t('national.cases.legalBasisHint')} value={input.legalBasis} onChange={(legalBasis) => set({ legalBasis })} error={errors.fields.legalBasis} maxLength={300} dir="auto" required />
          <SelectField id="case-status" label={t('national.cases.status')} value={input.status} onChange={(v) => set({ status: v as CaseStatus })} options={CASE_STATUSES} labelPrefix="national.caseStatuses" error={errors.fields.status} required />
        </div>
        <TextField id="case-summary" label={t('national.cases.summary')} value={input.summary ?? ''} onChange={(summary) => set({ summary })} error={errors.fields.summary} multiline maxLength={8000} dir="auto" />
        <div className="button-row button-row-end">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={write.pending}>
            {write.pending ? t('common.working') : initial ? t('common.save') : t('national.cases.create')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
