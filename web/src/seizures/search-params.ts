import { FILTER_KEYS, SORTS, type Filters } from './seizures-api.ts';

/** What the search page keeps in the URL: the filters, the sort and the page. */
export interface SeizureSearch extends Filters {
  sort?: string;
  page?: number;
}

const str = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : String(v));

/** The route's search validator: unknown keys dropped, values as strings, page a positive whole number. */
export function validateSeizureSearch(raw: Record<string, unknown>): SeizureSearch {
  const out: SeizureSearch = {};
  for (const key of FILTER_KEYS) {
    const v = str(raw[key]);
    if (v) out[key] = v;
  }
  const sort = str(raw.sort);
  if (sort && (SORTS as readonly string[]).includes(sort)) out.sort = sort;
  const page = Number(raw.page);
  if (Number.isInteger(page) && page > 1) out.page = page;
  return out;
}

export function filtersOf(s: SeizureSearch): Filters {
  const out: Filters = {};
  for (const key of FILTER_KEYS) if (s[key]) out[key] = s[key];
  return out;
}

/** The report page's year and category. */
export interface ReportSearch {
  year?: number;
  category?: string;
}
export function validateReportSearch(raw: Record<string, unknown>): ReportSearch {
  const out: ReportSearch = {};
  const year = Number(raw.year);
  if (Number.isInteger(year) && year >= 1990 && year <= 2100) out.year = year;
  const category = str(raw.category);
  if (category) out.category = category.toUpperCase();
  return out;
}

/** The dashboard's year and optional filters. */
export interface DashboardSearch extends Filters {
  year?: number;
}
export function validateDashboardSearch(raw: Record<string, unknown>): DashboardSearch {
  const { sort: _sort, page: _page, ...filters } = validateSeizureSearch(raw);
  const year = Number(raw.year);
  return Number.isInteger(year) && year >= 1990 && year <= 2100 ? { ...filters, year } : filters;
}
