import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { TextField } from '../app/forms.tsx';
import { alertKeys, alertsApi } from './alerts-api.ts';

interface OrgPickerProps {
  id: string;
  legend: string;
  value: string[];
  onChange(orgIds: string[]): void;
  error?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Organisations to choose, filtered by name, short name or country. Where the directory is not open to the
 * reader, the organisations are given by their identifiers, one a line.
 */
export function OrgPicker({ id, legend, value, onChange, error }: OrgPickerProps) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const [typed, setTyped] = useState(value.join('\n'));
  const orgs = useQuery({ queryKey: alertKeys.organisations, queryFn: alertsApi.organisations, retry: false, staleTime: 10 * 60_000 });

  if (orgs.isError)
    return (
      <TextField
        id={id}
        label={legend}
        hint={t('alerts.orgs.byIdHint')}
        value={typed}
        multiline
        error={error}
        onChange={(text) => {
          setTyped(text);
          onChange(
            text
              .split(/[\s,;]+/)
              .map((s) => s.trim())
              .filter((s) => UUID.test(s)),
          );
        }}
      />
    );

  const q = filter.trim().toLowerCase();
  const items = (orgs.data?.items ?? [])
    .filter((o) => !q || o.name.toLowerCase().includes(q) || o.shortName.toLowerCase().includes(q) || (o.country ?? '').toLowerCase() === q || value.includes(o.id))
    .sort((a, b) => a.name.localeCompare(b.name));
  const toggle = (orgId: string, on: boolean) => onChange(on ? [...value, orgId] : value.filter((v) => v !== orgId));
  return (
    <fieldset className={`stack${error ? ' field-invalid' : ''}`} data-testid={id}>
      <legend>{legend}</legend>
      <TextField id={`${id}-filter`} type="search" label={t('alerts.orgs.filter')} value={filter} onChange={setFilter} autoComplete="off" />
      {!orgs.data && <p className="muted">{t('common.loading')}</p>}
      <ul className="checkbox-list org-picker-list">
        {items.slice(0, 200).map((o) => (
          <li key={o.id}>
            <label className="checkbox">
              <input type="checkbox" checked={value.includes(o.id)} onChange={(e) => toggle(o.id, e.target.checked)} />
              <span dir="auto">
                {o.name} <span className="muted small">{[o.shortName, o.country].filter(Boolean).join(' · ')}</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
