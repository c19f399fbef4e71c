import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../app/forms.tsx';
import { SelectField } from '../seizures/Select.tsx';
import { ENTITY_KINDS, type EntityKind } from './national-api.ts';

export interface SearchTerms {
  text: string;
  kind: EntityKind | '';
}

/** One text box (a name, an identifier, a phone number or an e-mail address) and the kind of entity. */
export function EntitySearchForm({ initial, onSearch }: { initial: SearchTerms; onSearch(terms: SearchTerms): void }) {
  const { t } = useTranslation();
  const [terms, setTerms] = useState<SearchTerms>(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch({ text: terms.text.trim(), kind: terms.kind });
  };
  return (
    <form role="search" aria-label={t('national.search.title')} onSubmit={submit} noValidate className="stack">
      <div className="form-grid form-grid-3">
        <TextField
          id="entity-search-text"
          type="search"
          label={t('national.search.text')}
          hint={t('national.search.textHint')}
          value={terms.text}
          onChange={(text) => setTerms((old) => ({ ...old, text }))}
          maxLength={300}
          dir="auto"
          autoComplete="off"
        />
        <SelectField
          id="entity-search-kind"
          label={t('national.search.kind')}
          value={terms.kind}
          onChange={(kind) => setTerms((old) => ({ ...old, kind: kind as EntityKind | '' }))}
          options={ENTITY_KINDS}
          labelPrefix="national.kinds"
          emptyLabel={t('common.any')}
        />
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary">
          {t('common.search')}
        </button>
      </div>
    </form>
  );
}
