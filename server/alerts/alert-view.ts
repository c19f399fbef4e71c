/**
 * The alerts module's vocabularies and the shapes of its API answers: dependency-free, so that the web app
 * imports them too.
 */

export const RISK_AREAS = ['drugs', 'tobacco', 'ipr', 'environment', 'weapons', 'cash', 'cultural_goods', 'revenue', 'other'] as const;
export type RiskArea = (typeof RISK_AREAS)[number];

/**
 * Handling codes, after SIENA's: who may see an alert and whether it may be passed on.
 * - H0: unrestricted; may be passed on to anyone (TLP:CLEAR).
 * - H1: law enforcement; may be passed on to law-enforcement agencies (TLP:GREEN).
 * - H2: customs only; may be passed on within customs administrations only, never to a partner agency (TLP:AMBER).
 * - H3: named recipients only; may not be passed on, forwarded or exported, and is never circulated to a
 *   whole region or globally (TLP:RED).
 */
export const HANDLING_CODES = ['H0', 'H1', 'H2', 'H3'] as const;
export type HandlingCode = (typeof HANDLING_CODES)[number];
export const TLP_OF: Record<HandlingCode, 'clear' | 'green' | 'amber' | 'red'> = { H0: 'clear', H1: 'green', H2: 'amber', H3: 'red' };

/** The 4×4 grading: the source's reliability (A always reliable … D unreliable, X cannot be judged) and the information's credibility (1 known true … 4 not known). */
export const SOURCE_RELIABILITY = ['A', 'B', 'C', 'D', 'X'] as const;
export type SourceReliability = (typeof SOURCE_RELIABILITY)[number];
export const INFO_CREDIBILITY = [1, 2, 3, 4] as const;

export const ALERT_STATUSES = ['draft', 'submitted', 'returned', 'circulated', 'withdrawn'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];
export const GLOBAL_STATUSES = ['none', 'requested', 'approved', 'declined'] as const;
export type GlobalStatus = (typeof GLOBAL_STATUSES)[number];

export const FEEDBACK = ['acted_on', 'led_to_seizure', 'not_relevant'] as const;
export type Feedback = (typeof FEEDBACK)[number];

export const ROUTE_ROLES = ['origin', 'departure', 'transit', 'destination'] as const;
export const TRANSPORT_MODES = ['air', 'sea', 'road', 'rail', 'postal', 'pedestrian', 'other'] as const;

/** Where an alert is to go: WCO regions, named administrations, distribution lists, and GRAN (every member). */
export interface Targets {
  regions: string[];
  orgIds: string[];
  listIds: string[];
  global: boolean;
}

/** What an alert says: the body of POST and PUT /alerts (schema.ts checks it), and the content of an alert as read. */
export interface AlertContent {
  title: string;
  riskArea: RiskArea;
  language: string;
  commodities: { hsCode: string; description: string }[];
  modusOperandi: string;
  concealmentMethods: string[];
  detectionMethods: string[];
  route: { role: string; country: string; place: string }[];
  transportMode: string | null;
  conveyance: string | null;
  indicators: string[];
  recommendedAction: string;
  validFrom: string;
  validUntil: string | null;
  handling: HandlingCode;
  sourceReliability: SourceReliability;
  infoCredibility: number;
  seizureIds: string[];
  warningNumbers: string[];
}

/** A distribution list of an administration. */
export interface DistributionList {
  id: string;
  name: string;
  ownerOrgId: string;
  orgIds: string[];
  orgCount: number;
  updatedAt: string;
}

export interface AlertSummary {
  id: string;
  reference: string;
  status: AlertStatus;
  title: string;
  riskArea: RiskArea;
  handling: HandlingCode;
  sourceReliability: SourceReliability;
  infoCredibility: number;
  authorOrgName: string;
  riloCode: string | null;
  validFrom: string;
  validUntil: string | null;
  circulatedAt: string | null;
  globalStatus: GlobalStatus;
  /** For a recipient: whether its administration acknowledged it. */
  acknowledged: boolean | null;
  updatedAt: string;
}

export interface AlertAck {
  orgId: string;
  orgName: string;
  userName: string;
  acknowledgedAt: string;
  feedback: Feedback | null;
  feedbackSeizure: { id: string; reference: string } | null;
  feedbackComment: string | null;
  feedbackAt: string | null;
}

export interface AlertRecipient {
  orgId: string;
  orgName: string;
  country: string | null;
  via: string;
  addedAt: string;
  acknowledgedAt: string | null;
}
