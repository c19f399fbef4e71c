import { API_BASE, api, withQuery } from '../../app/api.ts';
import type { HandlingCode, RiskArea, Targets } from '../alerts-api.ts';

/** The kinds of bulletin, as server/alerts/bulletins/schema.ts accepts them. */
export const BULLETIN_KINDS = ['monthly', 'quarterly', 'ad_hoc'] as const;
export type BulletinKind = (typeof BULLETIN_KINDS)[number];

export interface BulletinSection {
  heading: string;
  body: string;
}

/** What the form sends (server/alerts/bulletins/schema.ts bulletinInput); region null for the world. */
export interface BulletinInput {
  title: string;
  kind: BulletinKind;
  region: string | null;
  periodFrom: string;
  periodTo: string;
  language: string;
  handling: HandlingCode;
  sections: BulletinSection[];
}

/** One row of the archive (bulletinSummary). */
export interface BulletinSummary {
  id: string;
  reference: string;
  title: string;
  kind: BulletinKind;
  region: string | null;
  periodFrom: string;
  periodTo: string;
  handling: HandlingCode;
  status: 'draft' | 'published';
  authorOrgName: string;
  publishedAt: string | null;
  updatedAt: string;
}

export interface CodeCount {
  code: string;
  seizures: number;
}

/** One bulletin as GET /api/v1/bulletins/:id answers it (bulletinView): its sections, live figures and the period's alerts. */
export interface Bulletin extends BulletinSummary {
  language: string;
  sections: BulletinSection[];
  canEdit: boolean;
  figures: {
    seizures: number;
    byCategory: { category: string; seizures: number }[];
    monthly: { month: string; seizures: number }[];
    topRoutes: { departure: string; destination: string; seizures: number }[];
    topConcealment: CodeCount[];
    topDetection: CodeCount[];
    byCountry: CodeCount[];
  };
  alerts: { id: string; reference: string; title: string; riskArea: RiskArea; handling: HandlingCode; circulatedAt: string }[];
}

const BASE = '/bulletins';
const one = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

/** The downloads, as plain links (the session cookie goes with them). */
export const bulletinDownloadUrl = (id: string, format: 'html' | 'pdf') => `${API_BASE}${one(id)}/${format}`;

export const bulletinsApi = {
  list: (q: string) => api.get<{ bulletins: BulletinSummary[] }>(withQuery(BASE, { q: q.trim() || undefined, limit: 200 })),
  get: (id: string) => api.get<Bulletin>(one(id)),
  create: (input: BulletinInput) => api.post<{ id: string }>(BASE, input),
  update: (id: string, input: BulletinInput) => api.put<Bulletin>(one(id), input),
  publish: (id: string, targets: Targets) => api.post<Bulletin>(`${one(id)}/publish`, targets),
};

export const bulletinKeys = {
  all: ['bulletins'] as const,
  list: (q: string) => ['bulletins', 'list', q] as const,
  one: (id: string) => ['bulletins', 'one', id] as const,
};

/** Who writes bulletins (server/alerts/bulletins/service.ts BULLETIN_WRITERS). */
export const BULLETIN_WRITERS = ['rilo_analyst', 'i2c_officer'] as const;
export const canWriteBulletins = (roles: readonly string[]) => roles.some((r) => (BULLETIN_WRITERS as readonly string[]).includes(r));
