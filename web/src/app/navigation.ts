import { ALERT_READERS } from '../alerts/alerts-api.ts';
import { NOMINAL_READERS, OUTBOX_USERS } from '../national/national-roles.ts';
import { SEARCHERS } from '../screening/screening-roles.ts';
import { DIRECTORY_READERS } from '../../../server/desk/desk-view.ts';

/** The sections of the app, in menu order. Labels are locale keys. */
export interface Section {
  to:
    | '/'
    | '/operations'
    | '/profile'
    | '/password'
    | '/reference'
    | '/screening'
    | '/seizures'
    | '/alerts'
    | '/desk/directory'
    | '/national/entities'
    | '/national/cases'
    | '/national/review'
    | '/national/outbox'
    | '/screening/queries'
    | '/admin/organisations'
    | '/admin/users'
    | '/admin/tokens'
    | '/admin/audit';
  labelKey: string;
  descriptionKey: string;
  adminOnly?: boolean;
  /** Shown only to these roles (the server refuses the others anyway). */
  roles?: readonly string[];
  /** Shown only on a node of this role (the nCEN pages exist on a national node only). */
  node?: 'national';
}

export const SECTIONS: readonly Section[] = [
  { to: '/', labelKey: 'nav.home', descriptionKey: 'home.description' },
  { to: '/operations', labelKey: 'comm.nav', descriptionKey: 'comm.operations.intro' },
  { to: '/seizures', labelKey: 'seizures.nav.menu', descriptionKey: 'seizures.nav.description' },
  { to: '/alerts', labelKey: 'alerts.nav.menu', descriptionKey: 'alerts.nav.description', roles: ALERT_READERS },
  { to: '/desk/directory', labelKey: 'desk.nav.menu', descriptionKey: 'desk.nav.description', roles: DIRECTORY_READERS },
  { to: '/national/entities', labelKey: 'national.nav.entities', descriptionKey: 'national.search.intro', roles: NOMINAL_READERS, node: 'national' },
  { to: '/national/cases', labelKey: 'national.nav.cases', descriptionKey: 'national.cases.intro', roles: NOMINAL_READERS, node: 'national' },
  { to: '/national/review', labelKey: 'national.nav.review', descriptionKey: 'national.review.description', roles: NOMINAL_READERS, node: 'national' },
  { to: '/national/outbox', labelKey: 'national.nav.outbox', descriptionKey: 'national.outbox.intro', roles: OUTBOX_USERS, node: 'national' },
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

/** Whether a section is for these roles on a node of this role (hub or national). */
export function visibleTo(section: Section, roles: readonly string[], node: 'hub' | 'national'): boolean {
  if (section.node && section.node !== node) return false;
  return !section.roles || section.roles.some((r) => roles.includes(r));
}
