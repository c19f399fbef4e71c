import { z } from 'zod';
import { ROLES } from '../platform/http/access.ts';
import { ORG_KINDS } from './directory-view.ts';

export const LANGUAGES = ['en', 'fr', 'es', 'pt', 'ru', 'fa-AF', 'ur'] as const;

export const meSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  orgCountry: z.string().nullable().describe("The administration's country (forms default to it)"),
  roles: z.array(z.string()),
  language: z.string(),
  totpEnabled: z.boolean(),
  mustChangePassword: z.boolean(),
});

const phone = z.string().trim().max(40).regex(/^[+\d][\d\s().\-/]*$/, 'must be a phone number: digits, spaces, + ( ) - . /');
const optionalPhone = z.union([z.literal(''), phone]);
const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);

/** CENcomm's "Your profile" screen: surname or office name, phone and e-mail are mandatory. */
export const profileSchema = z
  .object({
    surname: text(100),
    officeName: text(200),
    firstName: text(100),
    country: z.union([z.literal(''), z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 code')]),
    service: text(200),
    officeHours: text(200),
    outOfHoursPhone: optionalPhone,
    address: text(500),
    phone: z.string().trim().min(1, 'is required').pipe(phone),
    fax: optionalPhone,
    email: z.string().trim().min(1, 'is required').pipe(z.email('must be an e-mail address').max(254)),
    email2: z.union([z.literal(''), z.email('must be an e-mail address').max(254)]),
    language: z.enum(LANGUAGES, { message: `must be one of ${LANGUAGES.join(', ')}` }),
    mailAlerts: z.boolean(),
    libraryAlerts: z.boolean(),
  })
  .superRefine((p, ctx) => {
    if (!p.surname && !p.officeName) {
      ctx.addIssue({ code: 'custom', path: ['surname'], message: 'surname or office name is required' });
      ctx.addIssue({ code: 'custom', path: ['officeName'], message: 'surname or office name is required' });
    }
  });
export type Profile = z.infer<typeof profileSchema>;

/** The stored profile as answered: accounts made by an administrator may not have filled the mandatory fields yet. */
export const profileOutput = z.object({
  surname: z.string(),
  officeName: z.string(),
  firstName: z.string(),
  country: z.string(),
  service: z.string(),
  officeHours: z.string(),
  outOfHoursPhone: z.string(),
  address: z.string(),
  phone: z.string(),
  fax: z.string(),
  email: z.string(),
  email2: z.string(),
  language: z.string(),
  mailAlerts: z.boolean(),
  libraryAlerts: z.boolean(),
});

export const orgSchema = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string(),
  kind: z.enum(ORG_KINDS),
  country: z.string().nullable(),
  region: z.string().nullable(),
  userCount: z.number(),
});

export const orgInput = z.object({
  name: text(200).min(2, 'must be at least 2 characters'),
  shortName: text(40).min(2, 'must be at least 2 characters').regex(/^[\w .\-/()]+$/, 'may hold letters, digits, spaces and . - / ( ) only'),
  kind: z.enum(ORG_KINDS, { message: `must be one of ${ORG_KINDS.join(', ')}` }),
  country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 code').nullable().optional(),
  region: z.string().max(40).nullable().optional(),
});

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  roles: z.array(z.string()),
  disabled: z.boolean(),
  totpEnabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  system: z.boolean(),
});

const roles = z.array(z.enum(ROLES, { message: `must be one of ${ROLES.join(', ')}` })).min(1, 'at least one role is required');

export const userCreateInput = z.object({
  username: z.string().trim().min(3, 'must be at least 3 characters').max(60).regex(/^[a-z0-9][a-z0-9._-]*$/i, 'may hold letters, digits and . _ - only'),
  displayName: text(200).min(1, 'is required'),
  email: z.email('must be an e-mail address').max(254),
  orgId: z.uuid('must be an organisation id'),
  roles,
  system: z.boolean().default(false),
  password: z.string().max(256).optional(),
});

export const userUpdateInput = z.object({
  displayName: text(200).min(1, 'is required').optional(),
  email: z.email('must be an e-mail address').max(254).optional(),
  orgId: z.uuid('must be an organisation id').optional(),
  roles: roles.optional(),
  disabled: z.boolean().optional(),
});
