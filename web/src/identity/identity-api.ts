import { api } from '../app/api.ts';

export const ROLES = ['admin', 'ncp', 'rilo_analyst', 'i2c_officer', 'partner', 'viewer', 'nominal_read', 'nominal_write'] as const;
export type Role = (typeof ROLES)[number];

export type SecondFactor = 'none' | 'verify' | 'enrol';

export interface Me {
  id: string;
  username: string;
  displayName: string;
  orgId: string;
  orgName: string;
  /** The administration's country: the seizure form starts with it. */
  orgCountry: string | null;
  roles: string[];
  language: string;
  totpEnabled: boolean;
  mustChangePassword: boolean;
}

export interface SessionAnswer {
  user: Me;
  csrfToken: string;
  secondFactor: SecondFactor;
  /** The role of this deployment: a national node (nCEN) has pages a hub has not. */
  node: 'hub' | 'national';
}

export interface TotpEnrolment {
  secret: string;
  otpauthUrl: string;
  qrDataUrl: string;
}

export interface Profile {
  surname: string;
  officeName: string;
  firstName: string;
  country: string;
  service: string;
  officeHours: string;
  outOfHoursPhone: string;
  address: string;
  phone: string;
  fax: string;
  email: string;
  email2: string;
  language: string;
  mailAlerts: boolean;
  libraryAlerts: boolean;
}

export const identityApi = {
  me: () => api.get<SessionAnswer>('/auth/me'),
  login: (username: string, password: string) => api.post<SessionAnswer>('/auth/login', { username, password }),
  logout: () => api.post<void>('/auth/logout'),
  enrolTotp: () => api.post<TotpEnrolment>('/auth/totp/enrol'),
  confirmTotp: (code: string) => api.post<SessionAnswer>('/auth/totp/confirm', { code }),
  verifyTotp: (code: string) => api.post<SessionAnswer>('/auth/totp/verify', { code }),
  changePassword: (currentPassword: string, newPassword: string) => api.post<void>('/auth/password', { currentPassword, newPassword }),
  profile: () => api.get<Profile>('/profile'),
  saveProfile: (profile: Profile) => api.put<Profile>('/profile', profile),
  saveLanguage: (language: string) => api.put<void>('/profile/language', { language }),
};
