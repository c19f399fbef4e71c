import { useState, type FormEvent } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Field, TextField, useErrorMessage, useFormErrors, ErrorSummary } from '../app/forms.tsx';
import { useFormat } from '../app/format.ts';
import { PageHeader } from '../app/PageHeader.tsx';
import { Pager } from '../app/Pager.tsx';
import { useToasts } from '../app/toasts.tsx';
import { Typeahead } from '../reference/Typeahead.tsx';
import { CategorySelect, useCategoryLabel } from './CategorySelect.tsx';
import { CodeListField } from './CodeListField.tsx';
import { useCountryName } from './labels.ts';
import { filtersOf, type SeizureSearch } from './search-params.ts';
import { SeizuresNav } from './SeizuresNav.tsx';
import { SelectField } from './Select.tsx';
import { SORTS, STATUSES, TRANSPORT_MODES, exportUrl, filterParams, fromSavedQuery, seizureKeys, seizuresApi, type Filters } from './seizures-api.ts';
import { StatusBadge } from './StatusBadge.tsx';
import { WorldMap } from './WorldMap.tsx';
import { useWrite } from '../app/mutation.ts';

const PAGE_SIZE = 25;
const list = (v: string | undefined) => (v ? v.split(',').filter(Boolean) : []);
const joined = (v: string[]) => (v.length ? v.join(',') : undefined);

/** Search seizures with every filter of the API; filters live in the URL, so a search is a link. */
export function SearchPage() {
  const { t } = useTranslation();
  const search = useSearch({ strict: false }) as SeizureSearch;
  const navigate = useNavigate();
  const filters = filtersOf(search);
  const sort = search.sort ?? '-seizedAt';
  const page = search.page ?? 1;
  const go = (next: SeizureSearch) => void navigate({ to: '/seizures', search: next });

  return (
    <>
      <PageHeader title={t('seizures.search.title')} intro={t('seizures.search.intro')} />
      <SeizuresNav />
      <FiltersForm key={JSON.stringify(filters)} filters={filters} onSearch={(f) => go({ ...f, sort: search.sort })} />
      <SavedSearches filters={filters} onApply={(f) => go({ ...f, sort: search.sort })} />
      <Results filters={filters} sort={sort} page={page} onSort={(s) => go({ ...filters, sort: s })} onPage={(p) => go({ ...filters, sort: search.sort, page: p })} />
      <ResultsMap filters={filters} />
    </>
  );
}

