// The nCEN API's shapes, as types and closed vocabularies only: the server builds them, the web app reads them.
// Routes (all under /api/v1/national, national node only; reads need nominal_read, writes nominal_write;
// every read of nominal data carries a `purpose` the user gives, recorded in the audit chain):
//   GET    /entities?q=&kind=&identifier=&phone=&email=&purpose=   → EntitySearchResult
//   POST   /entities/candidates                   { kind, fields, purpose } → { candidates: Candidate[] }
//   POST   /entities                              { kind, fields, purpose } → EntityView (201)
//   GET    /entities/:id?purpose=                                          → EntityView
//   PUT    /entities/:id                          { fields, version, purpose } → EntityView (409 on a stale version)
//   DELETE /entities/:id                          { reason }               → 204 (sealed data and blind keys erased)
//   POST   /entities/:id/keep                     { reason }               → EntityView (review date moved on)
//   POST   /entities/:id/seizures                 { seizureId, role }      → EntityView
//   DELETE /entities/:id/seizures/:seizureId/:role                          → EntityView
//   POST   /entities/:id/links                    { toId, kind }           → EntityView
//   DELETE /entities/:id/links/:linkId                                      → EntityView
//   POST   /entities/:id/merge                    { otherId, reason }      → EntityView (the survivor)
//   POST   /merges/:mergeId/undo                  { reason }               → EntityView (the merged entity, again apart)
//   GET    /review?before=                                                 → { entities: EntitySummary[] } (past review date)
//   GET    /graph?from=<entity|case|seizure>:<id>&hops=1..3&purpose=       → Graph
//   GET    /cases?status=&q=                                               → { cases: CaseSummary[] }
//   POST   /cases                                 { offenceType, legalBasis, status?, summary?, officerId? } → CaseView (201)
//   GET    /cases/:id?purpose=                                             → CaseView
//   PUT    /cases/:id                             { offenceType, legalBasis, status, summary, officerId } → CaseView
//   POST   /cases/:id/seizures                    { seizureId }            → CaseView
//   DELETE /cases/:id/seizures/:seizureId                                  → CaseView
//   POST   /cases/:id/entities                    { entityId, role }       → CaseView
//   DELETE /cases/:id/entities/:entityId/:role                             → CaseView
//   POST   /names/compare                         { kind, a, b }           → { score, match, reasons }

export const ENTITY_KINDS = ['person', 'company', 'transport', 'document'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const PARTICIPATION_ROLES = ['suspect', 'courier', 'driver', 'owner', 'consignor', 'consignee', 'importer', 'exporter', 'carrier', 'forwarder', 'other'] as const;
export type ParticipationRole = (typeof PARTICIPATION_ROLES)[number];

export const ENTITY_LINK_KINDS = ['employee_of', 'director_of', 'uses_vehicle', 'shares_address', 'shares_phone'] as const;
export type EntityLinkKind = (typeof ENTITY_LINK_KINDS)[number];

export const CASE_STATUSES = ['open', 'under_investigation', 'referred', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const TRANSPORT_TYPES = ['vehicle', 'vessel', 'aircraft', 'container'] as const;
export const DOCUMENT_TYPES = ['passport', 'identity_card', 'residence_permit', 'driving_licence', 'visa', 'other'] as const;
export const LEGAL_FORMS = ['company', 'joint_stock', 'limited', 'partnership', 'sole_trader', 'cooperative', 'other'] as const;
export const PERSON_GENDERS = ['female', 'male', 'other', 'unknown'] as const;

/** Years after the last linked event (or the creation) at which an entity comes up for review. */
export const RETENTION_YEARS = 5;

export interface Address {
  line: string;
  city?: string;
  postcode?: string;
  country?: string; // ISO 3166 alpha-2
}

export interface IdentityDocument {
  type: (typeof DOCUMENT_TYPES)[number];
  number: string;
  country?: string;
  expiresOn?: string; // YYYY-MM-DD
}

export interface PersonFields {
  names: string[]; // the first is the main name; others are aliases, in any script
  birthDate?: string; // YYYY-MM-DD
  birthYear?: number; // when only the year is known
  birthPlace?: string;
  nationalities?: string[]; // ISO 3166 alpha-2
  gender?: (typeof PERSON_GENDERS)[number];
  documents?: IdentityDocument[];
  addresses?: Address[];
  phones?: string[];
  emails?: string[];
  photoFileIds?: string[];
  notes?: string;
}

export interface CompanyFields {
  names: string[];
  legalForm?: (typeof LEGAL_FORMS)[number];
  registrationNumber?: string;
  vatNumber?: string; // VAT or EORI
  country?: string;
  addresses?: Address[];
  phones?: string[];
  emails?: string[];
  notes?: string;
}

export interface TransportFields {
  type: (typeof TRANSPORT_TYPES)[number];
  plate?: string;
  plateCountry?: string;
  vin?: string;
  imo?: string;
  registration?: string; // aircraft
  containerNumber?: string; // ISO 6346
  name?: string; // vessel or aircraft name
  notes?: string;
}

export interface DocumentFields extends IdentityDocument {
  holderName?: string;
  notes?: string;
}

export type EntityFields = PersonFields | CompanyFields | TransportFields | DocumentFields;

/** A warning on a value that the standard says to warn on (a VIN check digit outside North America, say). */
export interface FieldWarning {
  field: string;
  message: string;
}

/** A watch-list hit on an identifier recorded here (document number, VIN, container), shown at once. */
export interface WatchListHit {
  field: string;
  list: string;
  recordId: string;
  identifier: string;
}

export interface EntitySummary {
  id: string;
  kind: EntityKind;
  label: string; // main name, plate, VIN, document number…
  detail: string | null; // birth date and nationality, country, type
  reviewAt: string;
  updatedAt: string;
}

export interface EntityView extends EntitySummary {
  fields: EntityFields;
  version: number;
  warnings: FieldWarning[];
  hits: WatchListHit[];
  seizures: { seizureId: string; reference: string; seizedAt: string; role: ParticipationRole }[];
  links: { id: string; direction: 'from' | 'to'; kind: EntityLinkKind; other: EntitySummary }[];
  cases: { caseId: string; reference: string; role: ParticipationRole }[];
  merges: { id: string; mergedId: string; mergedLabel: string; reason: string; mergedAt: string; undoneAt: string | null }[];
  keptReason: string | null;
}

export interface Candidate {
  entity: EntitySummary;
  score: number; // 0..1
  reasons: string[]; // "same document number", "same birth date", "name variant: …"
}

export interface EntitySearchResult {
  entities: (EntitySummary & { score: number; reasons: string[] })[];
  total: number;
}

export interface GraphNode {
  id: string; // "<type>:<id>"
  type: 'entity' | 'seizure' | 'case';
  kind: string; // entity kind, or 'seizure' / 'case'
  label: string;
}

export interface GraphEdge {
  from: string;
  to: string;
  kind: string; // a participation role or a link kind
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Nodes left out beyond the limit, so the chart can say so. */
  truncated: boolean;
}

export interface CaseSummary {
  id: string;
  reference: string;
  status: CaseStatus;
  offenceType: string;
  officerName: string;
  seizureCount: number;
  entityCount: number;
  updatedAt: string;
}

export interface CaseView {
  id: string;
  reference: string;
  status: CaseStatus;
  offenceType: string;
  legalBasis: string;
  officerId: string;
  officerName: string;
  summary: string | null;
  seizures: { seizureId: string; reference: string; seizedAt: string }[];
  entities: { entity: EntitySummary; role: ParticipationRole }[];
  createdAt: string;
  updatedAt: string;
}
