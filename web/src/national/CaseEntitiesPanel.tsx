import { useState, type FormEvent } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, useErrorMessage, useFormErrors } from '../app/forms.tsx';
import { useWrite } from '../app/mutation.ts';
import { useToasts } from '../app/toasts.tsx';
import { useCaseAnswer } from './case-cache.ts';
import { EntityPicker } from './EntityPicker.tsx';
import { KindBadge } from './KindBadge.tsx';
import { nationalApi, type CaseView, type EntitySummary, type ParticipationRole } from './national-api.ts';
import { RoleSelect } from './RoleSelect.tsx';

/** The persons, companies, means of transport and documents of the case, each with its role. */
export function CaseEntitiesPanel({ view, editable }: { view: CaseView; editable: boolean }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const errorMessage = useErrorMessage();
  const answered = useCaseAnswer();
  const [entity, setEntity] = useState<EntitySummary | null>(null);
  const [role, setRole] = useState<ParticipationRole>('suspect');
  const { errors, capture, clear, setErrors } = useFormErrors();
  const write = useWrite(capture);
  const removal = useWrite((error) => toasts.show({ tone: 'error', title: t('errors.actionFailed'), body: errorMessage(error) }));

  const add = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    if (!entity) {
      setErrors({ detail: null, fields: { entityId: t('national.links.pickOther') } });
      return;
    }
    await write.run(async () => {
      await answered(await nationalApi.addCaseEntity(view.id, entity.id, role));
      setEntity(null);
      toasts.show({ tone: 'success', title: t('national.cases.entityAdded', { label: entity.label }) });
    });
  };

  return (
    <section className="panel stack" aria-labelledby="case-entities-title">
      <h2 className="section-title" id="case-entities-title">
        {t('national.cases.entities')}
      </h2>
      <div className="table-wrap">
        <table data-testid="case-entities">
          <thead>
            <tr>
              <th scope="col">{t('national.fields.label')}</th>
              <th scope="col">{t('national.fields.kind')}</th>
              <th scope="col">{t('national.fields.role')}</th>
              {editable && <th scope="col">{t('common.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {view.entities.map(({ entity: e, role: r }) => (
              <tr key={`${e.id}-${r}`}>
                <td>
                  <Link to="/national/entities/$id" params={{ id: e.id }} dir="auto">
                    {e.label}
                  </Link>{' '}
                  <span className="muted small" dir="auto">
                    {e.detail ?? ''}
                  </span>
                </td>
                <td>
                  <KindBadge kind={e.kind} />
                </td>
                <td>{t(`national.roles.${r}`)}</td>
                {editable && (
                  <td>
                    <button type="button" className="button button-small button-danger-outline" disabled={removal.pending} onClick={() => void removal.run(async () => answered(await nationalApi.removeCaseEntity(view.id, e.id, r)))}>
                      {t('national.form.remove')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
            {view.entities.length === 0 && (
              <tr>
                <td colSpan={editable ? 4 : 3} className="empty">
                  {t('national.cases.noEntities')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {editable && (
        <form className="stack" onSubmit={add} noValidate aria-label={t('national.cases.addEntity')}>
          <ErrorSummary errors={errors} knownFields={['entityId']} />
          <EntityPicker id="case-entity" value={entity} onChange={setEntity} error={errors.fields.entityId} />
          <div className="form-grid">
            <RoleSelect id="case-entity-role" value={role} onChange={setRole} error={errors.fields.role} />
          </div>
          <div className="button-row">
            <button type="submit" className="button" disabled={write.pending}>
              {t('national.cases.addEntity')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
