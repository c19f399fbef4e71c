import { z } from 'zod';
import { multilineText, plainText, requiredText } from '../platform/http/text-schema.ts';
import { CASE_STATUSES, ENTITY_KINDS, ENTITY_LINK_KINDS, PARTICIPATION_ROLES } from './entity-view.ts';
import { companyFields, documentFields, entityKind, personFields, purpose, transportFields } from './entities/fields-schema.ts';

// The zod shapes of the nCEN routes (requests checked, answers documented in the OpenAPI page); the types
// the web reads are in entity-view.ts.

export { entityKind, purpose };
export const role = z.enum(PARTICIPATION_ROLES, { message: `must be one of: ${PARTICIPATION_ROLES.join(', ')}` });
export const linkKind = z.enum(ENTITY_LINK_KINDS, { message: `must be one of: ${ENTITY_LINK_KINDS.join(', ')}` });
export const caseStatus = z.enum(CASE_STATUSES, { message: `must be one of: ${CASE_STATUSES.join(', ')}` });
export const reason = requiredText(500).describe('Why (recorded in the audit log)');
export const idParams = z.object({ id: z.uuid('must be a UUID') });
export const purposeQuery = z.object({ purpose });

export const entitySummary = z.object({
  id: z.string(),
  kind: z.enum(ENTITY_KINDS),
  label: z.string(),
  detail: z.string().nullable(),
  reviewAt: z.string(),
  updatedAt: z.string(),
});

export const entityView = entitySummary.extend({
  fields: z.union([personFields, companyFields, transportFields, documentFields]).describe('The nominal fields of the kind (entity-view.ts)'),
  version: z.number(),
  warnings: z.array(z.object({ field: z.string(), message: z.string() })),
  hits: z.array(z.object({ field: z.string(), list: z.string(), recordId: z.string(), identifier: z.string() })),
  seizures: z.array(z.object({ seizureId: z.string(), reference: z.string(), seizedAt: z.string(), role })),
  links: z.array(z.object({ id: z.string(), direction: z.enum(['from', 'to']), kind: linkKind, other: entitySummary })),
  cases: z.array(z.object({ caseId: z.string(), reference: z.string(), role })),
  merges: z.array(z.object({ id: z.string(), mergedId: z.string(), mergedLabel: z.string(), reason: z.string(), mergedAt: z.string(), undoneAt: z.string().nullable() })),
  keptReason: z.string().nullable(),
});

export const searchQuery = z.object({
  q: plainText(300).optional(),
  kind: entityKind.optional(),
  identifier: plainText(60).optional(),
  phone: plainText(40).optional(),
  email: plainText(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  purpose,
});

export const searchResult = z.object({ entities: z.array(entitySummary.extend({ score: z.number(), reasons: z.array(z.string()) })), total: z.number() });

export const candidatesBody = z.object({
  kind: entityKind,
  fields: z.record(z.string(), z.unknown()).describe('What is typed so far (checked loosely: only what can be matched is read)'),
  excludeId: z.uuid().optional().describe('The entity being edited, left out of its own candidates'),
  purpose,
});
export const candidate = z.object({ entity: entitySummary, score: z.number(), reasons: z.array(z.string()) });

export const entityBody = z.object({ kind: entityKind, fields: z.unknown(), purpose });
export const entityUpdate = z.object({ fields: z.unknown(), version: z.number().int(), purpose });

export const graphQuery = z.object({
  from: z.string().regex(/^(entity|case|seizure):[0-9a-f-]{36}$/i, 'must be entity:<id>, case:<id> or seizure:<id>'),
  hops: z.coerce.number().int().min(1, 'must be 1 to 3').max(3, 'must be 1 to 3').default(2),
  purpose,
});
export const graph = z.object({
  nodes: z.array(z.object({ id: z.string(), type: z.enum(['entity', 'seizure', 'case']), kind: z.string(), label: z.string() })),
  edges: z.array(z.object({ from: z.string(), to: z.string(), kind: z.string() })),
  truncated: z.boolean(),
});

export const caseInput = z.object({
  offenceType: requiredText(200),
  legalBasis: requiredText(300),
  status: caseStatus.optional(),
  summary: multilineText(8000).nullable().optional(),
  officerId: z.uuid('must be a user id').optional(),
});
export const caseSummary = z.object({
  id: z.string(),
  reference: z.string(),
  status: caseStatus,
  offenceType: z.string(),
  officerName: z.string(),
  seizureCount: z.number(),
  entityCount: z.number(),
  updatedAt: z.string(),
});
export const caseView = z.object({
  id: z.string(),
  reference: z.string(),
  status: caseStatus,
  offenceType: z.string(),
  legalBasis: z.string(),
  officerId: z.string(),
  officerName: z.string(),
  summary: z.string().nullable(),
  seizures: z.array(z.object({ seizureId: z.string(), reference: z.string(), seizedAt: z.string() })),
  entities: z.array(z.object({ entity: entitySummary, role })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
