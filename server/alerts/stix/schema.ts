import { z } from 'zod';

// The STIX 2.1 objects OpenCEN writes and reads, after the OASIS STIX 2.1 specification (section 3, common
// properties; section 4, SDOs; section 7, data markings; section 8, bundle). Known objects are checked
// strictly on what the specification requires; other properties (custom x_ ones included) pass through.

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}';
/** `<type>--<uuid>`; the type is lowercase ASCII letters, digits and hyphens, 3 to 250 characters. */
export const identifier = z.string().regex(new RegExp(`^[a-z0-9][a-z0-9-]{1,248}[a-z0-9]--${UUID}$`), 'must be an identifier <type>--<UUID>');
export const identifierOf = (type: string) => z.string().regex(new RegExp(`^${type}--${UUID}$`), `must be an identifier ${type}--<UUID>`);

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const validDate = (s: string) => !Number.isNaN(Date.parse(s));
/** A timestamp: RFC 3339, UTC ("Z"), any fraction of a second. */
export const timestamp = z.string().regex(RFC3339, 'must be an RFC 3339 timestamp in UTC (…Z)').refine(validDate, 'is not a real date and time');
/** `created` and `modified`: precise to the millisecond at least (spec 3.2). */
export const timestampMs = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3,}Z$/, 'must be a timestamp precise to the millisecond (YYYY-MM-DDTHH:mm:ss.sssZ)')
  .refine(validDate, 'is not a real date and time');

const nonEmpty = <T extends z.ZodType>(t: T) => z.array(t).min(1, 'must not be empty when present');
const externalReference = z.looseObject({ source_name: z.string().min(1), description: z.string().optional(), url: z.string().optional(), external_id: z.string().optional() });
const granularMarking = z.looseObject({ selectors: nonEmpty(z.string()), marking_ref: identifierOf('marking-definition').optional(), lang: z.string().optional() });

/** The common properties of every STIX Domain Object (spec 3.1). */
const sdoCommon = {
  spec_version: z.literal('2.1', 'must be 2.1'),
  id: identifier,
  created_by_ref: identifierOf('identity').optional(),
  created: timestampMs,
  modified: timestampMs,
  revoked: z.boolean().optional(),
  labels: nonEmpty(z.string()).optional(),
  confidence: z.number().int().min(0).max(100).optional(),
  lang: z.string().optional(),
  external_references: nonEmpty(externalReference).optional(),
  object_marking_refs: nonEmpty(identifierOf('marking-definition')).optional(),
  granular_markings: nonEmpty(granularMarking).optional(),
  extensions: z.record(z.string(), z.looseObject({})).optional(),
};

const modifiedNotBeforeCreated = (o: { created: string; modified: string }) => Date.parse(o.modified) >= Date.parse(o.created);
const afterCreated = { message: 'modified must not be earlier than created', path: ['modified'] };

export const identitySdo = z
  .looseObject({
    ...sdoCommon,
    type: z.literal('identity'),
    id: identifierOf('identity'),
    name: z.string().min(1, 'is required'),
    description: z.string().optional(),
    roles: nonEmpty(z.string()).optional(),
    identity_class: z.string().optional(),
    sectors: nonEmpty(z.string()).optional(),
    contact_information: z.string().optional(),
  })
  .refine(modifiedNotBeforeCreated, afterCreated);

export const reportSdo = z
  .looseObject({
    ...sdoCommon,
    type: z.literal('report'),
    id: identifierOf('report'),
    name: z.string().min(1, 'is required'),
    description: z.string().optional(),
    report_types: nonEmpty(z.string()).optional(),
    published: timestamp,
    object_refs: nonEmpty(identifier),
  })
  .refine(modifiedNotBeforeCreated, afterCreated);

/**
 * A STIX pattern, checked for its outer shape: one or more bracketed observation expressions, each
 * comparison naming an object path `<type>:<property>` (spec 9). Brackets and quotes must balance.
 */
export function looksLikeStixPattern(p: string): boolean {
  let depth = 0;
  let inString = false;
  let body = '';
  let observations = 0;
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === "'") inString = false;
      continue;
    }
    if (c === "'") inString = true;
    else if (c === '[') {
      if (depth === 0) body = '';
      depth++;
    } else if (c === ']') {
      depth--;
      if (depth < 0) return false;
      if (depth === 0) {
        if (!/[a-z0-9][a-z0-9-]*[a-z0-9]:[A-Za-z0-9_'.\-[\]*]+\s*(NOT\s+)?(=|!=|<>|<=|>=|<|>|IN|LIKE|MATCHES|ISSUBSET|ISSUPERSET)/.test(body.trim())) return false;
        observations++;
      }
    } else if (depth > 0) body += c;
  }
  return !inString && depth === 0 && observations > 0;
}

