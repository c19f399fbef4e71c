import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../platform/db/database.ts';
import type { Principal, Role } from '../platform/http/access.ts';
import { getOrganisation } from '../identity/index.ts';

/** Who may open the alert pages at all; what each reads is narrowed further by `readable`. */
export const ALERT_READERS: Role[] = ['ncp', 'rilo_analyst', 'i2c_officer', 'partner', 'viewer'];
/** Who may write an alert (NCPs draft for their RILO; RILOs and the I2C write their own). */
export const ALERT_WRITERS: Role[] = ['ncp', 'rilo_analyst', 'i2c_officer'];

/** The reader as the alert rules see it. */
export interface AlertScope {
  userId: string;
  orgId: string;
  orgKind: string;
  country: string | null;
  region: string | null;
  /** The RILO code of a RILO analyst in a RILO (who reviews that RILO's alerts). */
  rilo: string | null;
  /** An I2C officer of the WCO (who decides global circulation). */
  i2c: boolean;
  writer: boolean;
}

export async function scopeOf(database: Database, p: Principal): Promise<AlertScope> {
  const org = await getOrganisation(database, p.orgId);
  return {
    userId: p.userId,
    orgId: p.orgId,
    orgKind: org?.kind ?? 'customs',
    country: org?.country ?? null,
    region: org?.region ?? null,
    rilo: p.roles.includes('rilo_analyst') && org?.kind === 'rilo' ? org.shortName.toUpperCase() : null,
    i2c: p.roles.includes('i2c_officer') && org?.kind === 'wco',
    writer: ALERT_WRITERS.some((r) => p.roles.includes(r)),
  };
}

/**
 * Deny by default: an alert is readable by its author's administration, by the reviewing RILO once it is
 * submitted, by the organisations it was circulated to, and by the I2C once global circulation is asked.
 */
export function readable(s: AlertScope): SQL {
  return sql`(a.author_org_id = ${s.orgId}::uuid
    OR (${s.rilo}::text IS NOT NULL AND a.rilo_code = ${s.rilo} AND a.status <> 'draft')
    OR (a.circulated_at IS NOT NULL AND EXISTS (SELECT 1 FROM alert_recipients r WHERE r.alert_id = a.id AND r.org_id = ${s.orgId}::uuid))
    OR (${s.i2c} AND a.global_status <> 'none'))`;
}
