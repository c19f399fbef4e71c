/** Who may do what in screening, as server/screening/routes.ts grants it. */
export const SEARCHERS = ['ncp', 'rilo_analyst', 'i2c_officer', 'partner'] as const;
export const RECORDERS = ['ncp', 'i2c_officer', 'admin'] as const;

const hasAny = (roles: readonly string[], allowed: readonly string[]) => roles.some((r) => allowed.includes(r));

export const canSearch = (roles: readonly string[]) => hasAny(roles, SEARCHERS);
export const canRecord = (roles: readonly string[]) => hasAny(roles, RECORDERS);
export const canSeeQueries = (roles: readonly string[]) => roles.includes('admin');
/** An I2C officer searches on behalf of a member administration. */
export const searchesOnBehalf = (roles: readonly string[]) => roles.includes('i2c_officer');
/** Either side of a hit or a trace request: who searches and who records (server/screening/hits-routes.ts). */
export const canSeeHits = (roles: readonly string[]) => canSearch(roles) || canRecord(roles);
