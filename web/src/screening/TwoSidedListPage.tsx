import { useState, type ReactNode } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../app/PageHeader.tsx';
import { Pager } from '../app/Pager.tsx';
import { ScreeningNav } from './ScreeningNav.tsx';
import { FilterSelect } from './FilterSelect.tsx';
import type { Page } from './screening-api.ts';
import { useScreeningErrorMessage } from './screening-messages.ts';

const PAGE_SIZE = 25;

export interface ListFilter<R extends string, S extends string> {
  role: R;
  status: S;
  page: number;
  pageSize: number;
}

interface Filter<V extends string> {
  label: string;
  /** Each option's value and its label; '' stands for "any". */
  options: readonly (readonly [V, string])[];
}

export interface Column<T> {
  header: ReactNode;
  cell(item: T): ReactNode;
  className?: string;
}

interface Props<T extends { id: string }, R extends string, S extends string> {
  title: string;
  intro: string;
  /** The filters' element ids start with `${name}s-`; the table's test id is screening-${name}-list. */
  name: string;
  role: Filter<R>;
  status: Filter<S>;
  queryKey(filter: ListFilter<R, S>): readonly unknown[];
  load(filter: ListFilter<R, S>): Promise<Page<T>>;
  refetchInterval?: number;
  columns: Column<T>[];
  /** The link to an item's page, in the last column. */
  view(item: T): ReactNode;
  none: string;
  rowAttributes?(item: T): Record<string, string>;
}

/**
 * A list of exchanges between two organisations (hits, trace requests): which side we are on, a
 * status, paged, newest first. The pages differ only in their columns and their words.
 */
export function TwoSidedListPage<T extends { id: string }, R extends string, S extends string>(p: Props<T, R, S>) {
  const { t } = useTranslation();
  const errorMessage = useScreeningErrorMessage();
  const [role, setRole] = useState<R>(p.role.options[0][0]);
  const [status, setStatus] = useState<S>(p.status.options[0][0]);
  const [page, setPage] = useState(1);
  const filter: ListFilter<R, S> = { role, status, page, pageSize: PAGE_SIZE };
  const list = useQuery({ queryKey: p.queryKey(filter), queryFn: () => p.load(filter), placeholderData: keepPreviousData, refetchInterval: p.refetchInterval });
  const items = list.data?.items ?? [];

  return (
    <>
      <PageHeader title={p.title} intro={p.intro} />
      <ScreeningNav />
      <section className="panel">
        <div className="toolbar">
          <FilterSelect
            id={`${p.name}s-role`}
            label={p.role.label}
            value={role}
            options={p.role.options}
            onChange={(v) => {
              setRole(v);
              setPage(1);
            }}
          />
          <FilterSelect
            id={`${p.name}s-status`}
            label={p.status.label}
            value={status}
            options={p.status.options}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
          />
        </div>
        {list.isError && (
          <div className="alert alert-error" role="alert">
            {errorMessage(list.error)}
          </div>
        )}
        <div className="table-wrap">
          <table data-testid={`screening-${p.name}-list`}>
            <thead>
              <tr>
                {p.columns.map((c, i) => (
                  <th key={i} scope="col">
                    {c.header}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id} {...p.rowAttributes?.(item)}>
                  {p.columns.map((c, i) => (
                    <td key={i} className={c.className}>
                      {c.cell(item)}
                    </td>
                  ))}
                  <td className="actions">{p.view(item)}</td>
                </tr>
              ))}
              {items.length === 0 && !list.isPending && (
                <tr>
                  <td colSpan={p.columns.length + 1} className="empty">
                    {p.none}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
        {list.data && list.data.total > PAGE_SIZE && <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={setPage} />}
      </section>
    </>
  );
}
