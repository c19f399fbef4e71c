import { useEffect, useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, useFormErrors } from '../app/forms.tsx';
import { useFormat } from '../app/format.ts';
import { PageHeader } from '../app/PageHeader.tsx';
import { importApi, templateUrl, uploadType, type ImportView } from './import-api.ts';
import { useCsrfToken } from '../app/session.tsx';
import { SeizuresNav } from './SeizuresNav.tsx';
import { useLiveEvent } from '../app/live-events.ts';
import { seizureKeys, uploadRaw } from './seizures-api.ts';

// The server sends the progress as it goes (seizure.import); a slow read again covers a stream that is down.
const FALLBACK_POLL_MS = 5000;
const RUNNING = new Set(['validating', 'committing']);

/** Import a CSV or XLSX file: upload with progress, column mapping, validation with progress, preview, commit. */
export function ImportPage() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState<ImportView | null>(null);
  const queryClient = useQueryClient();

  // While the server works on the file, its progress is read again and again.
  const id = current?.id ?? '';
  const running = !!current && RUNNING.has(current.status);
  // One query per phase, so that the answer of an earlier phase never stands for the running one.
  const poll = useQuery({
    queryKey: ['seizures', 'import', id, current?.status, current?.commitMode],
    queryFn: () => importApi.get(id),
    enabled: running,
    staleTime: 0,
    refetchInterval: running ? FALLBACK_POLL_MS : false,
  });
  useLiveEvent('seizure.import', (event) => {
    if (running && event.id === id) void poll.refetch();
  });
  const signature = (v: ImportView | null | undefined) => (v ? `${v.status}|${v.processedRows}|${v.progress}|${v.updatedAt}` : '');
  const seen = signature(current);
  useEffect(() => {
    if (poll.data && poll.data.id === id && signature(poll.data) !== seen && Date.parse(poll.data.updatedAt) >= Date.parse(current?.updatedAt ?? '')) {
      setCurrent(poll.data);
      if (poll.data.status === 'committed') void queryClient.invalidateQueries({ queryKey: seizureKeys.all });
    }
  }, [poll.data, id, seen, queryClient]);

  return (
    <>
      <PageHeader title={t('seizures.import.title')} intro={t('seizures.import.intro')} />
      <SeizuresNav />
      <Templates />
      {!current && <UploadStep onUploaded={setCurrent} />}
      {current && (
        <>
          <section className="panel" aria-labelledby="import-file-title">
            <h2 className="section-title" id="import-file-title">
              {t('seizures.import.stepUpload')}
            </h2>
            <FileInfo view={current} />
          </section>
          {(current.status === 'uploaded' || current.status === 'validated' || current.status === 'failed') && !current.committedAt && (
            <MappingStep key={current.id} view={current} onValidating={setCurrent} />
          )}
          {current.status !== 'uploaded' && <CheckStep view={current} />}
          {(current.status === 'validated' || current.status === 'committing' || current.status === 'committed' || (current.status === 'failed' && current.commitMode)) && (
            <CommitStep view={current} onCommitting={setCurrent} onAnother={() => setCurrent(null)} />
          )}
        </>
      )}
    </>
  );
}

