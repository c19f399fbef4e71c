import { eq } from 'drizzle-orm';
import type { Principal } from '../platform/http/access.ts';
import { badRequest, notFound } from '../platform/http/problem.ts';
import { profileSchema, LANGUAGES, type Profile } from './schemas.ts';
import { users } from './tables.ts';
import type { DirectoryDeps } from './directory.ts';

const EMPTY: Omit<Profile, 'email' | 'language'> = {
  surname: '',
  officeName: '',
  firstName: '',
  country: '',
  service: '',
  officeHours: '',
  outOfHoursPhone: '',
  address: '',
  phone: '',
  fax: '',
  email2: '',
  mailAlerts: false,
  libraryAlerts: false,
};

export async function getProfile(deps: DirectoryDeps, userId: string): Promise<Profile> {
  const [u] = await deps.database.db.select().from(users).where(eq(users.id, userId));
  if (!u) throw notFound('User');
  const stored = u.profile as Partial<Profile>;
  return { ...EMPTY, ...stored, email: u.email, language: (LANGUAGES as readonly string[]).includes(u.language) ? (u.language as Profile['language']) : 'en' };
}

/** The language alone: it can be saved before the mandatory profile fields are filled. */
export async function updateLanguage(deps: DirectoryDeps, p: Principal, language: Profile['language'], meta: { ip?: string; requestId?: string }) {
  await deps.database.db.transaction(async (tx) => {
    await tx.update(users).set({ language, updatedAt: new Date() }).where(eq(users.id, p.userId));
    await deps.audit.record({ actor: p, action: 'profile.language', targetType: 'user', targetId: p.userId, detail: { language }, ...meta }, tx);
  });
}

export async function updateProfile(deps: DirectoryDeps, p: Principal, input: Profile, meta: { ip?: string; requestId?: string }) {
  const profile = profileSchema.parse(input);
  if (profile.country && !(await deps.countryExists(profile.country)))
    throw badRequest(`Unknown country ${profile.country}.`, [{ field: 'body.country', message: 'is not a known ISO 3166 country' }]);
  const { email, language, ...rest } = profile;
  const displayName = [profile.firstName, profile.surname].filter(Boolean).join(' ') || profile.officeName;
  await deps.database.db.transaction(async (tx) => {
    await tx.update(users).set({ email, language, profile: rest, displayName, updatedAt: new Date() }).where(eq(users.id, p.userId));
    await deps.audit.record({ actor: p, action: 'profile.update', targetType: 'user', targetId: p.userId, ...meta }, tx);
  });
  return getProfile(deps, p.userId);
}
