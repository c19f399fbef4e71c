import { z } from 'zod';
import { ACTION_STATUSES } from './diagnostics-view.ts';

// The answers' values are checked against the questionnaire in the service, so that an answer out of range is
// a 422 that names its question (zod here only keeps the shapes and sizes sane).

export const idParams = z.object({ id: z.uuid('must be an assessment id') });
export const actionParams = idParams.extend({ actionId: z.uuid('must be an action id') });
export const langQuery = z.object({ lang: z.string().max(10).optional() });

export const createInput = z.object({
  title: z.string().trim().min(1, 'is required').max(200),
});

export const answerInput = z.object({
  questionId: z.string().trim().min(1).max(20),
  value: z.string().max(40).nullable().default(null),
  frequency: z.string().max(20).nullable().default(null),
  supported: z.boolean().nullable().default(null),
  text: z.string().max(4000).default(''),
});
export const answersInput = z.object({ answers: z.array(answerInput).min(1, 'at least one answer').max(100) });
export type AnswerBody = z.infer<typeof answerInput>;

export const commentInput = z.object({
  questionId: z.string().trim().min(1).max(20),
  body: z.string().trim().min(1, 'is required').max(4000),
});

export const settingsInput = z.object({
  title: z.string().trim().min(1, 'is required').max(200).optional(),
  shareWithWco: z.boolean().optional(),
});

export const completeInput = z.object({ shareWithWco: z.boolean().optional() });

export const actionInput = z.object({
  owner: z.string().trim().max(200).optional(),
  dueDate: z.iso.date('must be a date (YYYY-MM-DD)').nullable().optional(),
  status: z.enum(ACTION_STATUSES, { message: `must be one of ${ACTION_STATUSES.join(', ')}` }).optional(),
  note: z.string().max(2000).optional(),
});
export type ActionBody = z.infer<typeof actionInput>;

export const regionalQuery = z.object({ region: z.string().max(80).optional() });
