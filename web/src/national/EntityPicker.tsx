import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { TextField } from '../app/forms.tsx';
import { useDebouncedValue } from '../reference/use-debounced-value.ts';
import { SelectField } from '../seizures/Select.tsx';
import { searchOf } from './entity-search.ts';
import { KindBadge } from './KindBadge.tsx';
import { ENTITY_KINDS, nationalApi, nationalKeys, type EntityKind, type EntitySummary } from './national-api.ts';
import { usePurpose } from './purpose.ts';

interface EntityPickerProps {
  id: string;
  /** The chosen entity, or null. */
  value: EntitySummary | null;
  onChange(entity: EntitySummary | null): void;
  /** Fixes the kind (a merge keeps to one kind); the officer chooses it otherwise. */
  kind?: EntityKind;
  /** Entities that cannot be chosen (the record itself). */
  exclude?: string[];
  error?: string;
}

/** Finds an entity by name, identifier, phone or e-mail, with the purpose in force, and chooses one. */
export function EntityPicker({ id, value, onChange, kind: fixedKind, exclude = [], error }: EntityPickerProps) {
  const { t } = useTranslation();
  const purpose = usePurpose();
  const [text, setText] = useState('');
  const [kind, setKind] = useState<EntityKind | ''>(fixedKind ?? '');
  const search = searchOf(useDebouncedValue(text, 300), fixedKind ?? kind);
  const found = useQuery({
    queryKey: nationalKeys.search(search ?? {}, purpose),
    queryFn: () => nationalApi.search(search ?? {}, purpose),
    enabled: !!search && !!purpose,
    placeholderData: keepPreviousData,
  });
  const options = search ? (found.data?.entities ?? []).filter((e) => !exclude.includes(e.id)).slice(0, 8) : [];

  if (value)
    return (
      <div className="field" data-testid={`${id}-chosen`}>
        <p className="muted small">{t('national.picker.chosen')}</p>
        <div className="button-row">
          <KindBadge kind={value.kind} />
          <strong dir="auto">{value.label}</strong>
          <span className="muted" dir="auto">
            {value.detail ?? ''}
          </span>
          <button type="button" className="button button-small" onClick={() => onChange(null)}>
            {t('national.picker.change')}
          </button>
        </div>
      </div>
    );

  return (
    <div className="stack entity-picker">
      <div className="form-grid">
        <TextField id={`${id}-text`} type="search" label={t('national.picker.find')} hint={t('national.search.textHint')} value={text} onChange={setText} error={error} maxLength={300} dir="auto" autoComplete="off" />
        {!fixedKind && <SelectField id={`${id}-kind`} label={t('national.search.kind')} value={kind} onChange={(v) => setKind(v as EntityKind | '')} options={ENTITY_KINDS} labelPrefix="national.kinds" emptyLabel={t('common.any')} />}
      </div>
      {!purpose && <p className="muted">{t('national.purpose.neededToSearch')}</p>}
      {search && found.data && options.length === 0 && <p className="muted">{t('national.search.none')}</p>}
      {options.length > 0 && (
        <ul className="picker-options" aria-label={t('national.picker.results')}>
          {options.map((e) => (
            <li key={e.id} className="button-row">
              <button type="button" className="button button-small" onClick={() => onChange(e)} aria-label={t('national.picker.chooseNamed', { name: e.label })}>
                {t('national.picker.choose')}
              </button>
              <KindBadge kind={e.kind} />
              <span dir="auto">{e.label}</span>
              <span className="muted small" dir="auto">
                {e.detail ?? ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