export const indicatorSdo = z
  .looseObject({
    ...sdoCommon,
    type: z.literal('indicator'),
    id: identifierOf('indicator'),
    name: z.string().optional(),
    description: z.string().optional(),
    indicator_types: nonEmpty(z.string()).optional(),
    pattern: z.string().min(1, 'is required'),
    pattern_type: z.string().min(1, 'is required'),
    pattern_version: z.string().optional(),
    valid_from: timestamp,
    valid_until: timestamp.optional(),
    kill_chain_phases: nonEmpty(z.looseObject({ kill_chain_name: z.string(), phase_name: z.string() })).optional(),
  })
  .refine(modifiedNotBeforeCreated, afterCreated)
  .refine((o) => o.valid_until === undefined || Date.parse(o.valid_until) > Date.parse(o.valid_from), { message: 'valid_until must be later than valid_from', path: ['valid_until'] })
  .refine((o) => o.pattern_type !== 'stix' || looksLikeStixPattern(o.pattern), { message: 'is not a STIX pattern ([object-type:property operator value])', path: ['pattern'] });

export const observedDataSdo = z
  .looseObject({
    ...sdoCommon,
    type: z.literal('observed-data'),
    id: identifierOf('observed-data'),
    first_observed: timestamp,
    last_observed: timestamp,
    number_observed: z.number().int().min(1).max(999_999_999),
    objects: z.record(z.string(), z.looseObject({})).optional(),
    object_refs: nonEmpty(identifier).optional(),
  })
  .refine(modifiedNotBeforeCreated, afterCreated)
  .refine((o) => Date.parse(o.last_observed) >= Date.parse(o.first_observed), { message: 'last_observed must not be earlier than first_observed', path: ['last_observed'] })
  .refine((o) => (o.objects === undefined) !== (o.object_refs === undefined), { message: 'exactly one of objects and object_refs must be present', path: ['object_refs'] });

/** A marking definition (spec 7.2): the TLP 2.0 ones carry their level in a property extension. */
export const markingDefinition = z
  .looseObject({
    type: z.literal('marking-definition'),
    spec_version: z.literal('2.1', 'must be 2.1'),
    id: identifierOf('marking-definition'),
    created_by_ref: identifierOf('identity').optional(),
    created: timestampMs,
    external_references: nonEmpty(externalReference).optional(),
    object_marking_refs: nonEmpty(identifierOf('marking-definition')).optional(),
    granular_markings: nonEmpty(granularMarking).optional(),
    name: z.string().optional(),
    definition_type: z.string().optional(),
    definition: z.looseObject({}).optional(),
    extensions: z.record(z.string(), z.looseObject({})).optional(),
  })
  .refine((o) => o.extensions !== undefined || (o.definition_type !== undefined && o.definition !== undefined), {
    message: 'a marking definition needs definition_type and definition, or an extension',
    path: ['definition'],
  });

/** Any other STIX object: the common properties every object has (type, id; spec_version for SDOs and SCOs). */
export const otherObject = z.looseObject({ type: z.string().regex(/^[a-z0-9][a-z0-9-]{1,248}[a-z0-9]$/, 'must be a STIX type name'), id: identifier });

const KNOWN = { identity: identitySdo, report: reportSdo, indicator: indicatorSdo, 'observed-data': observedDataSdo, 'marking-definition': markingDefinition } as const;
export type KnownType = keyof typeof KNOWN;

/** One object of a bundle: checked by its type's schema when OpenCEN knows it, on the common properties otherwise. */
export const stixObject = z.unknown().superRefine((value, ctx) => {
  const base = otherObject.safeParse(value);
  if (!base.success) {
    for (const i of base.error.issues) ctx.addIssue({ code: 'custom', message: i.message, path: i.path });
    return;
  }
  const known = KNOWN[base.data.type as KnownType];
  if (!known) return;
  const r = known.safeParse(value);
  if (!r.success) for (const i of r.error.issues) ctx.addIssue({ code: 'custom', message: i.message, path: i.path });
  else if (base.data.id.split('--')[0] !== base.data.type) ctx.addIssue({ code: 'custom', message: `the id must start with ${base.data.type}--`, path: ['id'] });
});

/** A bundle (spec 8): not itself a STIX object, a container of any number of them. */
export const bundle = z.looseObject({
  type: z.literal('bundle', 'must be bundle'),
  id: identifierOf('bundle'),
  objects: z.array(stixObject).max(10_000).optional(),
});

export type StixObject = Record<string, unknown> & { type: string; id: string };
export interface Bundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}
export type Report = z.infer<typeof reportSdo>;
export type Indicator = z.infer<typeof indicatorSdo>;
