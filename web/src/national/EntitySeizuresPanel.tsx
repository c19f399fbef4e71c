import { useState, type FormEvent } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, useErrorMessage, useFormErrors } from '../app/forms.tsx';
import { useFormat } from '../app/format.ts';
import { useWrite } from '../app/mutation.ts';
import { useToasts } from '../app/toasts.tsx';
import type { Summary } from '../seizures/seizures-api.ts';
import { useEntityAnswer } from './entity-cache.ts';
import { nationalApi, type EntityView, type ParticipationRole } from './national-api.ts';
import { RoleSelect } from './RoleSelect.tsx';
import { SeizurePicker } from './SeizurePicker.tsx';

/** The seizures the entity took part in, with its role in each; an officer who writes adds and removes them. */
export function EntitySeizuresPanel({ entity, editable }: { entity: EntityView; editable: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const toasts = useToasts();
  const errorMessage = useErrorMessage();
  const answered = useEntityAnswer();
  const [seizure, setSeizure] = useState<Summary | null>(null);
  const [role, setRole] = useState<ParticipationRole>('suspect');
  const { errors, capture, clear, setErrors } = useFormErrors();
  const write = useWrite(capture);
  const removal = useWrite((error) => toasts.show({ tone: 'error', title: t('errors.actionFailed'), body: errorMessage(error) }));

  const add = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    if (!seizure) {
      setErrors({ detail: null, fields: { seizureId: t('national.picker.pickSeizure') } });
      return;
    }
    await write.run(async () => {
      await answered(await nationalApi.addSeizure(entity.id, seizure.id, role));
      setSeizure(null);
      toasts.show({ tone: 'success', title: t('national.seizures.added', { reference: seizure.reference }) });
    });
  };

  return (
    <section className="panel stack" aria-labelledby="entity-seizures-title">
      <h2 className="section-title" id="entity-seizures-title">
        {t('national.seizures.title')}
      </h2>
      <div className="table-wrap">
        <table data-testid="entity-seizures">
          <thead>
            <tr>
              <th scope="col">{t('national.fields.seizure')}</th>
              <th scope="col">{t('national.fields.seizedAt')}</th>
              <th scope="col">{t('national.fields.role')}</th>
              {editable && <th scope="col">{t('common.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {entity.seizures.map((s) => (
              <tr key={`${s.seizureId}-${s.role}`}>
                <td>
                  <Link to="/seizures/$id" params={{ id: s.seizureId }}>
                    {s.reference}
                  </Link>
                </td>
                <td className="nowrap">{format.date(s.seizedAt)}</td>
                <td>{t(`national.roles.${s.role}`)}</td>
                {editable && (
                  <td>
                    <button type="button" className="button button-small button-danger-outline" disabled={removal.pending} onClick={() => void removal.run(async () => answered(await nationalApi.removeSeizure(entity.id, s.seizureId, s.role)))}>
                      {t('national.form.remove')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
            {entity.seizures.length === 0 && (
              <tr>
                <td colSpan={editable ? 4 : 3} className="empty">
                  {t('national.seizures.none')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {editable && (
        <form className="stack" onSubmit={add} noValidate aria-label={t('national.seizures.add')}>
          <ErrorSummary errors={errors} knownFields={['seizureId']} />
          <div className="form-grid">
            <SeizurePicker id="entity-seizure" value={seizure} onChange={setSeizure} error={errors.fields.seizureId} />
            <RoleSelect id="entity-seizure-role" value={role} onChange={setRole} error={errors.fields.role} />
          </div>
          <div className="button-row">
            <button type="submit" className="button" disabled={write.pending}>
              {t('national.seizures.add')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
