import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { adminApi, adminKeys, type UserFilter } from '../admin/admin-api.ts';
import { Field } from '../app/forms.tsx';
import { useFormat } from '../app/format.ts';
import { PageHeader } from '../app/PageHeader.tsx';
import { Pager } from '../app/Pager.tsx';
import { ScreeningNav } from './ScreeningNav.tsx';
import { screeningApi, screeningKeys, type LoggedQuery, type QueriesFilter } from './screening-api.ts';
import { useScreeningErrorMessage } from './screening-messages.ts';

const PAGE_SIZE = 25;
const ALL_USERS: UserFilter = { q: '', orgId: '', role: '', page: 1, pageSize: 200 };

/** What was asked: the identifier or fields of a search, the size of a batch. */
function useDescribeQuery() {
  const { t } = useTranslation();
  const format = useFormat();
  return (q: LoggedQuery): string => {
    const query = q.query;
    if (q.mode === 'batch') {
      const ids = Array.isArray(query.identifiers) ? (query.identifiers as unknown[]).map(String) : [];
      const head = ids.slice(0, 3).join(', ');
      return ids.length > 3 ? t('screening.queries.batchOf', { first: head, count: format.number(ids.length) }) : head;
    }
    const parts: string[] = [];
    if (typeof query.identifier === 'string') parts.push(query.identifier);
    if (query.fields && typeof query.fields === 'object') for (const [k, v] of Object.entries(query.fields as Record<string, unknown>)) parts.push(`${t(`screening.fields.${k}`)}: ${String(v)}`);
    return parts.join(' · ');
  };
}

/** Every watch-list query for administrators: who, on behalf of whom, what, when, how many hits. */
export function QueriesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const errorMessage = useScreeningErrorMessage();
  const describe = useDescribeQuery();
  const [mode, setMode] = useState<QueriesFilter['mode']>('');
  const [page, setPage] = useState(1);
  const filter: QueriesFilter = { mode, page, pageSize: PAGE_SIZE };
  const queries = useQuery({ queryKey: screeningKeys.queries(filter), queryFn: () => screeningApi.queries(filter), placeholderData: keepPreviousData });
  const orgs = useQuery({ queryKey: adminKeys.organisations, queryFn: adminApi.organisations });
  const users = useQuery({ queryKey: adminKeys.users(ALL_USERS), queryFn: () => adminApi.users(ALL_USERS) });
  const orgName = (id: string | null) => (id ? (orgs.data?.items.find((o) => o.id === id)?.name ?? id) : '');
  const userName = (id: string) => {
    const u = users.data?.items.find((x) => x.id === id);
    return u ? `${u.displayName} (${u.username})` : id;
  };
  const items = queries.data?.items ?? [];

  return (
    <>
      <PageHeader title={t('screening.queries.title')} intro={t('screening.queries.intro')} />
      <ScreeningNav />
      <section className="panel">
        <div className="toolbar">
          <Field id="queries-mode" label={t('screening.queries.mode')}>
            <select
              id="queries-mode"
              value={mode}
              onChange={(e) => {
                setMode(e.target.value as QueriesFilter['mode']);
                setPage(1);
              }}
            >
              <option value="">{t('common.any')}</option>
              <option value="search">{t('screening.queries.modes.search')}</option>
              <option value="batch">{t('screening.queries.modes.batch')}</option>
            </select>
          </Field>
        </div>
        {queries.isError && (
          <div className="alert alert-error" role="alert">
            {errorMessage(queries.error)}
          </div>
        )}
        <div className="table-wrap">
          <table data-testid="screening-queries">
            <thead>
              <tr>
                <th scope="col">{t('screening.queries.when')}</th>
                <th scope="col">{t('screening.queries.who')}</th>
                <th scope="col">{t('screening.queries.forWhom')}</th>
                <th scope="col">{t('screening.queries.mode')}</th>
                <th scope="col">{t('screening.queries.what')}</th>
                <th scope="col" className="numeric">{t('screening.queries.items')}</th>
                <th scope="col" className="numeric">{t('screening.queries.hits')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((q) => (
                <tr key={q.id}>
                  <td className="nowrap">{format.dateTime(q.at)}</td>
                  <td>
                    {userName(q.userId)}
                    <div className="muted small">{orgName(q.orgId)}</div>
                  </td>
                  <td>{q.onBehalfOfOrgId ? orgName(q.onBehalfOfOrgId) : <span className="muted">{t('screening.queries.ownOrganisation')}</span>}</td>
                  <td>
                    {t(`screening.queries.modes.${q.mode}`)}
                    {q.list && <div className="muted small">{t(`screening.lists.${q.list}`, { defaultValue: q.list })}</div>}
                  </td>
                  <td>
                    <bdi className="mono">{describe(q)}</bdi>
                  </td>
                  <td className="numeric">{format.number(q.items)}</td>
                  <td className="numeric">{format.number(q.hits)}</td>
                </tr>
              ))}
              {items.length === 0 && !queries.isPending && (
                <tr>
                  <td colSpan={7} className="empty">
                    {t('common.nothingFound')}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
        {queries.data && <Pager page={page} pageSize={PAGE_SIZE} total={queries.data.total} onPage={setPage} />}
      </section>
    </>
  );
}
