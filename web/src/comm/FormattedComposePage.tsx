import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, TextField, useErrorMessage, useFormErrors } from '../app/forms.tsx';
import { useToasts } from '../app/toasts.tsx';
import { ADDRESS_MODES, commApi, commKeys, type AddressMode, type Operation } from './comm-api.ts';
import { refreshMailbox } from './comm-live.ts';
import { formattedApi, formattedKeys, labelIn, type FormattedMessage, type Template } from './formatted-api.ts';
import { OperationFrame } from './OperationFrame.tsx';
import { PersonPicker } from './PersonPicker.tsx';
import type { FormattedComposeSearch } from './search-params.ts';
import { TemplateFieldInput, cleanValues, type Values } from './TemplateFields.tsx';

/** Writing a formatted message: the template's typed fields as a form, stored as a draft or submitted (numbered). */
export function FormattedComposePage() {
  const { opId } = useParams({ from: '/operations/$opId/formatted/new' });
  const search = useSearch({ strict: false }) as FormattedComposeSearch;
  const { t } = useTranslation();
  return (
    <OperationFrame opId={opId} tab="formatted" title={t('comm.formatted.write')}>
      {(op) => <Loader op={op} search={search} />}
    </OperationFrame>
  );
}

function Loader({ op, search }: { op: Operation; search: FormattedComposeSearch }) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const templates = useQuery({ queryKey: formattedKeys.templates(op.id), queryFn: () => formattedApi.templates(op.id) });
  const draft = useQuery({ queryKey: formattedKeys.one(op.id, search.draft ?? ''), queryFn: () => formattedApi.get(op.id, search.draft ?? ''), enabled: !!search.draft });
  const warning = useQuery({ queryKey: formattedKeys.one(op.id, search.answers ?? ''), queryFn: () => formattedApi.get(op.id, search.answers ?? ''), enabled: !!search.answers });
  const failed = templates.error ?? draft.error ?? warning.error;
  if (failed)
    return (
      <div className="alert alert-error" role="alert">
        {errorMessage(failed)}
      </div>
    );
  if (!templates.data || (search.draft && draft.isPending) || (search.answers && warning.isPending)) return <p className="muted">{t('common.loading')}</p>;
  const templateId = draft.data?.templateId ?? search.template;
  const template = templates.data.items.find((x) => x.id === templateId);
  if (!template)
    return (
      <section className="panel">
        <h2 className="section-title">{t('comm.formatted.chooseTemplate')}</h2>
        <div className="button-row">
          {templates.data.items.map((x) => (
            <Link key={x.id} to="/operations/$opId/formatted/new" params={{ opId: op.id }} search={{ template: x.id, answers: search.answers }} className="button">
              {labelIn(x.names, i18n.language)}
            </Link>
          ))}
        </div>
      </section>
    );
  return <FormattedForm key={`${template.id}:${search.draft ?? ''}`} op={op} template={template} draft={draft.data ?? null} warning={warning.data ?? null} />;
}

