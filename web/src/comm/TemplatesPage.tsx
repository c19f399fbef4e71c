import { useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api.ts';
import { useErrorMessage } from '../app/forms.tsx';
import { useFormat } from '../app/format.ts';
import { useToasts } from '../app/toasts.tsx';
import { mayManage, type Operation } from './comm-api.ts';
import { formattedApi, formattedKeys, labelIn, type FieldOption, type Labels, type Template, type TemplateField } from './formatted-api.ts';
import { OperationFrame, retryUnlessRefused } from './OperationFrame.tsx';

/** The languages a template's labels are written in (English required, the others fall back to it). */
const LANGS = ['en', 'fr', 'es', 'pt', 'ru', 'fa-AF', 'ur'] as const;
type Lang = (typeof LANGS)[number];
type Draft = { prefix: string; names: Labels; definition: Template['definition'] };
type Section = Template['definition']['sections'][number];

/** The operation's templates: every member reads them; the OCU+ changes them (each change a new version). */
export function TemplatesPage() {
  const { opId } = useParams({ from: '/operations/$opId/templates' });
  return (
    <OperationFrame opId={opId} tab="templates">
      {(op) => <TemplateList op={op} />}
    </OperationFrame>
  );
}

function TemplateList({ op }: { op: Operation }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const templates = useQuery({ queryKey: formattedKeys.templates(op.id), queryFn: () => formattedApi.templates(op.id), retry: retryUnlessRefused });
  return (
    <section className="panel stack">
      <p className="muted">{mayManage(op.myRole) ? t('comm.templates.introManager') : t('comm.templates.introReader')}</p>
      {templates.isError && (
        <div className="alert alert-error" role="alert">
          {errorMessage(templates.error)}
        </div>
      )}
      <div className="table-wrap">
        <table data-testid="templates">
          <thead>
            <tr>
              <th scope="col">{t('comm.templates.name')}</th>
              <th scope="col">{t('comm.templates.code')}</th>
              <th scope="col">{t('comm.templates.prefix')}</th>
              <th scope="col" className="numeric">{t('comm.templates.version')}</th>
              <th scope="col">{t('comm.templates.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {(templates.data?.items ?? []).map((x) => (
              <tr key={x.id} data-template={x.code}>
                <td>
                  <Link to="/operations/$opId/templates/$templateId" params={{ opId: op.id, templateId: x.id }}>
                    {labelIn(x.names, i18n.language)}
                  </Link>{' '}
                  {x.builtin && <span className="badge badge-muted">{t('comm.templates.builtin')}</span>}
                </td>
                <td className="mono">{x.code}</td>
                <td className="mono">{x.prefix}</td>
                <td className="numeric" data-testid="template-version">
                  {format.number(x.version)}
                </td>
                <td className="nowrap">{format.dateTime(x.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** One template: its sections and fields; the OCU+ edits labels, options and required flags, or the whole definition as JSON. */
export function TemplatePage() {
  const { opId, templateId } = useParams({ from: '/operations/$opId/templates/$templateId' });
  return (
    <OperationFrame opId={opId} tab="templates">
      {(op) => <TemplateView op={op} templateId={templateId} />}
    </OperationFrame>
  );
}

function TemplateView({ op, templateId }: { op: Operation; templateId: string }) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const [editing, setEditing] = useState(false);
  const template = useQuery({ queryKey: [...formattedKeys.templates(op.id), templateId], queryFn: () => formattedApi.template(op.id, templateId), retry: retryUnlessRefused });
  if (template.isPending) return <p className="muted">{t('common.loading')}</p>;
  if (template.isError)
    return (
      <div className="alert alert-error" role="alert">
        {errorMessage(template.error)}
      </div>
    );
  const x = template.data;
  const lang = i18n.language;
  return (
    <div className="stack">
      <div className="toolbar">
        <h2 className="section-title">
          {labelIn(x.names, lang)} <span className="mono muted">{x.code}</span>{' '}
          <span className="badge badge-muted" data-testid="template-version">
            {t('comm.templates.versionN', { n: x.version })}
          </span>
        </h2>
        <div className="button-row">
          <Link to="/operations/$opId/templates" params={{ opId: op.id }} className="button button-small button-ghost">
            {t('comm.templates.back')}
          </Link>
          {mayManage(op.myRole) && !editing && (
            <button type="button" className="button button-small button-primary" onClick={() => setEditing(true)}>
              {t('common.edit')}
            </button>
          )}
        </div>
      </div>
      {editing ? <TemplateEditor key={x.version} op={op} template={x} onDone={() => setEditing(false)} /> : <TemplateReadOnly template={x} />}
    </div>
  );
}

function useTypeName() {
  const { t } = useTranslation();
  return (type: string) => t(`comm.templates.types.${type}`, { defaultValue: type });
}

function TemplateReadOnly({ template }: { template: Template }) {
  const { t, i18n } = useTranslation();
  const typeName = useTypeName();
  const lang = i18n.language;
  const options = (f: TemplateField) => ('options' in f ? f.options.map((o) => labelIn(o.labels, lang)).join(', ') : '');
  const row = (f: TemplateField, inGroup?: string) => (
    <tr key={`${inGroup ?? ''}${f.key}`} data-field={f.key}>
      <th scope="row">
        {inGroup && <span className="muted">{inGroup} › </span>}
        {labelIn(f.labels, lang)}
      </th>
      <td className="mono">{f.key}</td>
      <td>{typeName(f.type)}</td>
      <td>{f.required ? t('comm.templates.requiredYes') : ''}</td>
      <td className="small">{options(f)}</td>
    </tr>
  );
  return (
    <>
      {template.definition.sections.map((s) => (
        <section key={s.key} className="panel" data-section={s.key}>
          <h3 className="section-title">{labelIn(s.labels, lang)}</h3>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('comm.templates.field')}</th>
                  <th scope="col">{t('comm.templates.key')}</th>
                  <th scope="col">{t('comm.templates.type')}</th>
                  <th scope="col">{t('comm.templates.required')}</th>
                  <th scope="col">{t('comm.templates.options')}</th>
                </tr>
              </thead>
              <tbody>{s.fields.flatMap((f) => [row(f), ...(f.type === 'group' ? f.fields.map((g) => row(g, labelIn(f.labels, lang))) : [])])}</tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  );
}

/** "Section General › Subject › English label" for definition.sections.0.fields.3.labels.en. */
function usePathName(draft: Draft) {
  const { t, i18n } = useTranslation();
  return (path: string) => {
    const parts = path.replace(/^body\./, '').split('.');
    const out: string[] = [];
    let section: Section | undefined;
    let field: TemplateField | undefined;
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i];
      const next = parts[i + 1];
      if (p === 'definition') continue;
      if (p === 'sections' && next !== undefined) {
        section = draft.definition.sections[Number(next)];
        out.push(section ? labelIn(section.labels, i18n.language) || section.key : `#${Number(next) + 1}`);
        i++;
      } else if (p === 'fields' && next !== undefined) {
        const list: TemplateField[] = field?.type === 'group' ? field.fields : (section?.fields ?? []);
        field = list[Number(next)];
        out.push(field ? labelIn(field.labels, i18n.language) || field.key : `#${Number(next) + 1}`);
        i++;
      } else if (p === 'options' && next !== undefined) {
        const o = field && 'options' in field ? field.options[Number(next)] : undefined;
        out.push(t('comm.templates.optionN', { n: Number(next) + 1, code: o?.code ?? '' }));
        i++;
      } else if ((p === 'labels' || p === 'names') && next !== undefined) {
        out.push(t('comm.templates.labelIn', { lang: t(`comm.templates.langs.${next}`, { defaultValue: next }) }));
        i++;
      } else out.push(p);
    }
    return out.join(' › ');
  };
}

function TemplateEditor({ op, template, onDone }: { op: Operation; template: Template; onDone(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const errorMessage = useErrorMessage();
  const [draft, setDraft] = useState<Draft>(() => structuredClone({ prefix: template.prefix, names: template.names as Labels, definition: template.definition }));
  const [lang, setLang] = useState<Lang>('en');
  const [mode, setMode] = useState<'form' | 'json'>('form');
  const [json, setJson] = useState('');
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ detail: string | null; fields: { field: string; message: string }[] }>({ detail: null, fields: [] });
  const [busy, setBusy] = useState(false);
  const pathName = usePathName(draft);
  const errorAt = (path: string) => errors.fields.find((e) => e.field === path)?.message;
  const change = (edit: (d: Draft) => void) =>
    setDraft((d) => {
      const next = structuredClone(d);
      edit(next);
      return next;
    });

  const parseJson = (): Draft | null => {
    try {
      const definition = JSON.parse(json) as Draft['definition'];
      setJsonError(null);
      return { ...draft, definition };
    } catch (e) {
      setJsonError(t('comm.templates.jsonInvalid', { detail: e instanceof Error ? e.message : '' }));
      return null;
    }
  };
  const switchTo = (next: 'form' | 'json') => {
    if (next === mode) return;
    if (next === 'json') {
      setJson(JSON.stringify(draft.definition, null, 2));
      setMode('json');
    } else {
      const parsed = parseJson();
      if (parsed) {
        setDraft(parsed);
        setMode('form');
      }
    }
  };

  const save = async () => {
    const toSave = mode === 'json' ? parseJson() : draft;
    if (!toSave) return;
    setBusy(true);
    setErrors({ detail: null, fields: [] });
    try {
      const saved = await formattedApi.updateTemplate(op.id, template.id, toSave);
      queryClient.setQueryData([...formattedKeys.templates(op.id), template.id], saved);
      await queryClient.invalidateQueries({ queryKey: formattedKeys.templates(op.id), exact: true });
      toasts.show({ tone: 'success', title: t('comm.templates.saved', { n: saved.version }) });
      onDone();
    } catch (error) {
      const list = error instanceof ApiError ? (error.problem.errors ?? []).map((e) => ({ field: e.field.replace(/^body\./, ''), message: e.message })) : [];
      setErrors({ detail: errorMessage(error), fields: list });
      setBusy(false);
    }
  };

  const labelInput = (id: string, labels: Labels, path: string, onChange: (labels: Labels) => void, label: ReactNode) => {
    const value = (labels as Record<string, string | undefined>)[lang] ?? '';
    const error = errorAt(`${path}.${lang}`);
    return (
      <div className={`field${error ? ' field-invalid' : ''}`}>
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          type="text"
          value={value}
          placeholder={lang === 'en' ? undefined : labels.en}
          dir="auto"
          aria-invalid={!!error}
          onChange={(e) => {
            const next = { ...labels } as Record<string, string>;
            if (e.target.value === '' && lang !== 'en') delete next[lang];
            else next[lang] = e.target.value;
            onChange(next as Labels);
          }}
        />
        {error && <p className="field-error">{error}</p>}
      </div>
    );
  };

  const fieldEditor = (f: TemplateField, path: string, at: (d: Draft) => TemplateField): ReactNode => (
    <div key={path} className="panel stack" data-edit-field={f.key}>
      <div className="form-grid">
        {labelInput(`tpl-${path}-label`, f.labels, `${path}.labels`, (labels) => change((d) => void (at(d).labels = labels)), t('comm.templates.fieldLabel', { key: f.key }))}
        <div className="field">
          <span className="muted small">
            {t('comm.templates.key')}: <span className="mono">{f.key}</span> · {t('comm.templates.type')}: {t(`comm.templates.types.${f.type}`, { defaultValue: f.type })}
          </span>
          <label className="checkbox">
            <input type="checkbox" checked={!!f.required} onChange={(e) => change((d) => void (at(d).required = e.target.checked))} />
            {t('comm.templates.required')}
          </label>
        </div>
      </div>
      {'options' in f && (
        <fieldset className="checkbox-group">
          <legend>{t('comm.templates.options')}</legend>
          {f.options.map((o, oi) => {
            const optAt = (d: Draft) => (at(d) as { options: FieldOption[] }).options[oi];
            const codeError = errorAt(`${path}.options.${oi}.code`);
            return (
              <div key={oi} className="form-grid" data-option={o.code}>
                <div className={`field${codeError ? ' field-invalid' : ''}`}>
                  <label htmlFor={`tpl-${path}-o${oi}-code`}>{t('comm.templates.optionCode')}</label>
                  <input id={`tpl-${path}-o${oi}-code`} type="text" className="mono" dir="ltr" value={o.code} aria-invalid={!!codeError} onChange={(e) => change((d) => void (optAt(d).code = e.target.value.toUpperCase()))} />
                  {codeError && <p className="field-error">{codeError}</p>}
                </div>
                {labelInput(`tpl-${path}-o${oi}-label`, o.labels, `${path}.options.${oi}.labels`, (labels) => change((d) => void (optAt(d).labels = labels)), t('comm.templates.optionLabel'))}
                <div className="field">
                  <button type="button" className="button button-small button-ghost" onClick={() => change((d) => void (at(d) as { options: FieldOption[] }).options.splice(oi, 1))}>
                    {t('comm.templates.removeOption', { code: o.code })}
                  </button>
                </div>
              </div>
            );
          })}
          <div>
            <button type="button" className="button button-small" onClick={() => change((d) => void (at(d) as { options: FieldOption[] }).options.push({ code: '', labels: { en: '' } }))}>
              {t('comm.templates.addOption')}
            </button>
          </div>
        </fieldset>
      )}
      {f.type === 'group' && (
        <div className="stack">
          <p className="muted small">{t('comm.templates.groupFields')}</p>
          {f.fields.map((g, gi) => fieldEditor(g, `${path}.fields.${gi}`, (d) => (at(d) as { fields: TemplateField[] }).fields[gi]))}
        </div>
      )}
    </div>
  );

  return (
    <div className="stack" data-testid="template-editor">
      <section className="panel stack">
        <p className="muted">{t('comm.templates.editIntro')}</p>
        <div className="toolbar">
          <div className="button-row" role="group" aria-label={t('comm.templates.editMode')}>
            {(['form', 'json'] as const).map((m) => (
              <button key={m} type="button" className={`button button-small${mode === m ? ' button-primary' : ''}`} aria-pressed={mode === m} onClick={() => switchTo(m)}>
                {t(`comm.templates.mode.${m}`)}
              </button>
            ))}
          </div>
          {mode === 'form' && (
            <div className="field field-inline">
              <label htmlFor="tpl-lang">{t('comm.templates.labelsLanguage')}</label>
              <select id="tpl-lang" value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
                {LANGS.map((l) => (
                  <option key={l} value={l}>
                    {t(`comm.templates.langs.${l}`)}
                  </option>
                ))}
              </select>
            </div>
          )}
        </div>
        {(errors.detail || errors.fields.length > 0) && (
          <div className="alert alert-error" role="alert" data-testid="template-errors">
            <strong>{errors.detail}</strong>
            {errors.fields.length > 0 && (
              <ul>
                {errors.fields.map((e) => (
                  <li key={e.field} data-path={e.field}>
                    {pathName(e.field)}: {e.message} <span className="muted small mono">({e.field})</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        {mode === 'form' && labelInput('tpl-name', draft.names, 'names', (names) => change((d) => void (d.names = names)), t('comm.templates.name'))}
      </section>
      {mode === 'json' ? (
        <section className="panel stack">
          <div className={`field${jsonError ? ' field-invalid' : ''}`}>
            <label htmlFor="tpl-json">{t('comm.templates.definition')}</label>
            <textarea id="tpl-json" className="mono" dir="ltr" rows={28} spellCheck={false} value={json} onChange={(e) => setJson(e.target.value)} aria-invalid={!!jsonError} />
            {jsonError && <p className="field-error">{jsonError}</p>}
          </div>
        </section>
      ) : (
        draft.definition.sections.map((s, si) => (
          <section key={s.key} className="panel stack" data-section={s.key}>
            {labelInput(`tpl-s${si}-label`, s.labels, `definition.sections.${si}.labels`, (labels) => change((d) => void (d.definition.sections[si].labels = labels)), t('comm.templates.sectionLabel', { key: s.key }))}
            {s.fields.map((f, fi) => fieldEditor(f, `definition.sections.${si}.fields.${fi}`, (d) => d.definition.sections[si].fields[fi]))}
          </section>
        ))
      )}
      <div className="button-row button-row-end">
        <button type="button" className="button" disabled={busy} onClick={onDone}>
          {t('common.cancel')}
        </button>
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void save()}>
          {busy ? t('common.working') : t('comm.templates.save')}
        </button>
      </div>
    </div>
  );
}
