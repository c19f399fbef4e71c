import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { App, AppContext } from '../platform/context.ts';
import { requirePrincipal, type Principal } from '../platform/http/access.ts';
import { conflict, forbidden, notFound, Problem } from '../platform/http/problem.ts';
import { nonNominalProjection, seizureByExternalRef, seizureInput, type SeizureServices } from '../seizures/index.ts';
import { messageParams } from './schema.ts';
import type { Operations } from './operations.ts';

type Ctx = AppContext;
type Fields = Record<string, unknown>;
const obj = (v: unknown): Fields => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Fields) : {});
const arr = (v: unknown): Fields[] => (Array.isArray(v) ? v.map(obj) : []);
const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** The template's option codes, as the seizure record spells them. */
const LOCATION: Record<string, string> = {
  SEAPORT: 'seaport', AIRPORT: 'airport', LAND_BORDER: 'land_border', RAIL_STATION: 'rail', POSTAL_CENTRE: 'postal_express', INLAND: 'inland', OTHER: 'other',
};
const TRANSPORT: Record<string, string> = { AIR: 'air', SEA: 'sea', ROAD: 'road', RAIL: 'rail', POSTAL: 'postal', OTHER: 'other' };
const DIRECTION: Record<string, string> = { IMPORT: 'import', EXPORT: 'export', TRANSIT: 'transit', DOMESTIC: 'domestic' };
const ageBand = (age: unknown) => {
  const a = typeof age === 'number' ? age : NaN;
  if (Number.isNaN(a)) return 'unknown';
  return a < 18 ? 'under_18' : a <= 25 ? '18_25' : a <= 35 ? '26_35' : a <= 45 ? '36_45' : a <= 55 ? '46_55' : '56_plus';
};

/**
 * Reads a SEIZURE message's fields into the seizure record's vocabulary. This mapping only renames;
 * what may leave is decided by the allowlist (`nonNominalProjection`), which drops the rest — the
 * courier's description, the parties involved, the originator's name and telephone, the pictures.
 */
export function seizureCandidate(fields: Fields, number: string): Fields {
  const place = obj(fields.location);
  const legs = arr(fields.route).sort((a, b) => Number(a.order ?? 0) - Number(b.order ?? 0));
  const route = legs.map((l, i) => {
    const p = obj(l.location);
    const typed = str(l.location_type)?.toLowerCase();
    const role = typed ?? (i === 0 && legs.length > 1 ? 'departure' : i === legs.length - 1 && legs.length > 1 ? 'destination' : 'transit');
    return { role, country: str(l.country), placeLocode: str(p.locode), placeText: str(p.text), date: str(l.date)?.slice(0, 10) };
  });
  const offenders = new Map<string, Fields>();
  for (const o of arr(fields.offenders)) {
    const key = [str(o.nationality) ?? '', (str(o.gender) ?? 'unknown').toLowerCase(), ageBand(o.age)].join('|');
    const [nationality, gender, band] = key.split('|');
    const prev = offenders.get(key);
    offenders.set(key, { nationality: nationality || undefined, gender: ['male', 'female'].includes(gender) ? gender : 'unknown', ageBand: band, count: Number(prev?.count ?? 0) + 1 });
  }
  const category = str(fields.commodity_type);
  const precursors = Array.isArray(fields.precursors) ? (fields.precursors as string[]) : [];
  const goods = arr(fields.goods).map((g, i) => ({
    category,
    // A Global Shield message names the precursor; one line per precursor, in the order given.
    subcategory: str(g.subcategory) ?? (precursors.length === arr(fields.goods).length ? precursors[i] : undefined),
    hsCode: str(g.hs_code),
    description: str(g.description),
    quantity: typeof g.quantity === 'number' ? g.quantity : undefined,
    unit: str(g.unit)?.toLowerCase(),
  }));
  const detection = str(fields.detection_method);
  const device = str(fields.technical_device);
  return {
    seizedAt: str(fields.seized_at),
    country: str(fields.seizure_country),
    placeLocode: str(place.locode),
    placeText: str(place.text) ?? str(fields.port),
    locationType: LOCATION[str(fields.location_type) ?? ''] ?? 'other',
    direction: DIRECTION[str(fields.direction) ?? ''] ?? 'import',
    detectionMethods: [detection, device && device !== 'NONE' && device !== 'OTHER' ? device : undefined].filter((x): x is string => !!x && x !== 'OTHER'),
    transportMode: TRANSPORT[str(legs[0]?.transport) ?? ''],
    route,
    commodities: goods,
    offenders: [...offenders.values()],
    narrative: str(fields.narrative),
    externalRef: number,
    // Present in the message, never to leave: the allowlist drops them (and the preview lists them).
    parties: fields.parties,
    offenderDescriptions: arr(fields.offenders).map((o) => o.description).filter(Boolean),
    originator: fields.originator,
    telephone: fields.telephone,
    conveyance: fields.conveyance,
    pictures: fields.pictures,
  };
}

