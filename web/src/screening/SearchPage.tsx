import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, TextField, useFormErrors } from '../app/forms.tsx';
import { useFormat } from '../app/format.ts';
import { PageHeader } from '../app/PageHeader.tsx';
import { useMe } from '../app/session.tsx';
import { FieldInput } from './FieldInput.tsx';
import { byFormField, toApiValues, type FormValues } from './form-values.ts';
import { HitsTable } from './HitsTable.tsx';
import { SEARCH_FIELDS } from './list-fields.ts';
import { ListSelect } from './ListSelect.tsx';
import { RecordDetail } from './RecordDetail.tsx';
import { OnBehalfOfField } from './OnBehalfOfField.tsx';
import { ScreeningNav } from './ScreeningNav.tsx';
import { screeningApi, type ListName, type MrzReading, type ScreeningHit, type SearchBody, type SearchHit, type WatchRecord } from './screening-api.ts';
import { MrzReadingPanel } from './MrzReadingPanel.tsx';
import { localiseScreeningFields, useScreeningErrorMessage } from './screening-messages.ts';
import { searchesOnBehalf } from './screening-roles.ts';

const KNOWN_FIELDS = ['identifier', 'list', 'onBehalfOfOrgId', ...new Set(Object.values(SEARCH_FIELDS).flatMap((defs) => defs.map((d) => d.name)))];

/** One item, by identifier or by the chosen list's fields; the reply is first level only. */
export function SearchPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const [identifier, setIdentifier] = useState('');
  const [list, setList] = useState<ListName | ''>('');
  const [fields, setFields] = useState<FormValues>({});
  const [oneEdit, setOneEdit] = useState(true);
  const [onBehalfOf, setOnBehalfOf] = useState('');
  const [busy, setBusy] = useState(false);
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [queryId, setQueryId] = useState('');
  const [mrz, setMrz] = useState<MrzReading | null>(null);
  const [opened, setOpened] = useState<{ list: ListName; hit: ScreeningHit; record: WatchRecord } | null>(null);
  const [opening, setOpening] = useState('');
  const [openError, setOpenError] = useState<string | null>(null);
  const errorMessage = useScreeningErrorMessage();
  const { errors, capture, clear, setErrors } = useFormErrors();
  const screeningMessage = useScreeningErrorMessage();
  const fieldDefs = list ? SEARCH_FIELDS[list] : [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    setBusy(true);
    const given = toApiValues(fieldDefs, fields);
    const body: SearchBody = {
      ...(identifier.trim() ? { identifier: identifier.trim() } : {}),
      ...(list ? { list } : {}),
      ...(Object.keys(given).length ? { fields: given } : {}),
      oneEdit,
      ...(onBehalfOf ? { onBehalfOfOrgId: onBehalfOf } : {}),
    };
    setOpened(null);
    setOpenError(null);
    try {
      const reply = await screeningApi.search(body);
      setQueryId(reply.queryId);
      setHits(reply.hits);
      setMrz(reply.mrz ?? null);
    } catch (error) {
      setHits(null);
      setMrz(null);
      capture(error, screeningMessage(error) ?? undefined);
      setErrors((e) => ({ ...e, fields: localiseScreeningFields(byFormField(e.fields), t) }));
    } finally {
      setBusy(false);
    }
  };

  const open = async (hit: SearchHit) => {
    setOpening(hit.recordId);
    setOpenError(null);
    try {
      const reply = await screeningApi.openCandidate(queryId, hit.recordId);
      setOpened({ list: hit.list, ...reply });
    } catch (error) {
      setOpenError(errorMessage(error));
    } finally {
      setOpening('');
    }
  };

  return (
    <>
      <PageHeader title={t('screening.search.title')} intro={t('screening.search.intro')} />
      <ScreeningNav />
      <section className="panel">
        <form onSubmit={submit} noValidate className="stack" role="search">
          <ErrorSummary errors={errors} knownFields={KNOWN_FIELDS} />
          <div className="form-grid">
            <TextField id="search-identifier" label={t('screening.search.identifier')} value={identifier} onChange={setIdentifier} error={errors.fields.identifier} hint={`${t('screening.search.identifierHint')} ${t('screening.search.mrzHint')}`} dir="ltr" autoComplete="off" />
            <ListSelect
              id="search-list"
              value={list}
              onChange={(l) => {
                setList(l);
                setFields({});
              }}
              allowAll
            />
          </div>
          {fieldDefs.length > 0 && (
            <fieldset className="form-grid">
              <legend>{t('screening.search.byFields')}</legend>
              {fieldDefs.map((def) => (
                <FieldInput key={def.name} idPrefix="search" def={def} list={list as ListName} value={fields[def.name] ?? ''} onChange={(v) => setFields((f) => ({ ...f, [def.name]: v }))} error={errors.fields[def.name]} searching />
              ))}
            </fieldset>
          )}
          <label className="checkbox">
            <input type="checkbox" checked={oneEdit} onChange={(e) => setOneEdit(e.target.checked)} />
            <span>{t('screening.search.oneEdit')}</span>
          </label>
          {searchesOnBehalf(me.roles) && <OnBehalfOfField value={onBehalfOf} onChange={setOnBehalfOf} error={errors.fields.onBehalfOfOrgId} />}
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? t('common.working') : t('common.search')}
            </button>
          </div>
        </form>
      </section>
      {mrz && <MrzReadingPanel mrz={mrz} />}
      {hits && (
        <section className="panel" aria-live="polite">
          <h2 className="section-title" data-testid="search-summary">
            {hits.length ? t('screening.search.candidates', { count: format.number(hits.length) }) : t('screening.search.noHits')}
          </h2>
          {openError && (
            <div className="alert alert-error" role="alert">
              {openError}
            </div>
          )}
          {hits.length > 0 && (
            <HitsTable
              hits={hits}
              caption={t('screening.search.title')}
              action={(hit) => (
                <button type="button" className="button button-small" disabled={opening !== ''} onClick={() => void open(hit)}>
                  {opening === hit.recordId ? t('common.working') : t('screening.detail.open')}
                </button>
              )}
            />
          )}
          {hits.length > 0 && <p className="muted small">{t('screening.search.firstLevelNote')}</p>}
        </section>
      )}
      {opened && (
        <section className="panel" aria-labelledby="record-detail-title">
          <h2 className="section-title" id="record-detail-title">
            {t('screening.detail.title', { list: t(`screening.lists.${opened.list}`) })}
          </h2>
          <RecordDetail key={opened.hit.id} list={opened.list} record={opened.record} hit={opened.hit} />
        </section>
      )}
    </>
  );
}
