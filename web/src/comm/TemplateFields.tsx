import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, describedBy } from '../app/forms.tsx';
import { useErrorMessage } from '../app/forms.tsx';
import { Typeahead } from '../reference/Typeahead.tsx';
import { useCsrfToken } from '../app/session.tsx';
import { attachmentUploadPath, uploadRaw, type Attachment } from './comm-api.ts';
import { labelIn, type LeafField, type TemplateField } from './formatted-api.ts';

export type Values = Record<string, unknown>;

/** A datetime-local value (the reader's clock) from an ISO instant, and back. */
const toLocal = (iso: unknown) => {
  if (typeof iso !== 'string' || !iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromLocal = (local: string) => (local ? new Date(local).toISOString() : undefined);

interface LeafProps {
  field: LeafField;
  id: string;
  value: unknown;
  onChange(value: unknown): void;
  error?: string;
  opId: string;
}

/** One typed field of a template as a form control; the value is what the server expects for its type. */
export function LeafInput({ field, id, value, onChange, error, opId }: LeafProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const label = labelIn(field.labels, lang);
  const hint = field.help ? labelIn(field.help, lang) : field.prefill ? t('comm.formatted.prefilled') : undefined;
  const aria = describedBy(id, error, hint);
  const common = { id, label, error, hint, required: field.required };
  switch (field.type) {
    case 'text':
    case 'textarea':
      return (
        <Field {...common}>
          {field.type === 'text' ? (
            <input id={id} type="text" value={(value as string) ?? ''} onChange={(e) => onChange(e.target.value)} maxLength={field.maxLength} dir="auto" {...aria} />
          ) : (
            <textarea id={id} value={(value as string) ?? ''} onChange={(e) => onChange(e.target.value)} maxLength={field.maxLength} rows={4} dir="auto" {...aria} />
          )}
        </Field>
      );
    case 'number':
      return (
        <Field {...common}>
          <input
            id={id}
            type="number"
            value={typeof value === 'number' ? String(value) : ''}
            min={field.min}
            max={field.max}
            step={field.integer ? 1 : 'any'}
            onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
            {...aria}
          />
        </Field>
      );
    case 'date':
      return (
        <Field {...common}>
          <input id={id} type="date" value={(value as string) ?? ''} onChange={(e) => onChange(e.target.value || undefined)} {...aria} />
        </Field>
      );
    case 'datetime':
      return (
        <Field {...common}>
          <input id={id} type="datetime-local" value={toLocal(value)} onChange={(e) => onChange(fromLocal(e.target.value))} {...aria} />
        </Field>
      );
    case 'country':
      return <Typeahead {...common} kind="countries" value={(value as string) ?? null} onChange={(code) => onChange(code ?? undefined)} />;
    case 'hs_code':
      return <Typeahead {...common} kind="hs-codes" value={(value as string) ?? null} onChange={(code) => onChange(code ?? undefined)} />;
    case 'place': {
      const place = (value ?? {}) as { locode?: string; text?: string };
      return (
        <Typeahead
          {...common}
          hint={hint ?? t('comm.formatted.placeHint')}
          kind="locodes"
          value={place.locode ?? null}
          onChange={(code) => onChange(code ? { locode: code } : undefined)}
          onTextChange={(text) => onChange(text.trim() ? { text } : undefined)}
        />
      );
    }
    case 'select':
      return (
        <Field {...common}>
          <select id={id} value={(value as string) ?? ''} onChange={(e) => onChange(e.target.value || undefined)} {...aria}>
            <option value="">{t('common.choose')}</option>
            {field.options.map((o) => (
              <option key={o.code} value={o.code}>
                {labelIn(o.labels, lang)}
              </option>
            ))}
          </select>
        </Field>
      );
    case 'multi_select': {
      const chosen = Array.isArray(value) ? (value as string[]) : [];
      return (
        <fieldset className={`checkbox-group field${error ? ' field-invalid' : ''}`} id={id}>
          <legend>{label}</legend>
          <div className="checkbox-grid">
            {field.options.map((o) => (
              <label key={o.code} className="checkbox">
                <input
                  type="checkbox"
                  checked={chosen.includes(o.code)}
                  onChange={(e) => onChange(e.target.checked ? [...chosen, o.code] : chosen.filter((c) => c !== o.code))}
                />
                {labelIn(o.labels, lang)}
                {o.hsCode && <span className="muted small mono"> {o.hsCode}</span>}
              </label>
            ))}
          </div>
          {error && <p className="field-error">{error}</p>}
        </fieldset>
      );
    }
    case 'attachment':
      return <AttachmentField {...common} opId={opId} max={field.maxFiles ?? 10} value={Array.isArray(value) ? (value as string[]) : []} onChange={onChange} />;
  }
}

function AttachmentField({ id, label, error, opId, max, value, onChange }: { id: string; label: string; error?: string; opId: string; max: number; value: string[]; onChange(v: unknown): void }) {
  const { t } = useTranslation();
  const csrf = useCsrfToken();
  const errorMessage = useErrorMessage();
  const [files, setFiles] = useState<Attachment[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const add = async (list: FileList | null) => {
    setFailure(null);
    const picked = [...(list ?? [])].slice(0, Math.max(0, max - value.length));
    setBusy(true);
    let ids = value;
    try {
      for (const file of picked) {
        const a = await uploadRaw<Attachment>(attachmentUploadPath(opId, file.name), file, csrf());
        setFiles((f) => [...f, a]);
        ids = [...ids, a.id];
        onChange(ids);
      }
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Field id={id} label={label} error={error ?? failure ?? undefined}>
      <input id={id} type="file" multiple disabled={busy || value.length >= max} onChange={(e) => void add(e.target.files)} />
      {value.length > 0 && (
        <ul className="attachment-list">
          {value.map((fid) => (
            <li key={fid}>
              <span className="attachment-name">{files.find((f) => f.id === fid)?.name ?? fid}</span>
              <button type="button" className="button button-small button-ghost" onClick={() => onChange(value.filter((x) => x !== fid))}>
                {t('comm.attachments.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </Field>
  );
}

/** A field of a template: a leaf, or a repeating group (route legs, offenders) with one row per entry. */
export function TemplateFieldInput({ field, value, onChange, errors, opId }: { field: TemplateField; value: unknown; onChange(v: unknown): void; errors: Record<string, string>; opId: string }) {
  const { t, i18n } = useTranslation();
  const path = `fields.${field.key}`;
  if (field.type !== 'group') return <LeafInput field={field} id={`f-${field.key}`} value={value} onChange={onChange} error={errors[path]} opId={opId} />;
  const rows = Array.isArray(value) ? (value as Values[]) : [];
  const max = field.maxItems ?? 50;
  const label = labelIn(field.labels, i18n.language);
  return (
    <fieldset className="checkbox-group" data-group={field.key}>
      <legend>{label}</legend>
      {errors[path] && <p className="field-error">{errors[path]}</p>}
      {rows.map((row, i) => (
        <div key={i} className="panel stack" data-entry={i}>
          <div className="toolbar">
            <strong>{t('comm.formatted.entry', { n: i + 1 })}</strong>
            <button type="button" className="button button-small button-ghost" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
              {t('comm.formatted.removeEntry', { n: i + 1 })}
            </button>
          </div>
          <div className="form-grid">
            {field.fields.map((sub) => (
              <LeafInput
                key={sub.key}
                field={sub}
                id={`f-${field.key}-${i}-${sub.key}`}
                value={row[sub.key]}
                onChange={(v) => onChange(rows.map((r, j) => (j === i ? { ...r, [sub.key]: v } : r)))}
                error={errors[`${path}.${i}.${sub.key}`]}
                opId={opId}
              />
            ))}
          </div>
        </div>
      ))}
      <div>
        <button type="button" className="button button-small" disabled={rows.length >= max} onClick={() => onChange([...rows, {}])}>
          {t('comm.formatted.addEntry', { name: label })}
        </button>
      </div>
    </fieldset>
  );
}

/** Empty values left out, so that a draft keeps only what was filled in. */
export function cleanValues(values: Values): Values {
  const out: Values = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = Array.isArray(v) && v.length && typeof v[0] === 'object' ? (v as Values[]).map(cleanValues) : v;
  }
  return out;
}
