import { useTranslation } from 'react-i18next';
import { ROLES } from '../identity/identity-api.ts';

interface RoleCheckboxesProps {
  id: string;
  value: string[];
  onChange(roles: string[]): void;
  error?: string;
}

export function RoleCheckboxes({ id, value, onChange, error }: RoleCheckboxesProps) {
  const { t } = useTranslation();
  const toggle = (role: string, on: boolean) => onChange(on ? [...value, role] : value.filter((r) => r !== role));
  return (
    <fieldset className={`field${error ? ' field-invalid' : ''}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{t('users.roles')}</legend>
      <div className="checkbox-grid">
        {ROLES.map((role) => (
          <label key={role} className="checkbox">
            <input type="checkbox" name={`${id}-${role}`} checked={value.includes(role)} onChange={(e) => toggle(role, e.target.checked)} />
            <span>
              {t(`roles.${role}`)}
              <span className="muted small block">{t(`roleHints.${role}`)}</span>
            </span>
          </label>
        ))}
      </div>
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
