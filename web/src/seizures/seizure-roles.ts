/** Who may do what with seizures, as server/seizures/routes.ts grants it. */
export const REPORTERS = ['ncp'] as const;
export const REVIEWERS = ['rilo_analyst'] as const;
export const IMPORTERS = ['ncp'] as const;

const hasAny = (roles: readonly string[], allowed: readonly string[]) => roles.some((r) => allowed.includes(r));

export const canReport = (roles: readonly string[]) => hasAny(roles, REPORTERS);
export const canReview = (roles: readonly string[]) => hasAny(roles, REVIEWERS);
export const canImport = (roles: readonly string[]) => hasAny(roles, IMPORTERS);
/** Every signed-in member reads validated seizures, the dashboard and the report. */
export const canRead = () => true;
