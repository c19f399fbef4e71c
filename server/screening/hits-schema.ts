import { z } from 'zod';
import { LISTS } from './lists.ts';
import { pageQuery, record } from './schema.ts';

const uuid = z.uuid('must be a UUID');
const note = (what: string) => z.string().trim().min(1, 'must not be empty').max(4000, 'must be at most 4000 characters').describe(what);

export const candidateParams = z.object({ queryId: uuid, recordId: uuid });
export const hitParams = z.object({ id: uuid });
export const organisationsReply = z.object({
  items: z.array(z.object({ id: z.uuid(), name: z.string(), shortName: z.string(), kind: z.string(), country: z.string().nullable() })),
});

export const hit = z.object({
  id: z.uuid(),
  queryId: z.uuid(),
  list: z.enum(LISTS),
  recordId: z.uuid(),
  match: z.string().describe('How the search matched (exact, normalised, folded, one_edit, wildcard, fields)'),
  enquirerUserId: z.uuid(),
  enquirerOrgId: z.uuid(),
  onBehalfOfOrgId: z.uuid().nullable(),
  forOrgId: z.uuid().describe('The administration the search counts for'),
  recordingOrgId: z.uuid(),
  openedAt: z.string(),
  validationDueAt: z.string().describe('Opened + 1 hour: the validation time INTERPOL recommends, 24/7'),
  overdue: z.boolean().describe('Still pending after validationDueAt'),
  status: z.enum(['pending', 'confirmed', 'not_confirmed']),
  note: z.string().nullable(),
  decidedBy: z.uuid().nullable(),
  decidedAt: z.string().nullable(),
  enquirerOrgName: z.string().nullable(),
  forOrgName: z.string().nullable(),
  recordingOrgName: z.string().nullable(),
  onBehalfOfOrgName: z.string().nullable(),
});
export const openReply = z.object({ hit, record });

export const decisionBody = z.object({ decision: z.enum(['confirmed', 'not_confirmed'], { message: 'must be confirmed or not_confirmed' }), note: note('Why, and what the enquirer should do') });
export const hitsQuery = pageQuery.extend({
  status: z.enum(['pending', 'confirmed', 'not_confirmed']).optional(),
  role: z.enum(['mine', 'recording']).optional().describe('mine: hits your organisation enquired about; recording: hits on your records; default both'),
});
export const hitsReply = z.object({ items: z.array(hit), total: z.number(), page: z.number(), pageSize: z.number() });

export const traceRequest = z.object({
  id: z.uuid(),
  firearmRecordId: z.uuid(),
  requesterUserId: z.uuid(),
  requesterOrgId: z.uuid(),
  ownerOrgId: z.uuid(),
  question: z.string(),
  status: z.enum(['open', 'answered']),
  answer: z.string().nullable(),
  answeredBy: z.uuid().nullable(),
  answeredAt: z.string().nullable(),
  createdAt: z.string(),
  requesterOrgName: z.string().nullable(),
  ownerOrgName: z.string().nullable(),
});
export const traceAskBody = z.object({ firearmRecordId: uuid, question: note('What the enquirer asks the recording organisation') });
export const traceAnswerBody = z.object({ answer: note('The recording organisation’s answer') });
export const traceQuery = pageQuery.extend({
  status: z.enum(['open', 'answered']).optional(),
  role: z.enum(['asked', 'owner']).optional().describe('asked: requests your organisation made; owner: requests about your firearms; default both'),
});
export const traceReply = z.object({ items: z.array(traceRequest), total: z.number(), page: z.number(), pageSize: z.number() });
