import { SEARCHERS } from '../screening/screening-roles.ts';

/** The sections of the app, in menu order. Labels are locale keys. */
export interface Section {
  to: '/' | '/operations' | '/profile' | '/password' | '/reference' | '/screening' | '/seizures' | '/screening/queries' | '/admin/organisations' | '/admin/users' | '/admin/tokens' | '/admin/audit';
  labelKey: string;
  descriptionKey: string;
  adminOnly?: boolean;
  /** Shown only to these roles (the server refuses the others anyway). */
  roles?: readonly string[];
}

export const SECTIONS: readonly Section[] = [
  { to: '/', labelKey: 'nav.home', descriptionKey: 'home.description' },
  { to: '/operations', labelKey: 'comm.nav', descriptionKey: 'comm.operations.intro' },
  { to: '/seizures', labelKey: 'seizures.nav.menu', descriptionKey: 'seizures.nav.description' },
  { to: '/screening', labelKey: 'nav.screening', descriptionKey: 'screening.intro', roles: SEARCHERS },
  { to: '/reference', labelKey: 'nav.reference', descriptionKey: 'reference.intro' },
  { to: '/profile', labelKey: 'nav.profile', descriptionKey: 'profile.intro' },
  { to: '/password', labelKey: 'nav.password', descriptionKey: 'password.intro' },
  { to: '/admin/organisations', labelKey: 'nav.organisations', descriptionKey: 'orgs.intro', adminOnly: true },
  { to: '/admin/users', labelKey: 'nav.users', descriptionKey: 'users.intro', adminOnly: true },
  { to: '/admin/tokens', labelKey: 'nav.tokens', descriptionKey: 'tokens.intro', adminOnly: true },
  { to: '/admin/audit', labelKey: 'nav.audit', descriptionKey: 'audit.intro', adminOnly: true },
  { to: '/screening/queries', labelKey: 'nav.screeningQueries', descriptionKey: 'screening.queries.intro', adminOnly: true },
];

export function visibleTo(section: Section, roles: readonly string[]): boolean {
  return !section.roles || section.roles.some((r) => roles.includes(r));
}
