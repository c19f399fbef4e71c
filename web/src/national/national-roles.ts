/** Who may do what on a national node, as the nCEN routes grant it (entity-view.ts and outbox-view.ts). */
export const NOMINAL_READERS = ['nominal_read', 'nominal_write'] as const;
export const NOMINAL_WRITERS = ['nominal_write'] as const;
export const OUTBOX_USERS = ['ncp', 'admin'] as const;

const hasAny = (roles: readonly string[], allowed: readonly string[]) => roles.some((r) => allowed.includes(r));

export const canReadNominal = (roles: readonly string[]) => hasAny(roles, NOMINAL_READERS);
export const canWriteNominal = (roles: readonly string[]) => hasAny(roles, NOMINAL_WRITERS);
export const canUseOutbox = (roles: readonly string[]) => hasAny(roles, OUTBOX_USERS);
