import { useTranslation } from 'react-i18next';
import { SelectField } from '../seizures/Select.tsx';
import { PARTICIPATION_ROLES, type ParticipationRole } from './national-api.ts';

/** The part an entity played in a seizure or a case: suspect, courier, driver, owner, consignor… */
export function RoleSelect({ id, value, onChange, error }: { id: string; value: ParticipationRole; onChange(role: ParticipationRole): void; error?: string }) {
  const { t } = useTranslation();
  return <SelectField id={id} label={t('national.fields.role')} value={value} onChange={(v) => onChange(v as ParticipationRole)} options={PARTICIPATION_ROLES} labelPrefix="national.roles" error={error} required />;
}
