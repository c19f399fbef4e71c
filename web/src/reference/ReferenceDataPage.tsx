import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../app/PageHeader.tsx';
import { useErrorMessage } from '../app/forms.tsx';
import { useFormat } from '../app/format.ts';
import { REFERENCE_KINDS, referenceQueryKey, searchReference, type ReferenceItem, type ReferenceKind } from './reference-api.ts';
import { Typeahead } from './Typeahead.tsx';
import { useDebouncedValue } from './use-debounced-value.ts';

const BROWSE_LIMIT = 50;

function extraFields(item: ReferenceItem): [string, string][] {
  return Object.entries(item)
    .filter(([key, value]) => key !== 'code' && key !== 'label' && value !== null && value !== undefined && value !== '')
    .map(([key, value]) => [key, typeof value === 'object' ? JSON.stringify(value) : String(value)]);
}

export function ReferenceDataPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const [kind, setKind] = useState<ReferenceKind>('countries');
  const [chosen, setChosen] = useState<ReferenceItem | null>(null);
  const [text, setText] = useState('');
  const term = useDebouncedValue(text.trim(), 250);

  const browse = useQuery({
    queryKey: referenceQueryKey(kind, term, i18n.language, BROWSE_LIMIT),
    queryFn: () => searchReference(kind, term, i18n.language, BROWSE_LIMIT),
    placeholderData: (previous) => previous,
  });

  const switchKind = (next: ReferenceKind) => {
    setKind(next);
    setChosen(null);
    setText('');
  };

  const items = browse.data?.items ?? [];
  return (
    <>
      <PageHeader title={t('reference.title')} intro={t('reference.intro')} />
      <section className="panel">
        <div className="form-grid">
          <div className="field">
            <label htmlFor="reference-kind">{t('reference.kind')}</label>
            <select id="reference-kind" value={kind} onChange={(e) => switchKind(e.target.value as ReferenceKind)}>
              {REFERENCE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`reference.kinds.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <Typeahead
            key={kind}
            id="reference-search"
            kind={kind}
            label={t('reference.search')}
            hint={t('reference.searchHint')}
            value={chosen?.code ?? null}
            onChange={(_code, item) => setChosen(item)}
            onTextChange={setText}
          />
        </div>
        {chosen && (
          <div className="reference-chosen" data-testid="reference-chosen">
            <h2>{chosen.label}</h2>
            <dl className="details">
              <div className="details-row">
                <dt>{t('reference.code')}</dt>
                <dd>
                  <code>{chosen.code}</code>
                </dd>
              </div>
              {extraFields(chosen).map(([key, value]) => (
                <div key={key} className="details-row">
                  <dt>{key}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          </div>
        )}
      </section>

      <section className="panel">
        <div className="panel-header">
          <h2>{t(`reference.kinds.${kind}`)}</h2>
          <span className="muted">{t('reference.shown', { count: format.number(items.length) })}</span>
        </div>
        {browse.isError && (
          <div className="alert alert-error" role="alert">
            {errorMessage(browse.error)}
          </div>
        )}
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('reference.code')}</th>
                <th scope="col">{t('reference.label')}</th>
                <th scope="col">{t('reference.details')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.code}>
                  <td>
                    <code>{item.code}</code>
                  </td>
                  <td>{item.label}</td>
                  <td className="muted small" dir="auto">
                    {extraFields(item)
                      .map(([key, value]) => `${key}: ${value}`)
                      .join(' · ')}
                  </td>
                </tr>
              ))}
              {items.length === 0 && !browse.isPending && (
                <tr>
                  <td colSpan={3} className="empty">
                    {t('reference.noMatches')}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
