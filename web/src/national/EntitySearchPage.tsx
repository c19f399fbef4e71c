import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../app/forms.tsx';
import { useFormat } from '../app/format.ts';
import { PageHeader } from '../app/PageHeader.tsx';
import { useMe } from '../app/session.tsx';
import { searchFieldOf, searchOf } from './entity-search.ts';
import { EntityResultsTable } from './EntityResultsTable.tsx';
import { EntitySearchForm, type SearchTerms } from './EntitySearchForm.tsx';
import { nationalApi, nationalKeys } from './national-api.ts';
import { canWriteNominal } from './national-roles.ts';
import { NationalNav } from './NationalNav.tsx';
import { NewEntityButtons } from './NewEntityButtons.tsx';
import { PurposeField } from './PurposeField.tsx';
import { usePurpose } from './purpose.ts';

const TERMS_KEY = 'opencen.national.search';

function storedTerms(): SearchTerms {
  try {
    const saved = JSON.parse(window.sessionStorage.getItem(TERMS_KEY) ?? 'null') as SearchTerms | null;
    if (saved && typeof saved.text === 'string') return saved;
  } catch {
    // Nothing usable kept: start blank.
  }
  return { text: '', kind: '' };
}

/** Search the nominal database by name, identifier, phone or e-mail; the last search is kept for the tab. */
export function EntitySearchPage() {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const purpose = usePurpose();
  const [terms, setTerms] = useState<SearchTerms>(storedTerms);
  const search = searchOf(terms.text, terms.kind);
  const results = useQuery({
    queryKey: nationalKeys.search(search ?? {}, purpose),
    queryFn: () => nationalApi.search(search ?? {}, purpose),
    enabled: !!search && !!purpose,
    placeholderData: keepPreviousData,
  });

  const onSearch = (next: SearchTerms) => {
    setTerms(next);
    try {
      window.sessionStorage.setItem(TERMS_KEY, JSON.stringify(next));
    } catch {
      // The search still runs; it is only not kept.
    }
  };

  return (
    <>
      <PageHeader title={t('national.search.title')} intro={t('national.search.intro')} actions={canWriteNominal(me.roles) ? <NewEntityButtons /> : undefined} />
      <NationalNav />
      <section className="panel stack">
        <PurposeField action="search" />
        <EntitySearchForm initial={terms} onSearch={onSearch} />
      </section>
      {search && (
        <section className="panel stack" aria-labelledby="entity-results-title">
          <h2 className="section-title" id="entity-results-title" aria-live="polite" data-testid="entity-result-count">
            {!purpose
              ? t('national.purpose.neededToSearch')
              : results.data
                ? t('national.search.count', { n: format.number(results.data.total), field: t(`national.search.by.${searchFieldOf(terms.text)}`) })
                : t('common.loading')}
          </h2>
          {results.isError && (
            <div className="alert alert-error" role="alert">
              {errorMessage(results.error)}
            </div>
          )}
          {results.data && <EntityResultsTable rows={results.data.entities} />}
        </section>
      )}
    </>
  );
}