function FormattedForm({ op, template, draft, warning }: { op: Operation; template: Template; draft: FormattedMessage | null; warning: FormattedMessage | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const { errors, capture, clear } = useFormErrors();
  const members = useQuery({ queryKey: commKeys.members(op.id), queryFn: () => commApi.members(op.id) });
  const [values, setValues] = useState<Values>(() => (draft?.fields as Values) ?? {});
  const [subject, setSubject] = useState(draft?.subject ?? '');
  const initialTo = draft?.to ?? (warning ? { mode: 'chosen' as AddressMode, userIds: [warning.senderId] } : { mode: 'ncps' as AddressMode });
  const [mode, setMode] = useState<AddressMode>(initialTo.mode);
  const [chosen, setChosen] = useState<string[]>(initialTo.userIds ?? []);
  const [pick, setPick] = useState('');
  const [busy, setBusy] = useState(false);
  const linkedWarningId = draft?.linkedWarningId ?? warning?.id ?? null;
  const linkedNumber = draft?.linkedWarningNumber ?? warning?.number ?? null;

  // The summary names each field by the template's label, in the user's language (`fields.country` → "Country").
  const fieldLabels = Object.fromEntries([
    ['subject', t('comm.message.subject')],
    ['to', t('comm.compose.recipients')],
    ['to.userIds', t('comm.compose.recipients')],
    ...template.definition.sections.flatMap((section) =>
      section.fields.flatMap((field) => [
        [`fields.${field.key}`, labelIn(field.labels, lang)],
        ...(field.type === 'group' ? field.fields.map((sub) => [sub.key, labelIn(sub.labels, lang)]) : []),
      ]),
    ),
  ]);

  const memberList = members.data?.items ?? [];
  const needle = pick.trim().toLowerCase();
  const options = memberList
    .filter((m) => !chosen.includes(m.userId) && (!needle || `${m.displayName} ${m.orgName}`.toLowerCase().includes(needle)))
    .slice(0, 12)
    .map((m) => ({ id: m.userId, label: m.displayName, detail: m.orgName }));

  const save = async (submit: boolean) => {
    clear();
    setBusy(true);
    const to = mode === 'chosen' ? { mode, userIds: chosen } : { mode };
    const input = { subject: subject.trim() || undefined, fields: cleanValues(values), to, linkedWarningId };
    try {
      let saved: FormattedMessage;
      if (draft) {
        saved = await formattedApi.update(op.id, draft.id, input);
        if (submit) saved = await formattedApi.submit(op.id, draft.id, to);
      } else saved = await formattedApi.create(op.id, { ...input, templateId: template.id, submit });
      await queryClient.invalidateQueries({ queryKey: ['comm', 'operation', op.id, 'formatted'] });
      await queryClient.invalidateQueries({ queryKey: ['comm', 'operation', op.id, 'cases'] });
      if (submit) refreshMailbox(queryClient, op.id);
      toasts.show({ tone: 'success', title: submit ? t('comm.formatted.submitted', { number: saved.number ?? '' }) : t('comm.formatted.stored') });
      await navigate({ to: '/operations/$opId/formatted/$messageId', params: { opId: op.id, messageId: saved.id } });
    } catch (error) {
      capture(error);
      setBusy(false);
      window.scrollTo({ top: 0 });
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save(true);
  };

  return (
    <form className="stack" onSubmit={onSubmit} noValidate data-testid="formatted-form">
      <section className="panel stack">
        <h2 className="section-title">{labelIn(template.names, lang)}</h2>
        <p className="muted">{t('comm.formatted.numberHint')}</p>
        {linkedWarningId && (
          <p className="alert" data-testid="linked-warning">
            {t('comm.formatted.answering', { number: linkedNumber ?? '' })}
          </p>
        )}
        <ErrorSummary errors={errors} labels={fieldLabels} />
        <TextField id="formatted-subject" label={t('comm.message.subject')} value={subject} onChange={setSubject} hint={t('comm.formatted.subjectHint')} maxLength={250} dir="auto" />
        <fieldset className="checkbox-group">
          <legend>{t('comm.compose.recipients')}</legend>
          <div className="radio-row">
            {ADDRESS_MODES.map((m) => (
              <label key={m} className="checkbox">
                <input type="radio" name="formatted-to" value={m} checked={mode === m} onChange={() => setMode(m)} />
                {t(`comm.compose.modes.${m}`)}
              </label>
            ))}
          </div>
          {mode === 'chosen' && (
            <>
              <PersonPicker id="formatted-member" label={t('comm.compose.addRecipient')} text={pick} onText={setPick} options={options} onChoose={(o) => setChosen((c) => [...c, o.id])} emptyText={t('reference.noMatches')} />
              <ul className="chips" aria-label={t('comm.compose.chosen')} data-testid="chosen-recipients">
                {chosen.map((id) => (
                  <li key={id} className="chip">
                    <bdi>{memberList.find((m) => m.userId === id)?.displayName ?? (warning?.senderId === id ? warning.senderName : id)}</bdi>
                    <button type="button" className="icon-button" aria-label={t('comm.compose.removeRecipient', { name: id })} onClick={() => setChosen((c) => c.filter((x) => x !== id))}>
                      ×
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </fieldset>
      </section>
      {template.definition.sections.map((s) => (
        <section key={s.key} className="panel stack" data-section={s.key}>
          <h2 className="section-title">{labelIn(s.labels, lang)}</h2>
          <div className="form-grid">
            {s.fields
              .filter((f) => f.type !== 'group' && f.type !== 'multi_select' && f.type !== 'textarea')
              .map((f) => (
                <TemplateFieldInput key={f.key} field={f} value={values[f.key]} onChange={(v) => setValues((x) => ({ ...x, [f.key]: v }))} errors={errors.fields} opId={op.id} />
              ))}
          </div>
          {s.fields
            .filter((f) => f.type === 'group' || f.type === 'multi_select' || f.type === 'textarea')
            .map((f) => (
              <TemplateFieldInput key={f.key} field={f} value={values[f.key]} onChange={(v) => setValues((x) => ({ ...x, [f.key]: v }))} errors={errors.fields} opId={op.id} />
            ))}
        </section>
      ))}
      <div className="button-row button-row-end">
        <button type="button" className="button" disabled={busy} onClick={() => void save(false)}>
          {t('comm.formatted.store')}
        </button>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.working') : t('comm.formatted.submit')}
        </button>
      </div>
    </form>
  );
}
