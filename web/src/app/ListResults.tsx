import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from './forms.tsx';

/** What a list page's results need to know of their query. */
export interface ListQueryState {
  isError: boolean;
  error: unknown;
  data?: unknown;
}

/**
 * The line above a list's results: the query's error if it failed, then how many were found (or "loading"
 * until the first answer), announced politely to screen readers. `count` is the already translated count.
 */
export function ListStatus({ query, count }: { query: ListQueryState; count: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  return (
    <>
      {query.isError && (
        <div className="alert alert-error" role="alert">
          {errorMessage(query.error)}
        </div>
      )}
      <p className="muted" aria-live="polite">
        {query.data ? count : t('common.loading')}
      </p>
    </>
  );
}

/** A results table that scrolls on its own on narrow screens, with its caption for screen readers. */
export function ResultsTable({ testId, caption, children }: { testId: string; caption: string; children: ReactNode }) {
  return (
    <div className="table-wrap">
      <table data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        {children}
      </table>
    </div>
  );
}
