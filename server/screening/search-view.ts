// What a screening search takes and answers, without runtime imports: the server reads and builds these,
// the web app sends and reads them. The zod schemas in schema.ts describe the same wire for validation and OpenAPI.
import type { IdentifierIssue } from './identifiers/identifier-result.ts';

/** The watch lists by name (lists.ts describes each one's table, columns and keys). */
export const LISTS = ['travel_documents', 'vehicles', 'firearms', 'art', 'containers', 'vessels'] as const;
export type ListName = (typeof LISTS)[number];

/** How a record matched, best first (the search keeps the best reason per record). */
export const MATCH_TYPES = ['exact', 'normalised', 'folded', 'one_edit', 'wildcard', 'fields'] as const;
export type MatchType = (typeof MATCH_TYPES)[number];

/** The single edit between a searched and a recorded key; positions are 1-based. */
export type OneEdit =
  | { op: 'substitution'; position: number; searched: string; recorded: string }
  | { op: 'transposition'; position: number; searched: string; recorded: string }
  | { op: 'missing_character'; position: number; recorded: string }
  | { op: 'extra_character'; position: number; searched: string };

/** Why a record matched: the match type, the recorded key it matched, and a sentence for the officer. */
export interface MatchReason {
  type: MatchType;
  key?: string;
  edit?: OneEdit;
  detail: string;
}

/** Fields a search may give besides (or instead of) an identifier. */
export interface SearchFields {
  issuingCountry?: string;
  docType?: string;
  make?: string;
  model?: string;
  calibre?: string;
  firearmType?: string;
  colour?: string;
  year?: number;
  title?: string;
  artistOrCulture?: string;
  objectType?: string;
}

export interface SearchInput {
  identifier?: string;
  list?: ListName;
  fields?: SearchFields;
  /** Also look one edit away (typos, swaps); on by default for a single search. */
  oneEdit?: boolean;
  limit?: number;
  onBehalfOfOrgId?: string;
}

/** A first-level hit: only the identifying fields, and why it matched. */
export interface SearchHit {
  list: ListName;
  recordId: string;
  match: MatchReason;
  firstLevel: Record<string, unknown>;
}

/**
 * An MRZ pasted into the search field, as the search reads it: the travel document it describes
 * (number, issuing state) and whether its check digits hold. Only the document's own fields are kept:
 * the holder's name, birth date, sex, nationality and personal number are nominal data, and they are
 * neither shown back, nor logged, nor searched.
 */
export interface MrzReading {
  format: string;
  valid: boolean;
  documentType: string | null;
  documentNumber: string;
  /** The ICAO code as written (e.g. FRA, D, UTO); null when only line 2 was given. */
  issuingState: string | null;
  /** The ISO 3166 code it stands for, when it stands for a country (UTO, the specimen state, does not). */
  issuingCountry: string | null;
  /** YYMMDD as written. */
  expiryDate: string;
  checks: { documentNumber: boolean; expiryDate: boolean; composite: boolean | null };
  errors: IdentifierIssue[];
  warnings: string[];
}

export interface SearchReply {
  queryId: string;
  hits: SearchHit[];
  /** When the identifier was an MRZ: how it was read (the document's fields only). */
  mrz?: MrzReading;
}
