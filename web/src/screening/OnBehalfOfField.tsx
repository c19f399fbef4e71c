import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { describedBy, Field, TextField } from '../app/forms.tsx';
import { useMe } from '../app/session.tsx';
import { screeningApi, screeningKeys } from './screening-api.ts';

interface OnBehalfOfFieldProps {
  value: string;
  onChange(orgId: string): void;
  error?: string;
}

/**
 * The member administration an I2C officer searches for, picked from the organisations the
 * screening API lists for I2C officers (names and countries only). Should the list not load, the
 * officer can still give the organisation's identifier.
 */
export function OnBehalfOfField({ value, onChange, error }: OnBehalfOfFieldProps) {
  const { t } = useTranslation();
  const me = useMe();
  const orgs = useQuery({ queryKey: screeningKeys.organisations, queryFn: screeningApi.organisations, staleTime: 5 * 60_000 });
  if (orgs.data) {
    const others = orgs.data.items.filter((o) => o.id !== me.orgId).sort((a, b) => a.name.localeCompare(b.name));
    return (
      <Field id="on-behalf-of" label={t('screening.search.onBehalfOf')} error={error}>
        <select id="on-behalf-of" value={value} onChange={(e) => onChange(e.target.value)} {...describedBy('on-behalf-of', error)}>
          <option value="">{t('screening.search.onBehalfOfOwn')}</option>
          {others.map((o) => (
            <option key={o.id} value={o.id}>
              {o.country ? `${o.name} (${o.country})` : o.name}
            </option>
          ))}
        </select>
      </Field>
    );
  }
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
