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
