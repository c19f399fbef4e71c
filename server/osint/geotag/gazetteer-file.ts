/** The shape of `gazetteer.json`, written by `build-gazetteer.ts` and read by the tagger. */
export type PlaceKind = 'country' | 'demonym' | 'capital' | 'city' | 'port' | 'airport' | 'region' | 'abbreviation' | 'not-a-country';

export interface GazetteerFile {
  note: string;
  /** Inhabitants of each country's towns of 15,000+ (a proxy for size, to settle names shared by two countries). */
  population: Record<string, number>;
  /** [name, ISO alpha-2 country ('' for a name that only blocks shorter ones), kind] */
  places: [string, string, PlaceKind][];
}
