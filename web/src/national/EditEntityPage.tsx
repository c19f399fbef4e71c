import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../app/forms.tsx';
import { PageHeader } from '../app/PageHeader.tsx';
import { EntityEditor } from './EntityEditor.tsx';
import { nationalApi, nationalKeys } from './national-api.ts';
import { NationalNav } from './NationalNav.tsx';
import { PurposeField } from './PurposeField.tsx';
import { usePurpose } from './purpose.ts';

/** The change of a known entity: read with the purpose given, then the same form as a new one. */
export function EditEntityPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const purpose = usePurpose();
  const { id = '' } = useParams({ strict: false });
  const entity = useQuery({ queryKey: nationalKeys.entityRead(id, purpose), queryFn: () => nationalApi.get(id, purpose), enabled: id !== '' && !!purpose });
  if (entity.data) return <EntityEditor key={`${entity.data.id}-${entity.data.version}`} kind={entity.data.kind} entity={entity.data} />;
  return (
    <>
      <PageHeader title={t('national.form.editTitle', { label: '' })} />
      <NationalNav />
      <section className="panel stack">
        <PurposeField action="opening" />
        {entity.isError && (
          <div className="alert alert-error" role="alert">
            {errorMessage(entity.error)}
          </div>
        )}
        {purpose && entity.isPending && <p className="muted">{t('common.loading')}</p>}
      </section>
    </>
  );
}
