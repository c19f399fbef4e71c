/**
 * The identity module's public face: organisations, users, sessions, TOTP, API tokens and the audit log.
 * Other modules import only from here (docs/modules.md). For joins in SQL, identity publishes two read-only
 * views (migration identity/0002): `identity_users` and `identity_organisations`; no other module reads the
 * `users` or `organisations` tables.
 */
export { createIdentityModule, type IdentityModuleDeps } from './module.ts';
export { createAuditLog, verifyAuditChain } from './audit.ts';
export { createAuthenticator } from './authenticate.ts';
export { createOrganisation, createOrganisations, createUser, getOrganisation, listOrganisations, listUsers, resetPassword, type OrganisationSummary } from './directory.ts';
export { findUserIdByUsername, findOrganisationByShortName } from './lookup.ts';
export { issueApiToken, revokeApiToken } from './api-tokens.ts';
export { queueNotice, type Notice, type Recipients } from './notices.ts';
export { resealSecrets } from './reseal-secrets.ts';
