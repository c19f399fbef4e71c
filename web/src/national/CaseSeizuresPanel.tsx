import { useState, type FormEvent } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, useErrorMessage, useFormErrors } from '../app/forms.tsx';
import { useFormat } from '../app/format.ts';
import { useWrite } from '../app/mutation.ts';
import { useToasts } from '../app/toasts.tsx';
import type { Summary } from '../seizures/seizures-api.ts';
import { useCaseAnswer } from './case-cache.ts';
import { nationalApi, type CaseView } from './national-api.ts';
import { SeizurePicker } from './SeizurePicker.tsx';

/** The seizures of the case; an officer who writes adds and removes them. */
export function CaseSeizuresPanel({ view, editable }: { view: CaseView; editable: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const toasts = useToasts();
  const errorMessage = useErrorMessage();
  const answered = useCaseAnswer();
  const [seizure, setSeizure] = useState<Summary | null>(null);
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
      await answered(await nationalApi.addCaseSeizure(view.id, seizure.id));
      setSeizure(null);
      toasts.show({ tone: 'success', title: t('national.seizures.added', { reference: seizure.reference }) });
    });
  };

  return (
    <section className="panel stack" aria-labelledby="case-seizures-title">
      <h2 className="section-title" id="case-seizures-title">
        {t('national.seizures.ofCase')}
      </h2>
      <div className="table-wrap">
        <table data-testid="case-seizures">
          <thead>
            <tr>
              <th scope="col">{t('national.fields.seizure')}</th>
              <th scope="col">{t('national.fields.seizedAt')}</th>
              {editable && <th scope="col">{t('common.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {view.seizures.map((s) => (
              <tr key={s.seizureId}>
                <td>
                  <Link to="/seizures/$id" params={{ id: s.seizureId }}>
                    {s.reference}
                  </Link>
                </td>
                <td className="nowrap">{format.date(s.seizedAt)}</td>
                {editable && (
                  <td>
                    <button type="button" className="button button-small button-danger-outline" disabled={removal.pending} onClick={() => void removal.run(async () => answered(await nationalApi.removeCaseSeizure(view.id, s.seizureId)))}>
                      {t('national.form.remove')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
            {view.seizures.length === 0 && (
              <tr>
                <td colSpan={editable ? 3 : 2} className="empty">
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
          <SeizurePicker id="case-seizure" value={seizure} onChange={setSeizure} error={errors.fields.seizureId} />
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