function FiltersForm({ filters, onSearch }: { filters: Filters; onSearch(f: Filters): void }) {
  const { t } = useTranslation();
  const [f, setF] = useState<Filters>(filters);
  const set = (key: keyof Filters, value: string | undefined) => setF((old) => ({ ...old, [key]: value || undefined }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(filterParams(f));
  };
  return (
    <section className="panel">
      <form role="search" aria-label={t('seizures.search.filters')} onSubmit={submit} noValidate className="stack">
        <div className="form-grid form-grid-3">
          <TextField id="filter-q" type="search" label={t('seizures.search.q')} hint={t('seizures.search.qHint')} value={f.q ?? ''} onChange={(v) => set('q', v)} dir="auto" />
          <TextField id="filter-from" type="date" label={t('seizures.search.from')} value={f.from ?? ''} onChange={(v) => set('from', v)} />
          <TextField id="filter-to" type="date" label={t('seizures.search.to')} value={f.to ?? ''} onChange={(v) => set('to', v)} />
          <CodeListField id="filter-country" kind="countries" label={t('seizures.search.country')} values={list(f.country)} onChange={(v) => set('country', joined(v))} max={50} />
          <Typeahead id="filter-region" kind="regions" label={t('seizures.search.region')} value={f.region ?? null} onChange={(code) => set('region', code ?? undefined)} />
          <CodeListField id="filter-routeCountry" kind="countries" label={t('seizures.search.routeCountry')} hint={t('seizures.search.routeCountryHint')} values={list(f.routeCountry)} onChange={(v) => set('routeCountry', joined(v))} max={50} />
          <CategorySelect id="filter-category" label={t('seizures.search.category')} value={f.category ?? ''} onChange={(v) => set('category', v)} />
          <Typeahead id="filter-hs" kind="hs-codes" label={t('seizures.search.hs')} hint={t('seizures.search.hsHint')} value={f.hs ?? null} onChange={(code) => set('hs', code ?? undefined)} />
          <SelectField id="filter-transport" label={t('seizures.search.transport')} value={f.transport ?? ''} onChange={(v) => set('transport', v)} options={TRANSPORT_MODES} labelPrefix="seizures.transportModes" emptyLabel={t('common.any')} />
          <CodeListField id="filter-detection" kind="detection-methods" label={t('seizures.search.detection')} values={list(f.detection)} onChange={(v) => set('detection', joined(v))} max={50} />
          <CodeListField id="filter-concealment" kind="concealment-methods" label={t('seizures.search.concealment')} values={list(f.concealment)} onChange={(v) => set('concealment', joined(v))} max={50} />
          <SelectField id="filter-status" label={t('seizures.search.status')} value={f.status ?? ''} onChange={(v) => set('status', v)} options={STATUSES} labelPrefix="seizures.statuses" emptyLabel={t('common.any')} />
        </div>
        <div className="button-row">
          <button type="submit" className="button button-primary">
            {t('common.search')}
          </button>
          <button type="button" className="button" onClick={() => onSearch({})}>
            {t('seizures.search.clearFilters')}
          </button>
        </div>
      </form>
    </section>
  );
}

function Results({ filters, sort, page, onSort, onPage }: { filters: Filters; sort: string; page: number; onSort(s: string): void; onPage(p: number): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const country = useCountryName();
  const category = useCategoryLabel();
  const errorMessage = useErrorMessage();
  const results = useQuery({ queryKey: seizureKeys.list(filters, sort, page), queryFn: () => seizuresApi.list(filters, sort, page, PAGE_SIZE), placeholderData: keepPreviousData });
  const data = results.data;
  const items = data?.items ?? [];
  const count = data ? (data.totalCapped ? t('seizures.search.countCapped', { n: format.number(data.total) }) : t('seizures.search.count', { n: format.number(data.total) })) : '';

  return (
    <section className="panel stack" aria-labelledby="results-title">
      <div className="panel-header">
        <h2 className="section-title" id="results-title" aria-live="polite" data-testid="result-count">
          {results.isPending ? t('common.loading') : count}
        </h2>
        <div className="button-row">
          <Field id="result-sort" label={t('seizures.search.sort')} className="field-inline">
            <select id="result-sort" value={sort} onChange={(e) => onSort(e.target.value)}>
              {SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(`seizures.sorts.${s.startsWith('-') ? `${s.slice(1)}Desc` : s}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
      </div>
      <div className="button-row" role="group" aria-label={t('seizures.search.export')}>
        {(['csv', 'xlsx', 'json'] as const).map((fmt) => (
          <a key={fmt} className="button button-small" href={exportUrl(fmt, filters)} download data-format={fmt}>
            {t(`seizures.search.export_${fmt}`)}
          </a>
        ))}
      </div>
      {results.isError && (
        <div className="alert alert-error" role="alert">
          {errorMessage(results.error)}
        </div>
      )}
      <div className="table-wrap">
        <table data-testid="seizure-results">
          <caption className="visually-hidden">{t('seizures.search.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('seizures.fields.reference')}</th>
              <th scope="col">{t('seizures.fields.seizedAt')}</th>
              <th scope="col">{t('seizures.fields.country')}</th>
              <th scope="col">{t('seizures.search.what')}</th>
              <th scope="col">{t('seizures.search.category')}</th>
              <th scope="col">{t('seizures.form.route')}</th>
              <th scope="col">{t('seizures.fields.status')}</th>
              <th scope="col">{t('seizures.fields.organisation')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((s) => (
              <tr key={s.id} data-reference={s.reference}>
                <td className="nowrap">
                  <Link to="/seizures/$id" params={{ id: s.id }}>
                    {s.reference}
                  </Link>
                </td>
                <td className="nowrap">{format.date(s.seizedAt)}</td>
                <td>{country(s.country)}</td>
                <td dir="ltr">{s.headline}</td>
                <td>{format.list(s.categories.map(category))}</td>
                <td>{s.departureCountry || s.destinationCountry ? `${country(s.departureCountry) || '?'} → ${country(s.destinationCountry) || '?'}` : ''}</td>
                <td>
                  <StatusBadge status={s.status} />
                </td>
                <td dir="auto">{s.orgName}</td>
              </tr>
            ))}
            {items.length === 0 && data && (
              <tr>
                <td colSpan={8} className="empty">
                  {t('seizures.search.none')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {data && data.total > PAGE_SIZE && <Pager page={page} pageSize={PAGE_SIZE} total={data.total} onPage={onPage} />}
    </section>
  );
}

function SavedSearches({ filters, onApply }: { filters: Filters; onApply(f: Filters): void }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const saved = useQuery({ queryKey: seizureKeys.saved, queryFn: seizuresApi.savedSearches });
  const [name, setName] = useState('');
  const { errors, capture, clear, setErrors } = useFormErrors();
  const write = useWrite(capture);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    if (!name.trim()) {
      setErrors({ detail: null, fields: { name: t('errors.field.required') } });
      return;
    }
    await write.run(async () => {
      await seizuresApi.saveSearch(name.trim(), filters);
      setName('');
      toasts.show({ tone: 'success', title: t('seizures.saved.savedToast') });
      await queryClient.invalidateQueries({ queryKey: seizureKeys.saved });
    });
  };

  const remove = async (id: string) => {
    try {
      await seizuresApi.deleteSavedSearch(id);
      await queryClient.invalidateQueries({ queryKey: seizureKeys.saved });
      toasts.show({ tone: 'success', title: t('seizures.saved.deleted') });
    } catch (error) {
      toasts.show({ tone: 'error', title: t('errors.actionFailed'), body: errorMessage(error) });
    }
  };

  const items = saved.data?.items ?? [];
  return (
    <section className="panel stack" aria-labelledby="saved-title">
      <h2 className="section-title" id="saved-title">
        {t('seizures.saved.title')}
      </h2>
      {items.length > 0 ? (
        <ul className="stack" data-testid="saved-searches">
          {items.map((s) => (
            <li key={s.id} className="button-row">
              <span dir="auto">{s.name}</span>
              <button type="button" className="button button-small" onClick={() => onApply(fromSavedQuery(s.query))} aria-label={t('seizures.saved.applyNamed', { name: s.name })}>
                {t('common.apply')}
              </button>
              <button type="button" className="button button-small button-danger-outline" onClick={() => void remove(s.id)} aria-label={t('seizures.saved.deleteNamed', { name: s.name })}>
                {t('seizures.saved.delete')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('seizures.saved.none')}</p>
      )}
      <form className="stack" onSubmit={save} noValidate aria-label={t('seizures.saved.saveThis')}>
        <ErrorSummary errors={errors} knownFields={['name']} />
        <div className="button-row">
          <TextField id="saved-name" label={t('seizures.saved.name')} value={name} onChange={setName} error={errors.fields.name} maxLength={100} dir="auto" />
          <button type="submit" className="button" disabled={write.pending}>
            {t('seizures.saved.saveThis')}
          </button>
        </div>
      </form>
    </section>
  );
}

function ResultsMap({ filters }: { filters: Filters }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const map = useQuery({ queryKey: seizureKeys.map(filters), queryFn: () => seizuresApi.map(filters), placeholderData: keepPreviousData });
  return (
    <section className="panel" aria-labelledby="map-title">
      <h2 className="section-title" id="map-title">
        {t('seizures.map.title')}
      </h2>
      {map.isError && (
        <div className="alert alert-error" role="alert">
          {errorMessage(map.error)}
        </div>
      )}
      <WorldMap data={map.data} title={t('seizures.map.title')} testId="results-map" />
    </section>
  );
}
