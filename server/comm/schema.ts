import { z } from 'zod';

export const OPERATION_STATUSES = ['planned', 'active', 'closed', 'archived'] as const;
/** Operation roles, from the seed: OCU+ coordinates, OCU sees everything, NCP and PU take part. */
export const OPERATION_ROLES = ['ocu_plus', 'ocu', 'ncp', 'pu'] as const;
export type OperationRole = (typeof OPERATION_ROLES)[number];
export const ADDRESS_MODES = ['ncps', 'country', 'all', 'chosen'] as const;
export const MAX_ATTACHMENTS = 10;

const enumOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { message: `must be one of: ${values.join(', ')}` });
const date = z.iso.date('must be a date as YYYY-MM-DD');
/** The runtime knows every IANA zone; an unknown one throws. */
function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const operationInput = z.object({
  code: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{2,10}$/, 'must be 2 to 10 letters or digits, e.g. GS'),
  name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  description: z.string().trim().max(5000, 'must be at most 5000 characters').default(''),
  startsOn: date.optional().nullable(),
  endsOn: date.optional().nullable(),
  status: enumOf(OPERATION_STATUSES).default('planned'),
  newsletterHour: z.number().int().min(0).max(23).default(7),
  newsletterTimeZone: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .refine(isTimeZone, 'must be an IANA time zone, e.g. Europe/Brussels or Asia/Kabul')
    .default('UTC'),
});
export type OperationInput = z.infer<typeof operationInput>;

export const operation = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  description: z.string(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  status: z.string(),
  organiserOrgId: z.uuid(),
  organiserName: z.string(),
  newsletterHour: z.number(),
  newsletterTimeZone: z.string(),
  myRole: z.string(),
  memberCount: z.number(),
  unread: z.number(),
});

export const opParams = z.object({ opId: z.uuid('must be a UUID') });
export const memberParams = opParams.extend({ userId: z.uuid('must be a UUID') });
export const messageParams = opParams.extend({ messageId: z.uuid('must be a UUID') });
export const folderParams = opParams.extend({ folderId: z.uuid('must be a UUID') });

export const member = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  username: z.string(),
  orgName: z.string(),
  country: z.string().nullable(),
  role: z.string(),
  addedAt: z.string(),
  createdForGroup: z.boolean().describe('An account an OCU+ created for this operation (the OCU+ may reset its password)'),
});
export const memberInput = z.object({ userId: z.uuid('must be a UUID'), role: enumOf(OPERATION_ROLES) });
export const memberRoleInput = z.object({ role: enumOf(OPERATION_ROLES) });

export const composeInput = z.object({
  to: z.object({
    mode: enumOf(ADDRESS_MODES).describe('ncps: the NCPs of the operation; country: all members of my country; all: every member; chosen: userIds'),
    userIds: z.array(z.uuid('must be a UUID')).max(5000).optional(),
  }),
  subject: z.string().trim().min(1, 'must not be empty').max(300, 'must be at most 300 characters'),
  body: z.string().max(100_000, 'must be at most 100000 characters').default(''),
  replyToId: z.uuid().optional(),
  forwardOfId: z.uuid().optional(),
  attachmentIds: z.array(z.uuid('must be a UUID')).max(MAX_ATTACHMENTS, `at most ${MAX_ATTACHMENTS} attachments`).default([]),
});
export type ComposeInput = z.infer<typeof composeInput>;

export const attachment = z.object({ id: z.uuid(), name: z.string(), mime: z.string(), size: z.number() });

export const messageSummary = z.object({
  id: z.uuid(),
  subject: z.string(),
  senderId: z.uuid(),
  senderName: z.string(),
  senderCountry: z.string().nullable(),
  sentAt: z.string(),
  read: z.boolean(),
  folder: z.string(),
  attachments: z.number(),
  recipientCount: z.number(),
});

export const message = messageSummary.extend({
  operationId: z.uuid(),
  body: z.string(),
  addressedTo: z.string(),
  replyToId: z.uuid().nullable(),
  forwardedFromId: z.uuid().nullable(),
  recipients: z.array(z.object({ userId: z.uuid(), displayName: z.string() })),
  attachmentList: z.array(attachment),
});

export const BOXES = ['inbox', 'outbox', 'bin'] as const;
export const mailboxQuery = z.object({
  folder: z.string().trim().min(1).max(40).default('inbox').describe('inbox, outbox, bin or one of my folder ids'),
  q: z.string().trim().max(200).optional(),
  unread: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export const mailboxPage = z.object({ items: z.array(messageSummary), total: z.number(), totalCapped: z.boolean(), page: z.number(), pageSize: z.number() });
export const moveInput = z.object({ folder: z.string().trim().min(1).max(40).describe('inbox, bin or one of my folder ids (outbox for my own messages)') });
export const folderInput = z.object({ name: z.string().trim().min(1, 'must not be empty').max(60, 'must be at most 60 characters') });
export const folder = z.object({ id: z.string(), name: z.string(), total: z.number(), unread: z.number(), builtIn: z.boolean() });
export const readStatus = z.object({
  read: z.number(),
  unread: z.number(),
  recipients: z.array(z.object({ userId: z.uuid(), displayName: z.string(), country: z.string().nullable(), readAt: z.string().nullable() })),
});
