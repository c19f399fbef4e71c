import { useTranslation } from 'react-i18next';
import { TextField } from '../app/forms.tsx';
import { Typeahead } from '../reference/Typeahead.tsx';
import { SelectField } from '../seizures/Select.tsx';
import { DOCUMENT_TYPES, type IdentityDocument } from './national-api.ts';

interface DocumentsFieldsProps {
  id: string;
  documents: IdentityDocument[];
  onChange(documents: IdentityDocument[]): void;
  /** Errors keyed `0.number`, `1.expiresOn`. */
  errors: Record<string, string>;
}

/** The identity documents a person holds: type, number, issuing country and expiry. */
export function DocumentsFields({ id, documents, onChange, errors }: DocumentsFieldsProps) {
  const { t } = useTranslation();
  const set = (index: number, patch: Partial<IdentityDocument>) => onChange(documents.map((d, i) => (i === index ? { ...d, ...patch } : d)));
  return (
    <fieldset>
      <legend>{t('national.fields.documents')}</legend>
      <ol className="repeat-list">
        {documents.map((document, index) => {
          const label = t('national.form.documentN', { n: index + 1 });
          const fid = (f: string) => `${id}-${index}-${f}`;
          return (
            <li key={index} className="repeat-item" aria-label={label}>
              <div className="repeat-item-header">
                <h3>{label}</h3>
                <button type="button" className="button button-small button-danger-outline" onClick={() => onChange(documents.filter((_, i) => i !== index))} aria-label={t('national.form.removeItem', { item: label })}>
                  {t('national.form.remove')}
                </button>
              </div>
              <div className="form-grid form-grid-3">
                <SelectField id={fid('type')} label={t('national.fields.documentType')} value={document.type} onChange={(v) => set(index, { type: v as IdentityDocument['type'] })} options={DOCUMENT_TYPES} labelPrefix="national.documentTypes" error={errors[`${index}.type`]} required />
                <TextField id={fid('number')} label={t('national.fields.documentNumber')} value={document.number} onChange={(number) => set(index, { number })} error={errors[`${index}.number`]} maxLength={50} dir="ltr" autoComplete="off" required />
                <Typeahead id={fid('country')} kind="countries" label={t('national.fields.issuingCountry')} value={document.country ?? null} onChange={(code) => set(index, { country: code ?? undefined })} error={errors[`${index}.country`]} />
                <TextField id={fid('expiresOn')} type="date" label={t('national.fields.expiresOn')} value={document.expiresOn ?? ''} onChange={(expiresOn) => set(index, { expiresOn })} error={errors[`${index}.expiresOn`]} />
              </div>
            </li>
          );
        })}
      </ol>
      <div className="button-row">
        <button type="button" className="button button-small" onClick={() => onChange([...documents, { type: 'passport', number: '' }])} disabled={documents.length >= 10}>
          {t('national.form.addDocument')}
        </button>
      </div>
    </fieldset>
  );
}
