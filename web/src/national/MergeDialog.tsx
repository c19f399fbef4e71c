import { useState, type FormEvent } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, TextField, useFormErrors } from '../app/forms.tsx';
import { Modal } from '../app/Modal.tsx';
import { useWrite } from '../app/mutation.ts';
import { useToasts } from '../app/toasts.tsx';
import { useEntityAnswer } from './entity-cache.ts';
import { EntityPicker } from './EntityPicker.tsx';
import { nationalApi, type EntitySummary, type EntityView } from './national-api.ts';

/** Merges another record of the same kind into this one (the same person recorded twice), with the reason. */
export function MergeDialog({ entity, onClose }: { entity: EntityView; onClose(): void }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const navigate = useNavigate();
  const answered = useEntityAnswer();
  const [other, setOther] = useState<EntitySummary | null>(null);
  const [reason, setReason] = useState('');
  const { errors, capture, clear, setErrors } = useFormErrors();
  const write = useWrite(capture);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    const missing: Record<string, string> = {};
    if (!other) missing.otherId = t('national.merge.pickOther');
    if (!reason.trim()) missing.reason = t('national.reason.required');
    if (Object.keys(missing).length) {
      setErrors({ detail: null, fields: missing });
      return;
    }
    await write.run(async () => {
      const survivor = await nationalApi.merge(entity.id, other!.id, reason.trim());
      await answered(survivor);
      toasts.show({ tone: 'success', title: t('national.merge.done', { merged: other!.label, survivor: survivor.label }) });
      onClose();
      if (survivor.id !== entity.id) await navigate({ to: '/national/entities/$id', params: { id: survivor.id } });
    });
  };

  return (
    <Modal title={t('national.merge.title', { label: entity.label })} onClose={onClose} wide>
      <form className="stack" onSubmit={submit} noValidate data-testid="merge-dialog">
        <p>{t('national.merge.intro')}</p>
        <ErrorSummary errors={errors} knownFields={['otherId', 'reason']} />
        <EntityPicker id="merge-other" value={other} onChange={setOther} kind={entity.kind} exclude={[entity.id]} error={errors.fields.otherId} />
        <TextField id="merge-reason" label={t('national.reason.label')} value={reason} onChange={setReason} error={errors.fields.reason} multiline maxLength={1000} dir="auto" required />
        <div className="button-row button-row-end">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={write.pending}>
            {write.pending ? t('common.working') : t('national.merge.confirm')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
