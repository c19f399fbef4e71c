import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, FormActions, TextField, useFormErrors } from '../app/forms.tsx';
import { Modal } from '../app/Modal.tsx';
import type { Org, User, UserChange } from './admin-api.ts';
import { OrgSelect } from './OrgSelect.tsx';
import { RoleCheckboxes } from './RoleCheckboxes.tsx';
import { useWrite } from '../app/mutation.ts';

const FIELDS = ['displayName', 'orgId', 'roles'];

export function EditUserForm({ user, orgs, onSave, onClose }: { user: User; orgs: Org[]; onSave(change: UserChange): Promise<void>; onClose(): void }) {
  const { t } = useTranslation();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [orgId, setOrgId] = useState(user.orgId);
  const [roles, setRoles] = useState<string[]>(user.roles);
  const { errors, capture, clear } = useFormErrors();
  const write = useWrite(capture);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    await write.run(async () => {
      await onSave({ displayName: displayName.trim(), orgId, roles });
    });
  };

  return (
    <Modal title={t('users.editTitle', { name: user.username })} onClose={onClose} wide>
      <form onSubmit={submit} noValidate className="stack">
        <ErrorSummary errors={errors} knownFields={FIELDS} />
        <div className="form-grid">
          <TextField id="displayName" label={t('users.displayName')} value={displayName} onChange={setDisplayName} error={errors.fields.displayName} required autoFocus />
          <OrgSelect id="orgId" label={t('users.organisation')} orgs={orgs} value={orgId} onChange={setOrgId} error={errors.fields.orgId} required />
        </div>
        <RoleCheckboxes id="roles" value={roles} onChange={setRoles} error={errors.fields.roles} />
        <FormActions submitLabel={t('common.save')} onCancel={onClose} busy={write.pending} />
      </form>
    </Modal>
  );
}
