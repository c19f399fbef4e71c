import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, TextField, useFormErrors } from '../app/forms.tsx';
import { Modal } from '../app/Modal.tsx';
import { useWrite } from '../app/mutation.ts';

interface ReasonDialogProps {
  title: string;
  /** What the action does, said before it is confirmed. */
  message: string;
  confirmLabel: string;
  danger?: boolean;
  onConfirm(reason: string): Promise<unknown>;
  onClose(): void;
}

/** An action that must give its reason (keep past review, delete, undo a merge): the reason, then the confirmation. */
export function ReasonDialog({ title, message, confirmLabel, danger, onConfirm, onClose }: ReasonDialogProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const { errors, capture, clear, setErrors } = useFormErrors();
  const write = useWrite(capture);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    if (!reason.trim()) {
      setErrors({ detail: null, fields: { reason: t('national.reason.required') } });
      document.getElementById('reason-text')?.focus();
      return;
    }
    await write.run(() => onConfirm(reason.trim()));
  };

  return (
    <Modal title={title} onClose={onClose}>
      <form className="stack" onSubmit={submit} noValidate data-testid="reason-dialog">
        <p>{message}</p>
        <ErrorSummary errors={errors} knownFields={['reason']} />
        <TextField id="reason-text" label={t('national.reason.label')} value={reason} onChange={setReason} error={errors.fields.reason} multiline maxLength={1000} dir="auto" required />
        <div className="button-row button-row-end">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className={`button ${danger ? 'button-danger' : 'button-primary'}`} disabled={write.pending}>
            {write.pending ? t('common.working') : confirmLabel}
          </button>
        </div>
      </form>
    </Modal>
  );
}
