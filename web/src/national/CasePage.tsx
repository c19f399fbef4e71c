import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../app/forms.tsx';
import { PageHeader } from '../app/PageHeader.tsx';
import { useMe } from '../app/session.tsx';
import { useToasts } from '../app/toasts.tsx';
import { useCaseAnswer } from './case-cache.ts';
import { CaseEntitiesPanel } from './CaseEntitiesPanel.tsx';
import { CaseFieldsPanel } from './CaseFieldsPanel.tsx';
import { CaseFormDialog } from './CaseFormDialog.tsx';
import { CaseSeizuresPanel } from './CaseSeizuresPanel.tsx';
import { LinkChart } from './LinkChart.tsx';
import { nationalApi, nationalKeys } from './national-api.ts';
import { canWriteNominal } from './national-roles.ts';
import { NationalNav } from './NationalNav.tsx';
import { PurposeField } from './PurposeField.tsx';
import { usePurpose } from './purpose.ts';

/** One case: its fields, its seizures and entities (with their roles), and its link chart. */
export function CasePage() {
  const { t } = useTranslation();
  const me = useMe();
  const toasts = useToasts();
  const errorMessage = useErrorMessage();
  const purpose = usePurpose();
  const answered = useCaseAnswer();
  const { id = '' } = useParams({ strict: false });
  const [editing, setEditing] = useState(false);
  const found = useQuery({ queryKey: nationalKeys.caseRead(id, purpose), queryFn: () => nationalApi.getCase(id, purpose), enabled: id !== '' && !!purpose });
  const view = found.data;
  const editable = canWriteNominal(me.roles);

  return (
    <>
      <PageHeader
        title={view ? t('national.cases.caseTitle', { reference: view.reference }) : t('national.cases.titleLoading')}
        intro={view?.offenceType}
        actions={
          view &&
          editable && (
            <button type="button" className="button" onClick={() => setEditing(true)}>
              {t('common.edit')}
            </button>
          )
        }
      />
      <NationalNav />
      <section className="panel">
        <PurposeField action="opening" />
      </section>
      {found.isError && (
        <div className="alert alert-error" role="alert">
          {errorMessage(found.error)}
        </div>
      )}
      {purpose && found.isPending && <p className="muted">{t('common.loading')}</p>}
      {view && (
        <div className="stack" data-testid="case-record">
          <CaseFieldsPanel view={view} />
          <CaseSeizuresPanel view={view} editable={editable} />
          <CaseEntitiesPanel view={view} editable={editable} />
          <LinkChart key={view.id} from={`case:${view.id}`} fileName={`link-chart-${view.reference}`} />
        </div>
      )}
      {editing && view && (
        <CaseFormDialog
          initial={view}
          onClose={() => setEditing(false)}
          onSave={async (input) => {
            await answered(await nationalApi.updateCase(view.id, { ...input, summary: input.summary ?? null, officerId: view.officerId }));
            toasts.show({ tone: 'success', title: t('national.cases.saved', { reference: view.reference }) });
            setEditing(false);
          }}
        />
      )}
    </>
  );
}