const previewReply = z.object({
  leaving: z.array(z.object({ path: z.string(), value: z.unknown() })).describe('Exactly the fields that would leave the operation'),
  dropped: z.array(z.string()).describe('What the message holds that stays in the operation'),
  warnings: z.array(z.object({ field: z.string(), kind: z.string(), excerpt: z.string() })),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).describe('What the seizure database would refuse'),
  exported: z.object({ seizureId: z.uuid(), reference: z.string() }).nullable(),
});

/**
 * SEIZURE messages into the CEN seizure database, through the non-nominal allowlist, as a draft of the
 * exporting NCP's administration (provenance "cencomm"; the message number is its external reference,
 * so a message is exported once).
 */
export function createCenExport(ctx: Ctx, operations: Operations, seizures: SeizureServices) {
  async function load(p: Principal, opId: string, messageId: string) {
    await operations.requireMember(p, opId);
    const [m] = await ctx.database.rows<{ fields: unknown; number: string | null; sender: string; code: string | null; status: string }>(sql`SELECT m.fields, m.number,
        m.sender_id AS sender, t.code, m.status FROM comm_messages m LEFT JOIN comm_templates t ON t.id = m.template_id
      WHERE m.id = ${messageId} AND m.operation_id = ${opId}`);
    if (!m || (m.sender !== p.userId && m.status !== 'sent')) throw notFound('Message');
    if (m.code !== 'SEIZURE' || !m.number) throw new Problem(422, 'Unprocessable Content', 'Only a submitted SEIZURE message goes to the seizure database.', [{ field: 'messageId', message: 'is not a submitted SEIZURE message' }]);
    if (m.sender !== p.userId) throw forbidden('Only the sender of a seizure message exports it, for their administration.');
    const fields = typeof m.fields === 'string' ? (JSON.parse(m.fields) as Fields) : obj(m.fields);
    return { number: m.number, projection: nonNominalProjection(seizureCandidate(fields, m.number)) };
  }

  async function already(orgId: string, number: string) {
    return seizureByExternalRef(ctx.database, orgId, number);
  }

  async function preview(p: Principal, opId: string, messageId: string) {
    const { number, projection } = await load(p, opId, messageId);
    const parsed = seizureInput.safeParse(projection.input);
    const errors = parsed.success ? (await seizures.records.check(parsed.data)).errors : parsed.error.issues.map((i) => ({ field: `body.${i.path.join('.')}`, message: i.message }));
    const leaving = projection.leaving.map((path) => ({ path, value: path.split('.').reduce<unknown>((o, k) => obj(o)[k] ?? (Array.isArray(o) ? o[Number(k)] : undefined), projection.input) }));
    return { leaving, dropped: projection.dropped, warnings: projection.warnings, errors, exported: await already(p.orgId, number) };
  }

  async function run(p: Principal, opId: string, messageId: string, acceptNominalWarnings: boolean) {
    if (!p.roles.includes('ncp')) throw forbidden('Seizures are recorded by national contact points.');
    const { number, projection } = await load(p, opId, messageId);
    if (await already(p.orgId, number)) throw conflict(`Message ${number} is already in the seizure database.`);
    const parsed = seizureInput.safeParse({ ...projection.input, acceptNominalWarnings });
    if (!parsed.success)
      throw new Problem(422, 'Unprocessable Content', 'The message lacks what a seizure record needs.', parsed.error.issues.map((i) => ({ field: `body.${i.path.join('.')}`, message: i.message })));
    const s = await seizures.records.create(p, parsed.data, {}, 'cencomm');
    await ctx.audit.record({ actor: p, action: 'comm.cen_export', targetType: 'operation', targetId: opId, detail: { messageId, seizureId: s.id, fields: projection.leaving.length } });
    return { seizureId: s.id, reference: s.reference };
  }

  return { preview, run };
}

export type CenExport = ReturnType<typeof createCenExport>;

export function registerCenExportRoutes(scope: App, cen: CenExport) {
  const tags = ['operations'];
  scope.get(
    '/api/v1/operations/:opId/messages/:messageId/cen-export',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Preview what a SEIZURE message would send to the seizure database (allowlisted fields only)', params: messageParams, response: { 200: previewReply } } },
    async (r) => (await cen.preview(requirePrincipal(r), r.params.opId, r.params.messageId)),
  );
  scope.post(
    '/api/v1/operations/:opId/messages/:messageId/cen-export',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Send a SEIZURE message to the seizure database as a draft of my administration',
        params: messageParams,
        body: z.object({ acceptNominalWarnings: z.boolean().default(false) }),
        response: { 201: z.object({ seizureId: z.uuid(), reference: z.string() }) },
      },
    },
    async (r, reply) => reply.status(201).send(await cen.run(requirePrincipal(r), r.params.opId, r.params.messageId, r.body.acceptNominalWarnings)),
  );
}
