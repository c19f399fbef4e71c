// IRIS, open-source news monitoring: wire types and who may use it (dependency-free: the web app imports it too).

/** Every signed-in member, and the I2C, may geotag a text or ask its language. */
export const OSINT_READERS = ['admin', 'ncp', 'rilo_analyst', 'i2c_officer', 'viewer'] as const;

/** The languages IRIS tells apart (ISO 639-1). */
export const OSINT_LANGUAGE_CODES = ['en', 'fr', 'es', 'pt', 'ru', 'ar', 'fa', 'ur', 'zh'] as const;

export interface GeotagRequest {
  title: string;
  text?: string;
  /** The language if known (a feed's declared language); otherwise it is detected. */
  language?: (typeof OSINT_LANGUAGE_CODES)[number];
}

export interface GeotagPlaceView {
  name: string;
  /** ISO 3166-1 alpha-2 */
  country: string;
  /** Offsets in the field, in UTF-16 units as JavaScript counts them, end exclusive. */
  start: number;
  end: number;
  field: 'title' | 'text';
}

export interface GeotagView {
  countries: string[];
  focus: string | null;
  places: GeotagPlaceView[];
  language: string;
}

export interface LanguageView {
  language: string;
  confidence: number;
}

/** Who manages IRIS sources and validates items: the I2C. */
export const OSINT_MANAGERS = ['i2c_officer'] as const;

export const SOURCE_KINDS = ['rss', 'atom', 'rdf', 'jsonfeed', 'page'] as const;
/** How far a source is trusted, from A (reliable) to D; X not yet graded. */
export const RELIABILITY_GRADES = ['A', 'B', 'C', 'D', 'X'] as const;
export const ITEM_STATUSES = ['new', 'validated', 'rejected', 'published'] as const;
/** The statuses members other than the I2C see. */
export const MEMBER_VISIBLE_STATUSES = ['validated', 'published'] as const;
export const MIN_POLL_MINUTES = 5;

export interface SourceView {
  id: string;
  url: string;
  kind: (typeof SOURCE_KINDS)[number];
  name: string;
  language: string | null;
  country: string | null;
  categoryHints: string[];
  pollMinutes: number;
  reliability: (typeof RELIABILITY_GRADES)[number];
  enabled: boolean;
  lastFetchAt: string | null;
  lastOkAt: string | null;
  /** Kept until a poll succeeds: a failing source says so. */
  lastError: string | null;
  consecutiveFailures: number;
  nextPollAt: string;
  itemCount: number;
}

export interface ItemView {
  id: string;
  sourceId: string;
  sourceName: string;
  title: string;
  /** Sanitised HTML. */
  summary: string;
  body: string;
  url: string;
  publishedAt: string | null;
  fetchedAt: string;
  language: string;
  countries: string[];
  focusCountry: string | null;
  places: GeotagPlaceView[];
  status: (typeof ITEM_STATUSES)[number];
  note: string;
}

export interface PollOutcomeView {
  outcome: 'ok' | 'not-modified' | 'failed';
  newItems: number;
  error: string | null;
  source: SourceView;
}
