import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api.ts';
import { useErrorMessage } from '../app/forms.tsx';
import { PageHeader } from '../app/PageHeader.tsx';
import { commApi, commKeys, maySeeEverything, type Operation } from './comm-api.ts';
import './comm.css';

export type OperationTab = 'home' | 'mailbox' | 'formatted' | 'cases' | 'statistics' | 'library' | 'members' | 'templates' | 'newsletters';

/** Errors that asking again will not mend (not a member, no such thing). */
export const retryUnlessRefused = (count: number, error: unknown) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2;

/** The operation's header and tabs around each of its pages; a non-member sees only a refusal. */
export function OperationFrame({ opId, tab, title, actions, children }: { opId: string; tab: OperationTab | null; title?: string; actions?: ReactNode; children: (op: Operation) => ReactNode }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const op = useQuery({ queryKey: commKeys.operation(opId), queryFn: () => commApi.operation(opId), retry: retryUnlessRefused });

  if (op.isPending)
    return (
      <div className="splash" aria-busy="true">
        <span className="spinner" aria-hidden="true" />
      </div>
    );
  if (op.isError) {
    const refused = op.error instanceof ApiError && (op.error.status === 403 || op.error.status === 404);
    return (
      <div className="empty-state" data-testid="operation-refused">
        <h1>{refused ? t('comm.operation.refusedTitle') : t('errors.generic')}</h1>
        <p>{errorMessage(op.error)}</p>
        <Link to="/operations" className="button button-primary">
          {t('comm.operations.title')}
        </Link>
      </div>
    );
  }
  const operation = op.data;
  return (
    <>
      <PageHeader title={title ?? `${operation.name} (${operation.code})`} intro={title ? `${operation.name} (${operation.code})` : undefined} actions={actions} />
      <OperationTabs op={operation} current={tab} />
      {children(operation)}
    </>
  );
}

function OperationTabs({ op, current }: { op: Operation; current: OperationTab | null }) {
  const { t } = useTranslation();
  const params = { opId: op.id };
  const active = (tab: OperationTab) => (current === tab ? { className: 'active', 'aria-current': 'page' as const } : {});
  return (
    <nav className="module-tabs" aria-label={t('comm.operation.tabs')}>
      <ul>
        <li>
          <Link to="/operations/$opId" params={params} {...active('home')}>
            {t('comm.operation.overview')}
          </Link>
        </li>
        <li>
          <Link to="/operations/$opId/mailbox" params={params} search={{}} {...active('mailbox')}>
            {t('comm.mailbox.title')}
            {op.unread > 0 && (
              <span className="unread-count" data-testid="tab-unread" aria-label={t('comm.unread', { count: op.unread })}>
                {op.unread}
              </span>
            )}
          </Link>
        </li>
        <li>
          <Link to="/operations/$opId/formatted" params={params} {...active('formatted')}>
            {t('comm.formatted.title')}
          </Link>
        </li>
        {maySeeEverything(op.myRole) && (
          <>
            <li>
              <Link to="/operations/$opId/cases" params={params} {...active('cases')}>
                {t('comm.cases.title')}
              </Link>
            </li>
            <li>
              <Link to="/operations/$opId/statistics" params={params} {...active('statistics')}>
                {t('comm.stats.title')}
              </Link>
            </li>
          </>
        )}
        <li>
          <Link to="/operations/$opId/newsletters" params={params} {...active('newsletters')}>
            {t('comm.newsletters.title')}
          </Link>
        </li>
        <li>
          <Link to="/operations/$opId/library" params={params} {...active('library')}>
            {t('comm.library.title')}
          </Link>
        </li>
        <li>
          <Link to="/operations/$opId/members" params={params} {...active('members')}>
            {t('comm.members.title')}
          </Link>
        </li>
        <li>
          <Link to="/operations/$opId/templates" params={params} {...active('templates')}>
            {t('comm.templates.title')}
          </Link>
        </li>
      </ul>
    </nav>
  );
}
