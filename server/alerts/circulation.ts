import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db/database.ts';
import { execRows } from '../platform/db/database.ts';
import { Problem, type FieldError } from '../platform/http/problem.ts';
import type { ReferenceSets } from '../reference/index.ts';
import type { HandlingCode, Targets } from './alert-view.ts';

/** An organisation of the directory, as circulation sees it. */
export interface DirectoryOrg {
  id: string;
  name: string;
  kind: string;
  country: string | null;
  region: string | null;
}

/** The organisations an alert reaches, each with how (region:EUR, org, list:<id>, global). */
export type Resolved = Map<string, string>;

const CUSTOMS_KINDS = new Set(['customs', 'rilo', 'wco']);

/** What a handling code allows: a whole region or GRAN, partner agencies, forwarding, export. */
export function handlingRules(code: HandlingCode) {
  return {
    wide: code !== 'H3',
    partners: code === 'H0' || code === 'H1',
    passOn: code !== 'H3',
    exportable: code !== 'H3',
  };
}

export async function directory(tx: Db): Promise<Map<string, DirectoryOrg>> {
  const rows = await execRows<DirectoryOrg>(tx, sql`SELECT id, name, kind, country, region FROM identity_organisations`);
  return new Map(rows.map((r) => [r.id, r]));
}

const unprocessable = (errors: FieldError[]) => new Problem(422, 'Unprocessable Content', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);

/**
 * Resolves where an alert is to go into organisations, refusing what its handling code does not allow:
 * H3 goes to named administrations and lists only; H2 never to a partner agency. A region takes its
 * customs administrations and RILOs; GRAN takes every customs administration, RILO and the WCO.
 */
export async function resolveTargets(
  tx: Db,
  ref: ReferenceSets,
  t: Targets,
  code: HandlingCode,
  lists: (ids: string[]) => Promise<Map<string, string[]>>,
): Promise<Resolved> {
  const rules = handlingRules(code);
  const errors: FieldError[] = [];
  if (!t.regions.length && !t.orgIds.length && !t.listIds.length && !t.global) errors.push({ field: 'targets', message: 'name at least one region, administration, list or global circulation' });
  if (!rules.wide && t.regions.length) errors.push({ field: 'targets.regions', message: `handling code ${code} allows named recipients only, not a whole region` });
  if (!rules.wide && t.global) errors.push({ field: 'targets.global', message: `handling code ${code} allows named recipients only, not global circulation` });
  const knownRegions = new Set([...ref.regionOf.values()].filter((r): r is string => !!r));
  for (const r of t.regions) if (!knownRegions.has(r)) errors.push({ field: 'targets.regions', message: `${r} is not a WCO region` });
  const orgs = await directory(tx);
  const out: Resolved = new Map();
  const add = (org: DirectoryOrg, via: string, field: string) => {
    if (!CUSTOMS_KINDS.has(org.kind) && !rules.partners) {
      errors.push({ field, message: `${org.name} is not a customs administration: handling code ${code} keeps the alert within customs` });
      return;
    }
    if (!out.has(org.id)) out.set(org.id, via);
  };
  for (const id of t.orgIds) {
    const org = orgs.get(id);
    if (!org) errors.push({ field: 'targets.orgIds', message: `${id} is not an organisation` });
    else add(org, 'org', 'targets.orgIds');
  }
  const members = await lists(t.listIds);
  for (const id of t.listIds) {
    const ids = members.get(id);
    if (!ids) {
      errors.push({ field: 'targets.listIds', message: `${id} is not a distribution list you may use` });
      continue;
    }
    for (const orgId of ids) {
      const org = orgs.get(orgId);
      if (org) add(org, `list:${id}`, 'targets.listIds');
    }
  }
  const regionOf = (o: DirectoryOrg) => o.region ?? (o.country ? (ref.regionOf.get(o.country) ?? null) : null);
  const regions = new Set(t.regions);
  for (const org of orgs.values()) {
    if (!CUSTOMS_KINDS.has(org.kind)) continue;
    const r = org.kind !== 'wco' ? regionOf(org) : null;
    if (r && regions.has(r) && !out.has(org.id)) out.set(org.id, `region:${r}`);
    else if (t.global && !out.has(org.id)) out.set(org.id, 'global');
  }
  if (errors.length) throw unprocessable(errors);
  return out;
}

/** Adds the organisations to the alert's recipients (those already there keep how they got it); answers the new ones. */
export async function addRecipients(tx: Db, alertId: string, resolved: Resolved): Promise<string[]> {
  if (!resolved.size) return [];
  const rows = [...resolved].map(([orgId, via]) => ({ orgId, via }));
  const added = await execRows<{ org_id: string }>(
    tx,
    sql`INSERT INTO alert_recipients (alert_id, org_id, via)
      SELECT ${alertId}::uuid, r."orgId", r.via FROM json_to_recordset(${JSON.stringify(rows)}::json) AS r("orgId" uuid, via text)
      ON CONFLICT DO NOTHING RETURNING org_id`,
  );
  return added.map((r) => r.org_id);
}
