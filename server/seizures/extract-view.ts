// The fields of the CEN seizure database that may leave in a data extract (requests for WCO data), with what
// each means (dependency-free: the web app shows the same list). Every field is one the hub already holds in
// its non-nominal projection (allowlist.ts); free text (narrative, place and concealment descriptions) is left
// out even so, since a sentence can carry what a field cannot.

export interface ExtractField {
  key: string;
  /** May be a dimension of an aggregated extract (a partner organisation's). */
  dimension: boolean;
  /** May be a column of a record-level extract (a member administration's). */
  record: boolean;
  description: string;
}

export const EXTRACT_FIELDS = [
  { key: 'reference', dimension: false, record: true, description: 'The CEN reference of the seizure (e.g. FR-2026-0000042).' },
  { key: 'seizedAt', dimension: false, record: true, description: 'Date of the seizure (UTC), YYYY-MM-DD.' },
  { key: 'year', dimension: true, record: true, description: 'Year of the seizure (UTC).' },
  { key: 'country', dimension: true, record: true, description: 'Country of the seizure, ISO 3166-1 alpha-2.' },
  { key: 'region', dimension: true, record: true, description: 'WCO region of the country of the seizure (ESA, WCA, MENA, EUR, AP, AMC).' },
  { key: 'category', dimension: true, record: true, description: 'Commodity category (DRUGS, TOBACCO, …); in a record-level extract, every category of the seizure, separated by spaces.' },
  { key: 'subcategory', dimension: false, record: true, description: 'Commodity subcategories of the seizure (CATEGORY.SUBCATEGORY), separated by spaces.' },
  { key: 'hsCode', dimension: false, record: true, description: 'HS codes of the commodity lines, separated by spaces.' },
  { key: 'quantity', dimension: false, record: true, description: 'Quantity and unit of each commodity line, in line order, separated by "; ".' },
  { key: 'locationType', dimension: true, record: true, description: 'Kind of place: airport, seaport, land_border, inland, postal_express, rail, other.' },
  { key: 'placeLocode', dimension: false, record: true, description: 'UN/LOCODE of the place of the seizure.' },
  { key: 'direction', dimension: true, record: true, description: 'Direction of the goods: import, export, transit, domestic.' },
  { key: 'transportMode', dimension: true, record: true, description: 'Means of transport: air, sea, road, rail, postal, pedestrian, other.' },
  { key: 'conveyanceType', dimension: false, record: true, description: 'Type of conveyance (e.g. sea_container, passenger_luggage).' },
  { key: 'detectionMethods', dimension: false, record: true, description: 'Detection method codes, separated by spaces.' },
  { key: 'concealmentMethods', dimension: false, record: true, description: 'Concealment method codes, separated by spaces.' },
  { key: 'departureCountry', dimension: true, record: true, description: 'Country the goods departed from, ISO 3166-1 alpha-2.' },
  { key: 'destinationCountry', dimension: true, record: true, description: 'Country the goods were bound for, ISO 3166-1 alpha-2.' },
  { key: 'routeCountries', dimension: false, record: true, description: 'Every country of the route, separated by spaces.' },
] as const satisfies readonly ExtractField[];

export type ExtractFieldKey = (typeof EXTRACT_FIELDS)[number]['key'];
export const EXTRACT_FIELD_KEYS = EXTRACT_FIELDS.map((f) => f.key) as ExtractFieldKey[];
export const DIMENSION_KEYS = EXTRACT_FIELDS.filter((f) => f.dimension).map((f) => f.key) as ExtractFieldKey[];

/** The commodity categories an extract may cover (the risk areas of the seizure database). */
export const EXTRACT_CATEGORIES = ['DRUGS', 'TOBACCO', 'ALCOHOL', 'IPR', 'ENVIRONMENT', 'CULTURAL_HERITAGE', 'WEAPONS', 'EXPLOSIVES', 'CASH', 'REVENUE', 'OTHER'] as const;

/** The measures of an aggregated extract's cells. */
export const AGGREGATE_MEASURES = [
  { key: 'seizures', description: 'Number of validated seizures in the cell.' },
  { key: 'administrations', description: 'Number of distinct reporting administrations in the cell.' },
  { key: 'quantityKg', description: 'Total quantity in kilograms of the commodity lines weighed in kg or g (lines counted in pieces, litres or other units are not included).' },
] as const;
