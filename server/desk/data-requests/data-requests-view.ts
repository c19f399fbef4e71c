// Requests for WCO data as the API answers them (dependency-free: the web app imports it too). The fields an
// extract may carry are the seizure database's (server/seizures/extract-view.ts).

export const DATA_REQUEST_STATUSES = ['submitted', 'approved', 'narrowed', 'refused', 'fulfilled', 'expired'] as const;
export type DataRequestStatus = (typeof DATA_REQUEST_STATUSES)[number];

export const EXTRACT_FORMATS = ['csv', 'xlsx'] as const;
export type ExtractFormat = (typeof EXTRACT_FORMATS)[number];

export const DECISIONS = ['approve', 'narrow', 'refuse'] as const;
export type Decision = (typeof DECISIONS)[number];

/** Who files a request: a member administration's contact point or analyst, a partner organisation. */
export const DATA_REQUESTERS = ['ncp', 'rilo_analyst', 'partner'] as const;
/** Who reads requests: their requesters' organisations, and the I2C who decides. */
export const DATA_REQUEST_READERS = [...DATA_REQUESTERS, 'i2c_officer'] as const;

/** A download link works this long after the extract is issued. */
export const LINK_DAYS = 7;

export const canFileDataRequest = (roles: readonly string[]) => DATA_REQUESTERS.some((r) => roles.includes(r));

export interface DataRequestScope {
  from: string; // YYYY-MM-DD
  to: string;
  /** Commodity categories; empty: every category. */
  riskAreas: string[];
  /** WCO regions; empty: the world. */
  regions: string[];
  fields: string[];
}

export interface DataRequest {
  id: string;
  reference: string;
  orgId: string;
  orgName: string;
  orgShortName: string;
  requesterId: string;
  requesterName: string;
  /** A member administration receives records; a partner organisation aggregates only. */
  recordLevel: boolean;
  purpose: string;
  format: ExtractFormat;
  requested: DataRequestScope;
  /** The scope the I2C approved (narrower or the same); null until approved. */
  approved: DataRequestScope | null;
  status: DataRequestStatus;
  decisionReason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  fulfilledAt: string | null;
  /** The download link's path and its expiry, while the request is fulfilled (or expired). */
  download: { path: string; dictionaryPath: string; expiresAt: string; expired: boolean } | null;
  downloads: number;
  createdAt: string;
}

/** The WCO regions a request may name. */
export const EXTRACT_REGIONS = ['ESA', 'WCA', 'MENA', 'EUR', 'AP', 'AMC'] as const;
