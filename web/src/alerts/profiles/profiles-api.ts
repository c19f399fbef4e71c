import { api, withQuery } from '../../app/api.ts';
import type { HandlingCode, RiskArea } from '../alerts-api.ts';
import type { CONVEYANCE_TYPES, UNITS } from '../../seizures/seizures-api.ts';
import type { TRANSPORT_MODES } from '../alerts-api.ts';

export { CONVEYANCE_TYPES, UNITS } from '../../seizures/seizures-api.ts';

type TransportMode = (typeof TRANSPORT_MODES)[number];
type ConveyanceType = (typeof CONVEYANCE_TYPES)[number];
type Unit = (typeof UNITS)[number];

/** What a profile looks for; every indicator given must hold, any value within one (server/alerts/profiles/schema.ts). */
export interface ProfileIndicators {
  hsPrefixes: string[];
  countries: string[];
  routeCountries: string[];
  concealmentMethods: string[];
  detectionMethods: string[];
  transportModes: TransportMode[];
  conveyanceTypes: ConveyanceType[];
  places: string[];
  minQuantity: number | null;
  quantityUnit: Unit | null;
  periodFrom: string | null;
  periodTo: string | null;
}

export interface ProfileRecipients {
  orgIds: string[];
  listIds: string[];
  regions: string[];
}

export interface ProfileInput {
  title: string;
  narrative: string;
  riskArea: RiskArea;
  handling: HandlingCode;
  active: boolean;
  indicators: ProfileIndicators;
  recipients: ProfileRecipients;
}

export interface ProfileSummary {
  id: string;
  reference: string;
  title: string;
  riskArea: RiskArea;
  handling: HandlingCode;
  active: boolean;
  ownerOrgName: string;
  matches: number;
  lastMatchAt: string | null;
  updatedAt: string;
}

export interface Profile extends ProfileSummary {
  narrative: string;
  indicators: ProfileIndicators;
  recipientOrgs: { id: string; name: string }[];
  ownerOrgId: string;
  canEdit: boolean;
}

/** A seizure a profile matched (or would have matched, `matchedAt` null), with why. */
export interface ProfileMatch {
  seizureId: string;
  reference: string;
  seizedAt: string;
  country: string;
  reasons: string[];
  matchedAt: string | null;
}

export interface BackTestResult {
  total: number;
  /** Of all validated seizures in the period, 0 to 1. */
  share: number;
  seizures: ProfileMatch[];
}

const BASE = '/profiles';
const one = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

export const profilesApi = {
  list: () => api.get<{ profiles: ProfileSummary[] }>(BASE),
  get: (id: string) => api.get<Profile>(one(id)),
  create: (input: ProfileInput) => api.post<{ id: string }>(BASE, input),
  update: (id: string, input: ProfileInput) => api.put<Profile>(one(id), input),
  matches: (id: string) => api.get<{ matches: ProfileMatch[] }>(`${one(id)}/matches`),
  /** The indicators typed so far, tried on the validated seizures of a period. */
  backTest: (indicators: ProfileIndicators, from: string | null, to: string | null, limit = 100) => api.post<BackTestResult>(`${BASE}/backtest`, { indicators, from, to, limit }),
  /** A saved profile tried on the past. */
  backTestOf: (id: string, from: string, to: string) => api.get<BackTestResult>(withQuery(`${one(id)}/backtest`, { from, to })),
};

export const profileKeys = {
  all: ['profiles'] as const,
  list: ['profiles', 'list'] as const,
  one: (id: string) => ['profiles', 'one', id] as const,
  matches: (id: string) => ['profiles', 'matches', id] as const,
  backTest: (id: string, from: string, to: string) => ['profiles', 'backtest', id, from, to] as const,
};
