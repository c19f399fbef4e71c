import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { describedBy, Field } from '../app/forms.tsx';
import { Typeahead } from '../reference/Typeahead.tsx';
import type { FieldDef } from './list-fields.ts';
import { firearmReference, type ListName } from './screening-api.ts';

interface FieldInputProps {
  idPrefix: string;
  def: FieldDef;
  list: ListName;
  value: string;
  onChange(value: string): void;
  error?: string;
  /** In a search form nothing is required and a choice may be left at "any". */
  searching?: boolean;
}

const REFERENCE_FIELDS: Record<string, 'make' | 'model' | 'calibre'> = { make: 'make', model: 'model', calibre: 'calibre' };

/** Firearm makes, models and calibres offered from the reference table (aliases are matched by the server). */
function useSuggestions(list: ListName, field: string): string[] {
  const kind = list === 'firearms' ? REFERENCE_FIELDS[field] : undefined;
  const query = useQuery({ queryKey: firearmReference.key(kind ?? 'make'), queryFn: () => firearmReference.list(kind ?? 'make'), enabled: !!kind, staleTime: 10 * 60_000 });
  return kind ? (query.data?.items ?? []).map((e) => e.name) : [];
}

/** One record or search field, with the control its kind calls for. */
export function FieldInput({ idPrefix, def, list, value, onChange, error, searching }: FieldInputProps) {
  const { t } = useTranslation();
  const id = `${idPrefix}-${def.name}`;
  const label = t(`screening.fields.${def.name}`);
  const required = !searching && def.required;
  const hint = def.kind === 'serials' ? t('screening.records.serialsHint') : undefined;
  const suggestions = useSuggestions(list, def.name);
  const aria = describedBy(id, error, hint);

  if (def.kind === 'country')
    return <Typeahead id={id} kind="countries" label={label} value={value || null} onChange={(code) => onChange(code ?? '')} error={error} required={required} />;

  return (
    <Field id={id} label={label} error={error} hint={hint} required={required}>
      {def.kind === 'choice' ? (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-required={required || undefined} {...aria}>
          <option value="">{searching ? t('common.any') : t('common.choose')}</option>
          {def.options?.map((o) => (
            <option key={o} value={o}>
              {t(`screening.values.${o}`)}
            </option>
          ))}
        </select>
      ) : def.kind === 'serials' || def.kind === 'longText' ? (
        <textarea id={id} rows={3} value={value} onChange={(e) => onChange(e.target.value)} aria-required={required || undefined} dir={def.kind === 'serials' ? 'ltr' : 'auto'} {...aria} />
      ) : (
        <>
          <input
            id={id}
            type={def.kind === 'date' ? 'date' : 'text'}
            inputMode={def.kind === 'year' ? 'numeric' : undefined}
            className={def.kind === 'identifier' ? 'mono' : undefined}
            dir={def.kind === 'identifier' ? 'ltr' : 'auto'}
            spellCheck={def.kind === 'identifier' ? false : undefined}
            autoComplete="off"
            list={suggestions.length ? `${id}-suggestions` : undefined}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            aria-required={required || undefined}
            {...aria}
          />
          {suggestions.length > 0 && (
            <datalist id={`${id}-suggestions`}>
              {suggestions.map((s) => (
                <option key={s} value={s} />
              ))}
            </datalist>
          )}
        </>
      )}
    </Field>
  );
}
