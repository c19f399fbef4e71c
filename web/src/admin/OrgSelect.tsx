import { useTranslation } from 'react-i18next';
import { Field, describedBy } from '../app/forms.tsx';
import type { Org } from './admin-api.ts';

interface OrgSelectProps {
  id: string;
  label: string;
  orgs: Org[];
  value: string;
  onChange(orgId: string): void;
  error?: string;
  required?: boolean;
  allowAny?: boolean;
}

export function OrgSelect({ id, label, orgs, value, onChange, error, required, allowAny }: OrgSelectProps) {
  const { t } = useTranslation();
  const sorted = [...orgs].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <Field id={id} label={label} error={error} required={required}>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} {...describedBy(id, error)}>
        <option value="">{allowAny ? t('common.any') : t('common.choose')}</option>
        {sorted.map((org) => (
          <option key={org.id} value={org.id}>
            {org.name}
          </option>
        ))}
      </select>
    </Field>
  );
}
