import { useTranslation } from 'react-i18next';
import { TextField } from '../app/forms.tsx';
import { Typeahead } from '../reference/Typeahead.tsx';
import type { Address } from './national-api.ts';

interface AddressesFieldsProps {
  id: string;
  addresses: Address[];
  onChange(addresses: Address[]): void;
  /** Errors keyed `0.line`, `1.country`. */
  errors: Record<string, string>;
}

/** The addresses of a person or company: street, city, postcode and country, as many as known. */
export function AddressesFields({ id, addresses, onChange, errors }: AddressesFieldsProps) {
  const { t } = useTranslation();
  const set = (index: number, patch: Partial<Address>) => onChange(addresses.map((a, i) => (i === index ? { ...a, ...patch } : a)));
  return (
    <fieldset>
      <legend>{t('national.fields.addresses')}</legend>
      <ol className="repeat-list">
        {addresses.map((address, index) => {
          const label = t('national.form.addressN', { n: index + 1 });
          const fid = (f: string) => `${id}-${index}-${f}`;
          return (
            <li key={index} className="repeat-item" aria-label={label}>
              <div className="repeat-item-header">
                <h3>{label}</h3>
                <button type="button" className="button button-small button-danger-outline" onClick={() => onChange(addresses.filter((_, i) => i !== index))} aria-label={t('national.form.removeItem', { item: label })}>
                  {t('national.form.remove')}
                </button>
              </div>
              <div className="form-grid form-grid-3">
                <TextField id={fid('line')} label={t('national.fields.addressLine')} value={address.line} onChange={(line) => set(index, { line })} error={errors[`${index}.line`]} maxLength={300} dir="auto" className="span-2" />
                <TextField id={fid('city')} label={t('national.fields.city')} value={address.city ?? ''} onChange={(city) => set(index, { city })} error={errors[`${index}.city`]} maxLength={100} dir="auto" />
                <TextField id={fid('postcode')} label={t('national.fields.postcode')} value={address.postcode ?? ''} onChange={(postcode) => set(index, { postcode })} error={errors[`${index}.postcode`]} maxLength={20} dir="ltr" />
                <Typeahead id={fid('country')} kind="countries" label={t('national.fields.country')} value={address.country ?? null} onChange={(code) => set(index, { country: code ?? undefined })} error={errors[`${index}.country`]} />
              </div>
            </li>
          );
        })}
      </ol>
      <div className="button-row">
        <button type="button" className="button button-small" onClick={() => onChange([...addresses, { line: '' }])} disabled={addresses.length >= 10}>
          {t('national.form.addAddress')}
        </button>
      </div>
    </fieldset>
  );
}
