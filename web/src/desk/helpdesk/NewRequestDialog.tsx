import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, FormActions, TextField, useFormErrors } from '../../app/forms.tsx';
import { Modal } from '../../app/Modal.tsx';
import { useWrite } from '../../app/mutation.ts';
import { useToasts } from '../../app/toasts.tsx';
import { SelectField } from '../../seizures/Select.tsx';
import { LISTS } from '../../../../server/screening/search-view.ts';
import { FIRST_RESPONSE_HOURS, PRIORITIES, REQUEST_TYPES, helpdeskApi, resolutionHours, type NewRequest, type Priority, type RequestType } from './helpdesk-api.ts';
import { useDuration } from './ClockBadge.tsx';

const FIELDS = ['type', 'priority', 'subject', 'body', 'search', 'search.identifier', 'search.list'];

/** A member asks the I2C: the type says what for, the priority how fast (the targets are shown before sending). */
export function NewRequestDialog({ onClose, onCreated }: { onClose(): void; onCreated(id: string): void }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const duration = useDuration();
  const [type, setType] = useState<RequestType>('contact');
  const [priority, setPriority] = useState<Priority>('normal');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [identifier, setIdentifier] = useState('');
  const [list, setList] = useState('');
  const { errors, capture, clear } = useFormErrors();
  const write = useWrite(capture);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    const input: NewRequest = { type, priority, subject, body, search: type === 'watch_list_search' ? { identifier, list: list || null } : null };
    await write.run(async () => {
      const created = await helpdeskApi.create(input);
      toasts.show({ tone: 'success', title: t('desk.helpdesk.created', { reference: created.reference }) });
      onCreated(created.id);
    });
  };

  return (
    <Modal title={t('desk.helpdesk.new')} onClose={onClose} wide>
      <form className="stack" onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} knownFields={FIELDS} />
        <div className="form-grid form-grid-2">
          <SelectField id="hd-new-type" label={t('desk.helpdesk.fields.type')} value={type} onChange={(v) => setType(v as RequestType)} options={REQUEST_TYPES} labelPrefix="desk.helpdesk.types" required error={errors.fields.type} />
          <SelectField id="hd-new-priority" label={t('desk.helpdesk.fields.priority')} value={priority} onChange={(v) => setPriority(v as Priority)} options={PRIORITIES} labelPrefix="desk.helpdesk.priorities" required error={errors.fields.priority} />
        </div>
        <p className="muted" data-testid="helpdesk-targets">
          {t('desk.helpdesk.targets', { first: duration(FIRST_RESPONSE_HOURS[priority] * 3_600_000), resolution: duration(resolutionHours(type, priority) * 3_600_000) })}
        </p>
        <p className="muted">{t(`desk.helpdesk.typeHints.${type}`)}</p>
        {type === 'watch_list_search' && (
          <div className="form-grid form-grid-2">
            <TextField id="hd-new-identifier" label={t('desk.helpdesk.fields.identifier')} value={identifier} onChange={setIdentifier} required maxLength={200} error={errors.fields['search.identifier'] ?? errors.fields.search} hint={t('desk.helpdesk.identifierHint')} />
            <SelectField id="hd-new-list" label={t('desk.helpdesk.fields.list')} value={list} onChange={setList} options={LISTS} labelPrefix="screening.lists" emptyLabel={t('screening.allLists')} error={errors.fields['search.list']} />
          </div>
        )}
        <TextField id="hd-new-subject" label={t('desk.helpdesk.fields.subject')} value={subject} onChange={setSubject} required maxLength={200} dir="auto" error={errors.fields.subject} />
        <TextField id="hd-new-body" label={t('desk.helpdesk.fields.body')} value={body} onChange={setBody} required multiline maxLength={10_000} dir="auto" error={errors.fields.body} />
        <FormActions submitLabel={t('desk.helpdesk.send')} onCancel={onClose} busy={write.pending} />
      </form>
    </Modal>
  );
}
