/** The sections of the app, in menu order. Labels are locale keys. */
export interface Section {
  to: '/' | '/profile' | '/password' | '/reference' | '/admin/organisations' | '/admin/users' | '/admin/tokens' | '/admin/audit';
  labelKey: string;
  descriptionKey: string;
  adminOnly?: boolean;
}

export const SECTIONS: readonly Section[] = [
  { to: '/', labelKey: 'nav.home', descriptionKey: 'home.description' },
  { to: '/reference', labelKey: 'nav.reference', descriptionKey: 'reference.intro' },
  { to: '/profile', labelKey: 'nav.profile', descriptionKey: 'profile.intro' },
  { to: '/password', labelKey: 'nav.password', descriptionKey: 'password.intro' },
  { to: '/admin/organisations', labelKey: 'nav.organisations', descriptionKey: 'orgs.intro', adminOnly: true },
  { to: '/admin/users', labelKey: 'nav.users', descriptionKey: 'users.intro', adminOnly: true },
  { to: '/admin/tokens', labelKey: 'nav.tokens', descriptionKey: 'tokens.intro', adminOnly: true },
  { to: '/admin/audit', labelKey: 'nav.audit', descriptionKey: 'audit.intro', adminOnly: true },
];
