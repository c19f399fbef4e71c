// The contact-points directory as the API answers it (dependency-free: the web app imports it too).

/** What a contact point is for. */
export const CONTACT_KINDS = ['cen_ncp', 'cencomm', 'desk_24_7', 'rilo', 'police', 'interpol_ncb', 'other'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** The secure channels a contact point answers on. */
export const SECURE_CHANNELS = ['cencomm', 'cen', 'i24_7', 'siena', 'encrypted_email', 'other'] as const;

/** An entry not confirmed for this long is flagged as possibly out of date. */
export const STALE_AFTER_MONTHS = 12;

export interface OpeningHours {
  /** ISO weekday: Monday 1 … Sunday 7. */
  day: number;
  opens: string; // "08:00"
  closes: string; // "17:30"
}

export interface DirectoryEntry {
  id: string;
  orgId: string;
  orgName: string;
  orgShortName: string;
  orgKind: string;
  country: string | null;
  region: string | null;
  kind: ContactKind;
  name: string;
  unit: string;
  riskAreas: string[];
  languages: string[];
  timeZone: string;
  alwaysOpen: boolean;
  hours: OpeningHours[];
  phone: string;
  email: string;
  secureChannels: string[];
  notes: string;
  confirmedAt: string;
  updatedAt: string;
  /** Not confirmed for STALE_AFTER_MONTHS. */
  stale: boolean;
  /** Open at the time of the search, in its own time zone. */
  openNow: boolean;
}
