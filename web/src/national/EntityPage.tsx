import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../app/forms.tsx';
import { PageHeader } from '../app/PageHeader.tsx';
import { useMe } from '../app/session.tsx';
import { EntityActions } from './EntityActions.tsx';
import { EntityCasesPanel } from './EntityCasesPanel.tsx';
import { EntityFieldsPanel } from './EntityFieldsPanel.tsx';
import { EntityLinksPanel } from './EntityLinksPanel.tsx';
import { EntitySeizuresPanel } from './EntitySeizuresPanel.tsx';
import { FieldWarningsPanel } from './FieldWarningsPanel.tsx';
import { LinkChart } from './LinkChart.tsx';
import { MergeHistoryPanel } from './MergeHistoryPanel.tsx';
import { nationalApi, nationalKeys } from './national-api.ts';
import { canWriteNominal } from './national-roles.ts';
import { NationalNav } from './NationalNav.tsx';
import { PurposeField } from './PurposeField.tsx';
import { usePurpose } from './purpose.ts';
import { WatchListHitsBanner } from './WatchListHitsBanner.tsx';

/** One entity: its watch-list hits first, then its fields, seizures, links, cases, merges and link chart. */
export function EntityPage() {
  const { t } = useTranslation();
  const me = useMe();
  const errorMessage = useErrorMessage();
  const purpose = usePurpose();
  const { id = '' } = useParams({ strict: false });
  const entity = useQuery({ queryKey: nationalKeys.entityRead(id, purpose), queryFn: () => nationalApi.get(id, purpose), enabled: id !== '' && !!purpose });
  const e = entity.data;
  const editable = canWriteNominal(me.roles);

  return (
    <>
      <PageHeader title={e ? e.label : t('national.record.titleLoading')} intro={e?.detail ?? undefined} actions={e && editable ? <EntityActions entity={e} /> : undefined} />
      <NationalNav />
      <section className="panel">
        <PurposeField action="opening" />
      </section>
      {entity.isError && (
        <div className="alert alert-error" role="alert">
          {errorMessage(entity.error)}
        </div>
      )}
      {purpose && entity.isPending && <p className="muted">{t('common.loading')}</p>}
      {e && (
        <div className="stack" data-testid="entity-record" data-kind={e.kind}>
          <WatchListHitsBanner hits={e.hits} />
          <FieldWarningsPanel warnings={e.warnings} />
          <EntityFieldsPanel entity={e} />
          <EntitySeizuresPanel entity={e} editable={editable} />
          <EntityLinksPanel entity={e} editable={editable} />
          <EntityCasesPanel entity={e} />
          <MergeHistoryPanel entity={e} editable={editable} />
          <LinkChart key={e.id} from={`entity:${e.id}`} fileName={`link-chart-${e.id}`} />
        </div>
      )}
    </>
  );
}
