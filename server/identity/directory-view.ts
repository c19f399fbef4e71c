// What the directory API answers, without runtime imports: the server builds these and the web app reads them.

export const ORG_KINDS = ['customs', 'rilo', 'wco', 'partner'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

/** A user as administrators see it. */
export interface UserView {
  id: string;
  username: string;
  displayName: string;
  email: string;
  orgId: string;
  orgName: string;
  roles: string[];
  disabled: boolean;
  totpEnabled: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  system: boolean;
}
