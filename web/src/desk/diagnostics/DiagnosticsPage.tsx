import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, TextField, useFormErrors } from '../../app/forms.tsx';
import { ListStatus, ResultsTable } from '../../app/ListResults.tsx';
import { useFormat } from '../../app/format.ts';
import { useWrite } from '../../app/mutation.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useMe } from '../../app/session.tsx';
import { DeskNav } from '../DeskNav.tsx';
import { LevelBadge } from './LevelBadge.tsx';
import { canEditDiagnostics, diagnosticKeys, diagnosticsApi, useQuestionnaire, type AssessmentSummary } from './diagnostics-api.ts';

/** My administration's assessments, newest first, and the start of a new one when none is in progress. */
export function DiagnosticsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormat();
  const list = useQuery({ queryKey: diagnosticKeys.list, queryFn: () => diagnosticsApi.list() });
  const assessments = list.data?.assessments ?? [];
  const draft = assessments.find((a) => a.status === 'draft');
  const { levelName } = useQuestionnaire(assessments[0]?.version);

  return (
    <>
      <PageHeader title={t('desk.diagnostics.title')} intro={t('desk.diagnostics.intro')} />
      <DeskNav />
      {list.data && canEditDiagnostics(me.roles) && (draft ? <DraftNotice draft={draft} /> : <StartForm />)}
      <section className="panel">
        <ListStatus query={list} count={t('desk.diagnostics.count', { count: assessments.length })} />
        <ResultsTable testId="diagnostics" caption={t('desk.diagnostics.title')}>
          <thead>
            <tr>
              <th scope="col">{t('desk.diagnostics.fields.title')}</th>
              <th scope="col">{t('desk.diagnostics.fields.status')}</th>
              <th scope="col">{t('desk.diagnostics.fields.level')}</th>
              <th scope="col">{t('desk.diagnostics.fields.answered')}</th>
              <th scope="col">{t('desk.diagnostics.fields.shared')}</th>
              <th scope="col">{t('desk.diagnostics.fields.date')}</th>
            </tr>
          </thead>
          <tbody>
            {assessments.map((a) => (
              <tr key={a.id} data-status={a.status}>
                <td dir="auto">
                  {a.status === 'draft' ? (
                    <Link to="/desk/diagnostics/$id" params={{ id: a.id }}>
                      {a.title}
                    </Link>
                  ) : (
                    <Link to="/desk/diagnostics/$id/result" params={{ id: a.id }}>
                      {a.title}
                    </Link>
                  )}
                </td>
                <td>{t(`desk.diagnostics.statuses.${a.status}`)}</td>
                <td>
                  <LevelBadge level={a.level} name={levelName(a.level)} />
                </td>
                <td className="nowrap">{t('desk.diagnostics.answeredOf', { answered: a.answered, applicable: a.applicable })}</td>
                <td>{t(a.shareWithWco ? 'desk.diagnostics.sharedYes' : 'desk.diagnostics.sharedNo')}</td>
                <td className="nowrap">{format.date(a.completedAt ?? a.updatedAt)}</td>
              </tr>
            ))}
            {list.data && assessments.length === 0 && (
              <tr>
                <td colSpan={6} className="empty">
                  {t('desk.diagnostics.none')}
                </td>
              </tr>
            )}
          </tbody>
        </ResultsTable>
      </section>
    </>
  );
}

function DraftNotice({ draft }: { draft: AssessmentSummary }) {
  const { t } = useTranslation();
  return (
    <section className="panel" data-testid="diag-draft-notice">
      <p>{t('desk.diagnostics.inProgress')}</p>
      <Link to="/desk/diagnostics/$id" params={{ id: draft.id }} className="button button-primary">
        {t('desk.diagnostics.continue')}
      </Link>
    </section>
  );
}

/** One assessment in progress at a time: the server refuses a second one, and says which is open. */
function StartForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const form = useFormErrors();
  const creating = useWrite(form.capture);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.clear();
    void creating.run(async () => {
      const { id } = await diagnosticsApi.create(title);
      await queryClient.invalidateQueries({ queryKey: diagnosticKeys.list });
      await navigate({ to: '/desk/diagnostics/$id', params: { id } });
    });
  };
  return (
    <section className="panel">
      <h2>{t('desk.diagnostics.start')}</h2>
      <form onSubmit={submit} noValidate>
        <ErrorSummary errors={form.errors} knownFields={['title']} />
        <TextField id="title" label={t('desk.diagnostics.fields.title')} value={title} onChange={setTitle} error={form.errors.fields.title} required maxLength={200} dir="auto" />
        <button type="submit" className="button button-primary" disabled={creating.pending}>
          {creating.pending ? t('common.working') : t('desk.diagnostics.startButton')}
        </button>
      </form>
    </section>
  );
}
