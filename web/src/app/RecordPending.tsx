import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from './forms.tsx';
import type { ListQueryState } from './ListResults.tsx';
import { PageHeader } from './PageHeader.tsx';

/**
 * A record's page before its record is there: "loading" while it comes, or why it could not be read (not found,
 * not allowed) under the page's title and the module's tabs, so that the reader can go on from there.
 */
export function RecordPending({ query, title, nav }: { query: ListQueryState; title: string; nav?: ReactNode }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  if (!query.isError) return <p className="muted">{t('common.loading')}</p>;
  return (
    <>
      <PageHeader title={title} />
      {nav}
      <div className="alert alert-error" role="alert">
        {errorMessage(query.error)}
      </div>
    </>
  );
}
