import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../app/Modal.tsx';
import { ErrorSummary, FormActions, TextField, useFormErrors } from '../app/forms.tsx';
import { useWrite } from '../app/mutation.ts';

/** Asks for a new folder's name (mailbox or library) and creates it; the server's errors show on the field. */
export function NewFolderDialog({ id, maxLength, create, onClose }: { id: string; maxLength: number; create(name: string): Promise<void>; onClose(): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const { errors, capture, clear } = useFormErrors();
  const write = useWrite(capture);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    await write.run(async () => {
      await create(name.trim());
      onClose();
    });
  };
  return (
    <Modal title={t('comm.mailbox.newFolder')} onClose={onClose}>
      <form onSubmit={submit} noValidate className="stack">
        <ErrorSummary errors={errors} knownFields={['name']} />
        <TextField id={id} label={t('comm.mailbox.folderName')} value={name} onChange={setName} error={errors.fields.name} required maxLength={maxLength} autoFocus />
        <FormActions submitLabel={t('common.create')} onCancel={onClose} busy={write.pending} />
      </form>
    </Modal>
  );
}
