import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { adminApi, adminKeys } from '../admin/admin-api.ts';
import { OrgSelect } from '../admin/OrgSelect.tsx';
import { TextField } from '../app/forms.tsx';
import { isAdmin, useMe } from '../app/session.tsx';

interface OnBehalfOfFieldProps {
  value: string;
  onChange(orgId: string): void;
  error?: string;
}

/**
 * The member administration an I2C officer searches for. The organisations list is an
 * administrator's call; an officer without that role gives the organisation's identifier.
 */
export function OnBehalfOfField({ value, onChange, error }: OnBehalfOfFieldProps) {
  const { t } = useTranslation();
  const me = useMe();
  const admin = isAdmin(me);
  const orgs = useQuery({ queryKey: adminKeys.organisations, queryFn: adminApi.organisations, enabled: admin });
  if (admin && orgs.data)
    return <OrgSelect id="on-behalf-of" label={t('screening.search.onBehalfOf')} orgs={orgs.data.items.filter((o) => o.id !== me.orgId)} value={value} onChange={onChange} error={error} allowAny />;
  return (
    <TextField
      id="on-behalf-of"
      label={t('screening.search.onBehalfOf')}
      value={value}
      onChange={(v) => onChange(v.trim())}
      error={error}
      hint={t('screening.search.onBehalfOfHint')}
      dir="ltr"
      autoComplete="off"
    />
  );
}
