import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api.ts';
import { ErrorSummary, useFormErrors } from '../app/forms.tsx';
import { useWrite } from '../app/mutation.ts';
import { PageHeader } from '../app/PageHeader.tsx';
import { useToasts } from '../app/toasts.tsx';
import { CandidatesPanel } from './CandidatesPanel.tsx';
import { CompanyFieldsForm } from './CompanyFieldsForm.tsx';
import { DocumentFieldsForm } from './DocumentFieldsForm.tsx';
import { draftOf, emptyDraft, fieldErrorsOf, fieldsToSave, type Draft } from './entity-form-state.ts';
import { nationalApi, nationalKeys, type EntityKind, type EntityView } from './national-api.ts';
import { NationalNav } from './NationalNav.tsx';
import { PersonFieldsForm } from './PersonFieldsForm.tsx';
import { PurposeField } from './PurposeField.tsx';
import { usePurpose } from './purpose.ts';
import { TransportFieldsForm } from './TransportFieldsForm.tsx';

/** The form of one entity, new or known, with the "Possibly the same" panel beside it. */
export function EntityEditor({ kind, entity }: { kind: EntityKind; entity: EntityView | null }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const purpose = usePurpose();
  const [draft, setDraft] = useState<Draft>(() => (entity ? draftOf(entity.kind, entity.fields) : emptyDraft(kind)));
  const { errors, capture, clear, setErrors } = useFormErrors();
  const write = useWrite((error) => capture(error, error instanceof ApiError && error.status === 409 ? t('national.form.stale') : undefined));
  const fieldErrors = fieldErrorsOf(errors.fields);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    if (!purpose) {
      setErrors({ detail: t('national.purpose.required'), fields: {} });
      document.getElementById('purpose-opening')?.focus();
      return;
    }
    const fields = fieldsToSave(draft);
    await write.run(async () => {
      const saved = entity ? await nationalApi.update(entity.id, fields, entity.version, purpose) : await nationalApi.create(draft.kind, fields, purpose);
      queryClient.setQueryData(nationalKeys.entityRead(saved.id, purpose), saved);
      await queryClient.invalidateQueries({ queryKey: nationalKeys.all, predicate: (q) => q.queryKey[1] !== 'entity' || q.queryKey[2] !== saved.id });
      toasts.show({ tone: 'success', title: t('national.form.saved', { label: saved.label }) });
      await navigate({ to: '/national/entities/$id', params: { id: saved.id } });
    });
  };

  const title = entity ? t('national.form.editTitle', { label: entity.label }) : t(`national.entities.new.${kind}`);
  const set = (fields: Draft['fields']) => setDraft((d) => ({ ...d, fields }) as Draft);
  return (
    <>
      <PageHeader title={title} intro={t('national.form.intro')} />
      <NationalNav />
      {entity && (
        <p>
          <Link to="/national/entities/$id" params={{ id: entity.id }}>
            {t('national.form.backToRecord')}
          </Link>
        </p>
      )}
      <section className="panel">
        <PurposeField action="opening" />
      </section>
      <div className="entity-editor">
        <form onSubmit={save} noValidate className="stack seizure-form entity-form" aria-label={title} data-kind={draft.kind}>
          <ErrorSummary errors={errors} knownFields={Object.keys(errors.fields).filter((f) => f.startsWith('fields.'))} />
          {draft.kind === 'person' && <PersonFieldsForm fields={draft.fields} onChange={set} errors={fieldErrors} />}
          {draft.kind === 'company' && <CompanyFieldsForm fields={draft.fields} onChange={set} errors={fieldErrors} />}
          {draft.kind === 'transport' && <TransportFieldsForm fields={draft.fields} onChange={set} errors={fieldErrors} />}
          {draft.kind === 'document' && <DocumentFieldsForm fields={draft.fields} onChange={set} errors={fieldErrors} />}
          <div className="button-row button-row-end">
            <button type="submit" className="button button-primary" disabled={write.pending}>
              {write.pending ? t('common.working') : t('common.save')}
            </button>
          </div>
        </form>
        <CandidatesPanel draft={draft} selfId={entity?.id} />
      </div>
    </>
  );
}