function Templates() {
  const { t } = useTranslation();
  const fields = useQuery({ queryKey: ['seizures', 'import-fields'], queryFn: importApi.fields, staleTime: Infinity });
  return (
    <section className="panel stack" aria-labelledby="templates-title">
      <h2 className="section-title" id="templates-title">
        {t('seizures.import.templates')}
      </h2>
      <div className="button-row">
        <a className="button button-small" href={templateUrl('csv')} download>
          {t('seizures.import.templateCsv')}
        </a>
        <a className="button button-small" href={templateUrl('xlsx')} download>
          {t('seizures.import.templateXlsx')}
        </a>
      </div>
      {fields.data && (
        <details>
          <summary>{t('seizures.import.fieldsList')}</summary>
          <dl className="details">
            {fields.data.items.map((f) => (
              <div className="details-row" key={f.name}>
                <dt dir="ltr">
                  <code>{f.name}</code> {f.required && <span className="badge badge-warning">{t('seizures.import.fieldRequired')}</span>}
                </dt>
                <dd>
                  {f.description}
                  {f.values && <span className="muted"> ({f.values.join(', ')})</span>}
                </dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </section>
  );
}

function UploadStep({ onUploaded }: { onUploaded(view: ImportView): void }) {
  const { t } = useTranslation();
  const csrf = useCsrfToken();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const { errors, capture, clear, setErrors } = useFormErrors();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    if (!file) {
      setErrors({ detail: null, fields: { file: t('seizures.import.chooseFile') } });
      return;
    }
    const type = uploadType(file);
    if (!type) {
      setErrors({ detail: null, fields: { file: t('seizures.import.wrongType', { name: file.name }) } });
      return;
    }
    setProgress(0);
    try {
      onUploaded(await uploadRaw<ImportView>(`/seizures/imports?name=${encodeURIComponent(file.name)}`, file, type, csrf(), setProgress));
    } catch (error) {
      capture(error);
    } finally {
      setProgress(null);
    }
  };

  return (
    <section className="panel" aria-labelledby="upload-title">
      <form className="stack" onSubmit={submit} noValidate aria-labelledby="upload-title">
        <h2 className="section-title" id="upload-title">
          {t('seizures.import.stepUpload')}
        </h2>
        <ErrorSummary errors={errors} knownFields={['file']} />
        <div className={`field${errors.fields.file ? ' field-invalid' : ''}`}>
          <label htmlFor="import-file">{t('seizures.import.file')}</label>
          <input
            id="import-file"
            type="file"
            accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            aria-invalid={errors.fields.file ? true : undefined}
            aria-describedby={errors.fields.file ? 'import-file-error' : 'import-file-hint'}
          />
          {errors.fields.file ? (
            <p className="field-error" id="import-file-error" data-field-error="import-file">
              {errors.fields.file}
            </p>
          ) : (
            <p className="field-hint" id="import-file-hint">
              {t('seizures.import.fileHint')}
            </p>
          )}
        </div>
        {progress !== null && (
          <div className="stack">
            <label htmlFor="import-upload-progress">{t('seizures.import.uploading')}</label>
            <progress id="import-upload-progress" className="progress" value={progress} max={1} />
          </div>
        )}
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={progress !== null}>
            {progress !== null ? t('common.working') : t('seizures.import.upload')}
          </button>
        </div>
      </form>
    </section>
  );
}

function FileInfo({ view }: { view: ImportView }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <p data-testid="import-file" data-status={view.status}>
      {t('seizures.import.fileInfo', {
        name: view.fileName,
        size: `${format.number(Math.round(view.sizeBytes / 102.4) / 10)} KB`,
        format: view.format.toUpperCase(),
        encoding: view.encoding ?? '—',
      })}{' '}
      <span className="badge badge-muted">{t(`seizures.import.statuses.${view.status}`)}</span>
    </p>
  );
}

function MappingStep({ view, onValidating }: { view: ImportView; onValidating(view: ImportView): void }) {
  const { t } = useTranslation();
  const fields = useQuery({ queryKey: ['seizures', 'import-fields'], queryFn: importApi.fields, staleTime: Infinity });
  const [mapping, setMapping] = useState<Record<string, string>>(() => ({ ...(view.mapping ?? view.suggestedMapping) }));
  const [busy, setBusy] = useState(false);
  const { errors, capture, clear } = useFormErrors();
  // Fields the file can fill: those of the template up to the commodity lines the file has columns for, and any mapped.
  const shown = (fields.data?.items ?? []).filter((f) => {
    const line = f.name.match(/^commodity_(\d+)_/);
    return !line || Number(line[1]) <= 2 || mapping[f.name] !== undefined;
  });
  // A mapping error names the template field as the table labels it.
  const fieldLabels = Object.fromEntries((fields.data?.items ?? []).map((f) => [`mapping.${f.name}`, f.name]));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    setBusy(true);
    try {
      const clean = Object.fromEntries(Object.entries(mapping).filter(([, column]) => column));
      onValidating(await importApi.validate(view.id, clean));
    } catch (error) {
      capture(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="mapping-title">
      <form className="stack" onSubmit={submit} noValidate aria-labelledby="mapping-title">
        <h2 className="section-title" id="mapping-title">
          {t('seizures.import.stepMapping')}
        </h2>
        <p className="muted">{t('seizures.import.mappingIntro')}</p>
        <ErrorSummary errors={errors} labels={fieldLabels} />
        <div className="table-wrap">
          <table className="mapping-table" data-testid="import-mapping">
            <thead>
              <tr>
                <th scope="col">{t('seizures.import.field')}</th>
                <th scope="col">{t('seizures.import.column')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((f) => (
                <tr key={f.name} data-field={f.name}>
                  <th scope="row" dir="ltr">
                    <label htmlFor={`map-${f.name}`}>
                      <code>{f.name}</code>
                    </label>{' '}
                    {f.required && <span className="badge badge-warning">{t('seizures.import.fieldRequired')}</span>}
                    <div className="muted small" dir="auto">
                      {f.description}
                    </div>
                  </th>
                  <td>
                    <select id={`map-${f.name}`} value={mapping[f.name] ?? ''} onChange={(e) => setMapping((m) => ({ ...m, [f.name]: e.target.value }))}>
                      <option value="">{t('seizures.import.notMapped')}</option>
                      {view.columns.map((c) => (
                        <option key={c} value={c}>
                          {c}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {view.sample.length > 0 && (
          <details>
            <summary>{t('seizures.import.sample')}</summary>
            <div className="table-wrap">
              <table data-testid="import-sample">
                <thead>
                  <tr>
                    {view.columns.map((c) => (
                      <th key={c} scope="col" dir="auto">
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {view.sample.map((row, i) => (
                    <tr key={i}>
                      {row.map((cell, j) => (
                        <td key={j} dir="auto">
                          {cell}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        )}
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('common.working') : t('seizures.import.validate')}
          </button>
        </div>
      </form>
    </section>
  );
}

function CheckStep({ view }: { view: ImportView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const checked = view.status !== 'validating' && view.totalRows !== null;
  const preview = useQuery({ queryKey: ['seizures', 'import-preview', view.id, view.mapping], queryFn: () => importApi.preview(view.id), enabled: checked });
  return (
    <section className="panel stack" aria-labelledby="check-title">
      <h2 className="section-title" id="check-title">
        {t('seizures.import.stepValidate')}
      </h2>
      {view.status === 'validating' && (
        <div className="stack">
          <label htmlFor="import-validate-progress">{t('seizures.import.validating')}</label>
          <progress id="import-validate-progress" className="progress" value={view.progress} max={1} />
          <p className="muted" aria-live="polite">
            {t('seizures.import.progress', { n: format.number(view.processedRows) })}
          </p>
        </div>
      )}
      {checked && (
        <>
          <p data-testid="import-counts" aria-live="polite">
            {t('seizures.import.counts', {
              total: format.number(view.totalRows ?? 0),
              valid: format.number(view.validRows),
              errors: format.number(view.errorRows),
              stored: format.number(view.alreadyStored),
            })}
          </p>
          {view.nominalRows > 0 && <p className="alert alert-warning">{t('seizures.import.nominalCount', { n: format.number(view.nominalRows) })}</p>}
          {view.errors.length === 0 ? (
            <p className="muted">{t('seizures.import.noErrors')}</p>
          ) : (
            <div className="table-wrap">
              <table data-testid="import-errors">
                <caption>{t('seizures.import.errors')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('seizures.import.row')}</th>
                    <th scope="col">{t('seizures.import.column')}</th>
                    <th scope="col">{t('seizures.import.field')}</th>
                    <th scope="col">{t('seizures.import.message')}</th>
                  </tr>
                </thead>
                <tbody>
                  {view.errors.map((e, i) => (
                    <tr key={i} data-row={e.row} data-field={e.field}>
                      <td>{format.number(e.row)}</td>
                      <td dir="auto">{e.column ?? '—'}</td>
                      <td dir="ltr">
                        <code>{e.field}</code>
                      </td>
                      <td>{e.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {view.errors.length >= 1000 && <p className="muted small">{t('seizures.import.moreErrors')}</p>}
            </div>
          )}
          {preview.data && preview.data.rows.length > 0 && (
            <details>
              <summary>{t('seizures.import.preview')}</summary>
              <div className="table-wrap">
                <table data-testid="import-preview">
                  <thead>
                    <tr>
                      <th scope="col">{t('seizures.import.row')}</th>
                      <th scope="col">{t('seizures.search.what')}</th>
                      <th scope="col">{t('seizures.import.message')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.data.rows.map((r) => (
                      <tr key={r.row} data-row={r.row} className={r.errors.length ? 'row-invalid' : undefined}>
                        <td>{format.number(r.row)}</td>
                        <td dir="ltr" className="small">
                          {summarise(r.input)}
                        </td>
                        <td>{r.errors.length ? r.errors.map((e) => `${e.field}: ${e.message}`).join('; ') : t('seizures.import.rowOk')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          )}
        </>
      )}
    </section>
  );
}

/** A row as read, in one line: date, country, first commodity line. */
function summarise(input: Record<string, unknown>): string {
  const lines = Array.isArray(input.commodities) ? (input.commodities as Record<string, unknown>[]) : [];
  const first = lines[0];
  return [input.externalRef, input.seizedAt, input.country, first ? `${String(first.quantity ?? '')} ${String(first.unit ?? '')} ${String(first.subcategory ?? first.category ?? '')}` : null]
    .filter((x) => x !== undefined && x !== null && x !== '')
    .map(String)
    .join(' · ');
}

function CommitStep({ view, onCommitting, onAnother }: { view: ImportView; onCommitting(view: ImportView): void; onAnother(): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [mode, setMode] = useState<'all' | 'valid'>(view.errorRows > 0 ? 'valid' : 'all');
  const [submit, setSubmit] = useState(false);
  const [accept, setAccept] = useState(false);
  const [busy, setBusy] = useState(false);
  const { errors, capture, clear } = useFormErrors();
  // Rows that would be stored: the valid ones, and those only flagged as personal data once that is confirmed.
  const storable = view.validRows + (accept ? view.nominalRows : 0);
  const nothingToStore = view.status === 'validated' && storable === 0;

  const commit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    setBusy(true);
    try {
      onCommitting(await importApi.commit(view.id, { mode, submit, acceptNominalWarnings: accept || undefined }));
    } catch (error) {
      capture(error);
    } finally {
      setBusy(false);
    }
  };

  if (view.status === 'committed')
    return (
      <section className="panel stack" aria-labelledby="commit-title">
        <h2 className="section-title" id="commit-title">
          {t('seizures.import.stepCommit')}
        </h2>
        <div className="alert alert-success" role="status" data-testid="import-committed">
          {t('seizures.import.committed', { inserted: format.number(view.inserted), skipped: format.number(view.skipped) })}
        </div>
        <div className="button-row">
          <Link to="/seizures" search={{ sort: '-updatedAt' }} className="button">
            {t('seizures.import.findThem')}
          </Link>
          <button type="button" className="button" onClick={onAnother}>
            {t('seizures.import.another')}
          </button>
        </div>
      </section>
    );

  return (
    <section className="panel" aria-labelledby="commit-title">
      <form className="stack" onSubmit={commit} noValidate aria-labelledby="commit-title">
        <h2 className="section-title" id="commit-title">
          {t('seizures.import.stepCommit')}
        </h2>
        <ErrorSummary errors={errors} />
        {view.status === 'failed' && view.detail && (
          <div className="alert alert-error" role="alert">
            {t('seizures.import.failed', { detail: view.detail })}
          </div>
        )}
        {view.status === 'validated' && view.detail && (
          <div className="alert alert-warning" role="status">
            {t('seizures.import.commitInterrupted')}
          </div>
        )}
        <fieldset className="field">
          <legend>{t('seizures.import.mode')}</legend>
          <label className="checkbox">
            <input type="radio" name="import-mode" value="all" checked={mode === 'all'} onChange={() => setMode('all')} />
            <span>{t('seizures.import.modeAll')}</span>
          </label>
          <label className="checkbox">
            <input type="radio" name="import-mode" value="valid" checked={mode === 'valid'} onChange={() => setMode('valid')} />
            <span>{t('seizures.import.modeValid')}</span>
          </label>
        </fieldset>
        <label className="checkbox">
          <input type="checkbox" checked={submit} onChange={(e) => setSubmit(e.target.checked)} />
          <span>{t('seizures.import.submitToRilo')}</span>
        </label>
        {view.nominalRows > 0 && (
          <label className="checkbox">
            <input type="checkbox" checked={accept} onChange={(e) => setAccept(e.target.checked)} />
            <span>{t('seizures.import.acceptNominal')}</span>
          </label>
        )}
        {view.status === 'committing' && (
          <div className="stack">
            <label htmlFor="import-commit-progress">{t('seizures.import.committing')}</label>
            <progress id="import-commit-progress" className="progress" value={view.progress} max={1} />
          </div>
        )}
        {nothingToStore && (
          <p className="muted" id="import-nothing-to-store" data-testid="import-nothing-to-store">
            {t('seizures.import.nothingToStore')}
          </p>
        )}
        <div className="button-row">
          <button
            type="submit"
            className="button button-primary"
            disabled={busy || view.status === 'committing' || nothingToStore}
            aria-describedby={nothingToStore ? 'import-nothing-to-store' : undefined}
          >
            {busy || view.status === 'committing' ? t('common.working') : t('seizures.import.commit')}
          </button>
        </div>
      </form>
    </section>
  );
}
