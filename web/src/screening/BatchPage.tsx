import { useMemo, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describedBy, ErrorSummary, Field, useFormErrors } from '../app/forms.tsx';
import { useFormat } from '../app/format.ts';
import { PageHeader } from '../app/PageHeader.tsx';
import { useMe } from '../app/session.tsx';
import { parseBatchInput, type ParsedItem } from './batch-input.ts';
import { HitsTable } from './HitsTable.tsx';
import { ListSelect } from './ListSelect.tsx';
import { OnBehalfOfField } from './OnBehalfOfField.tsx';
import { ScreeningNav } from './ScreeningNav.tsx';
import { LISTS, MAX_BATCH_ITEMS, screeningApi, type BatchReply, type ListName } from './screening-api.ts';
import { localiseScreeningFields, useScreeningErrorMessage } from './screening-messages.ts';
import { searchesOnBehalf } from './screening-roles.ts';

const KEYED_LISTS = LISTS.filter((l) => l !== 'art');

/** A passenger list or manifest (pasted or uploaded) screened in one call; every hit in one table. */
export function BatchPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const [text, setText] = useState('');
  const [list, setList] = useState<ListName | ''>('');
  const [oneEdit, setOneEdit] = useState(false);
  const [onBehalfOf, setOnBehalfOf] = useState('');
  const [busy, setBusy] = useState(false);
  const [reply, setReply] = useState<{ result: BatchReply; items: ParsedItem[] } | null>(null);
  const { errors, capture, clear, setErrors } = useFormErrors();
  const screeningMessage = useScreeningErrorMessage();

  const parsed = useMemo(() => (text.trim() ? parseBatchInput(text) : null), [text]);
  const inputError = parsed && !parsed.ok ? t(parsed.error, parsed.params ?? {}) : errors.fields.items;

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) setText(await file.text());
    event.target.value = '';
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    if (!parsed?.ok) {
      setErrors({ detail: null, fields: { items: parsed ? t(parsed.error, parsed.params ?? {}) : t('screening.batch.errors.empty') } });
      return;
    }
    setBusy(true);
    try {
      const items = parsed.items;
      const result = await screeningApi.batch({
        items: items.map(({ line: _line, ...rest }) => rest),
        ...(list ? { list } : {}),
        oneEdit,
        ...(onBehalfOf ? { onBehalfOfOrgId: onBehalfOf } : {}),
      });
      setReply({ result, items });
    } catch (error) {
      setReply(null);
      capture(error, screeningMessage(error) ?? undefined);
      setErrors((e) => ({ ...e, fields: localiseScreeningFields(Object.fromEntries(Object.entries(e.fields).map(([f, m]) => [f.replace(/^items\.\d+\..*$/, 'items'), m])), t) }));
    } finally {
      setBusy(false);
    }
  };

  const itemsWithHits = reply ? new Set(reply.result.hits.map((h) => h.item)).size : 0;
  const hint = t('screening.batch.inputHint', { max: format.number(MAX_BATCH_ITEMS) });

  return (
    <>
      <PageHeader title={t('screening.batch.title')} intro={t('screening.batch.intro')} />
      <ScreeningNav />
      <section className="panel">
        <form onSubmit={submit} noValidate className="stack">
          <ErrorSummary errors={errors} knownFields={['items', 'onBehalfOfOrgId']} />
          <Field id="batch-input" label={t('screening.batch.input')} error={inputError} hint={hint} required>
            <textarea id="batch-input" className="batch-input" dir="ltr" spellCheck={false} rows={10} value={text} onChange={(e) => setText(e.target.value)} aria-required {...describedBy('batch-input', inputError, hint)} />
          </Field>
          <div className="field">
            <label htmlFor="batch-file">{t('screening.batch.file')}</label>
            <input id="batch-file" type="file" accept=".csv,.json,.txt,text/csv,application/json,text/plain" onChange={(e) => void upload(e)} />
          </div>
          {parsed?.ok && (
            <p className="muted" data-testid="batch-parsed">
              {t('screening.batch.parsed', { count: format.number(parsed.items.length), format: t(`screening.batch.formats.${parsed.format}`) })}
            </p>
          )}
          <div className="form-grid">
            <ListSelect id="batch-list" value={list} onChange={setList} allowAll only={KEYED_LISTS} />
          </div>
          <label className="checkbox">
            <input type="checkbox" checked={oneEdit} onChange={(e) => setOneEdit(e.target.checked)} />
            <span>{t('screening.batch.oneEdit')}</span>
          </label>
          {searchesOnBehalf(me.roles) && <OnBehalfOfField value={onBehalfOf} onChange={setOnBehalfOf} error={errors.fields.onBehalfOfOrgId} />}
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={busy || !parsed?.ok}>
              {busy ? t('common.working') : t('screening.batch.screen')}
            </button>
          </div>
        </form>
      </section>
      {reply && (
        <section className="panel" aria-live="polite">
          <div className="batch-counts" data-testid="batch-counts">
            <div>
              <span className="muted">{t('screening.batch.itemsScreened')}</span>
              <strong>{format.number(reply.result.items)}</strong>
            </div>
            <div>
              <span className="muted">{t('screening.batch.itemsWithHits')}</span>
              <strong>{format.number(itemsWithHits)}</strong>
            </div>
            <div>
              <span className="muted">{t('screening.batch.hits')}</span>
              <strong data-testid="batch-hit-count">{format.number(reply.result.hits.length)}</strong>
            </div>
          </div>
          {reply.result.hits.length > 0 ? (
            <HitsTable
              hits={reply.result.hits}
              caption={t('screening.batch.title')}
              searched={(hit) => {
                const it = reply.items[hit.item];
                return { line: it?.line ?? hit.item + 1, identifier: it?.identifier ?? '', ref: hit.ref };
              }}
            />
          ) : (
            <p>{t('screening.batch.noHits')}</p>
          )}
        </section>
      )}
    </>
  );
}
