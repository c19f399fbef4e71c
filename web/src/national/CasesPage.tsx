import { useState, type FormEvent } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { TextField, useErrorMessage } from '../app/forms.tsx';
import { useFormat } from '../app/format.ts';
import { PageHeader } from '../app/PageHeader.tsx';
import { useMe } from '../app/session.tsx';
import { useToasts } from '../app/toasts.tsx';
import { SelectField } from '../seizures/Select.tsx';
import { CaseFormDialog } from './CaseFormDialog.tsx';
import { CaseStatusBadge } from './CaseStatusBadge.tsx';
import { CASE_STATUSES, nationalApi, nationalKeys, type CaseStatus } from './national-api.ts';
import { canWriteNominal } from './national-roles.ts';
import { NationalNav } from './NationalNav.tsx';

/** The administration's cases (offences), filtered by status and text; a new case opens on its own page. */
export function CasesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormat();
  const toasts = useToasts();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const [status, setStatus] = useState<CaseStatus | ''>('');
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const cases = useQuery({ queryKey: nationalKeys.cases(status, q), queryFn: () => nationalApi.cases(status || undefined, q || undefined), placeholderData: keepPreviousData });
  const rows = cases.data?.cases ?? [];

  const filter = (event: FormEvent) => {
    event.preventDefault();
    setQ(text.trim());
  };

  return (
    <>
      <PageHeader
        title={t('national.cases.title')}
        intro={t('national.cases.intro')}
        actions={
          canWriteNominal(me.roles) && (
            <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
              {t('national.cases.new')}
            </button>
          )
        }
      />
      <NationalNav />
      <section className="panel">
        <form role="search" aria-label={t('national.cases.filters')} onSubmit={filter} noValidate className="form-grid form-grid-3">
          <SelectField id="cases-status" label={t('national.cases.status')} value={status} onChange={(v) => setStatus(v as CaseStatus | '')} options={CASE_STATUSES} labelPrefix="national.caseStatuses" emptyLabel={t('common.any')} />
          <TextField id="cases-q" type="search" label={t('national.cases.q')} hint={t('national.cases.qHint')} value={text} onChange={setText} maxLength={100} dir="auto" />
          <div className="filters-buttons">
            <button type="submit" className="button">
              {t('common.filter')}
            </button>
          </div>
        </form>
      </section>
      <section className="panel stack">
        {cases.isError && (
          <div className="alert alert-error" role="alert">
            {errorMessage(cases.error)}
          </div>
        )}
        <div className="table-wrap">
          <table data-testid="case-list">
            <caption className="visually-hidden">{t('national.cases.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('national.cases.reference')}</th>
                <th scope="col">{t('national.cases.status')}</th>
                <th scope="col">{t('national.cases.offenceType')}</th>
                <th scope="col">{t('national.cases.officer')}</th>
                <th scope="col">{t('national.cases.seizureCount')}</th>
                <th scope="col">{t('national.cases.entityCount')}</th>
                <th scope="col">{t('national.record.updatedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id} data-reference={c.reference}>
                  <td className="nowrap">
                    <Link to="/national/cases/$id" params={{ id: c.id }}>
                      {c.reference}
                    </Link>
                  </td>
                  <td>
                    <CaseStatusBadge status={c.status} />
                  </td>
                  <td dir="auto">{c.offenceType}</td>
                  <td dir="auto">{c.officerName}</td>
                  <td>{format.number(c.seizureCount)}</td>
                  <td>{format.number(c.entityCount)}</td>
                  <td className="nowrap">{format.dateTime(c.updatedAt)}</td>
                </tr>
              ))}
              {cases.data && rows.length === 0 && (
                <tr>
                  <td colSpan={7} className="empty">
                    {t('national.cases.none')}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      </section>
      {creating && (
        <CaseFormDialog
          initial={null}
          onClose={() => setCreating(false)}
          onSave={async (input) => {
            const created = await nationalApi.createCase(input);
            await queryClient.invalidateQueries({ queryKey: nationalKeys.all });
            toasts.show({ tone: 'success', title: t('national.cases.created', { reference: created.reference }) });
            setCreating(false);
            await navigate({ to: '/national/cases/$id', params: { id: created.id } });
          }}
        />
      )}
    </>
  );
}
