import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, FormActions, useFormErrors } from '../app/forms.tsx';
import { Modal } from '../app/Modal.tsx';
import { FieldInput } from './FieldInput.tsx';
import { byFormField, fromRecord, toApiValues, type FormValues } from './form-values.ts';
import { RECORD_FIELDS } from './list-fields.ts';
import type { ListName, WatchRecord } from './screening-api.ts';
import { localiseScreeningFields, useScreeningErrorMessage } from './screening-messages.ts';

interface RecordFormProps {
  list: ListName;
  record: WatchRecord | null;
  onSave(input: Record<string, unknown>): Promise<void>;
  onClose(): void;
}

/** Records a new item in a list, or changes one of the organisation's own. */
export function RecordForm({ list, record, onSave, onClose }: RecordFormProps) {
  const { t } = useTranslation();
  const defs = RECORD_FIELDS[list];
  const [values, setValues] = useState<FormValues>(() => (record ? fromRecord(defs, record) : {}));
  const [busy, setBusy] = useState(false);
  const { errors, capture, clear, setErrors } = useFormErrors();
  const screeningMessage = useScreeningErrorMessage();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    setBusy(true);
    try {
      await onSave(toApiValues(defs, values));
    } catch (error) {
      capture(error, screeningMessage(error) ?? undefined);
      setErrors((e) => ({ ...e, fields: localiseScreeningFields(byFormField(e.fields), t) }));
      setBusy(false);
    }
  };

  const title = record ? t('screening.records.editTitle', { list: t(`screening.lists.${list}`) }) : t('screening.records.createTitle', { list: t(`screening.lists.${list}`) });
  return (
    <Modal title={title} onClose={onClose} wide>
      <form onSubmit={submit} noValidate className="stack">
        <ErrorSummary errors={errors} knownFields={defs.map((d) => d.name)} />
        <div className="form-grid">
          {defs.map((def) => (
            <FieldInput key={def.name} idPrefix="record" def={def} list={list} value={values[def.name] ?? ''} onChange={(v) => setValues((f) => ({ ...f, [def.name]: v }))} error={errors.fields[def.name]} />
          ))}
        </div>
        <FormActions submitLabel={record ? t('common.save') : t('screening.records.record')} onCancel={onClose} busy={busy} />
      </form>
    </Modal>
  );
}
