import { sql } from 'drizzle-orm';
import type { Sealer } from '../../platform/crypto/sealer.ts';
import { execRows, type Db } from '../../platform/db/database.ts';
import type { EntityKind, EntitySummary } from '../entity-view.ts';
import { clearKeysOf, type BlindIndex } from './blind-index.ts';
import { openEntity } from './vault.ts';

export type Fields = Record<string, unknown>;

/** A row of national_entities as the services read it (dates as text). */
export interface EntityRow {
  id: string;
  kind: EntityKind;
  orgId: string;
  sealedKey: string;
  sealedData: string;
  mergedInto: string | null;
  reviewAt: string;
  keptReason: string | null;
  updatedAt: string;
  version: number;
}

export const ROW_COLUMNS = sql`id, kind, org_id AS "orgId", sealed_key AS "sealedKey", sealed_data AS "sealedData", merged_into AS "mergedInto",
  to_char(review_at, 'YYYY-MM-DD') AS "reviewAt", kept_reason AS "keptReason",
  to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt", version`;

export async function loadRows(t: Db, ids: readonly string[], lock = false): Promise<EntityRow[]> {
  if (!ids.length) return [];
  return execRows<EntityRow>(t, sql`SELECT ${ROW_COLUMNS} FROM national_entities
    WHERE id IN (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}) ${lock ? sql`FOR UPDATE` : sql``}`);
}

export async function loadRow(t: Db, id: string, lock = false): Promise<EntityRow | null> {
  return (await loadRows(t, [id], lock))[0] ?? null;
}

const first = (v: unknown) => (Array.isArray(v) && typeof v[0] === 'string' ? v[0] : null);
const join = (...parts: unknown[]) => parts.filter((p) => p !== undefined && p !== null && p !== '').join(' · ') || null;

/** What a list shows of an entity: its main name or identifier, and a short detail. */
export function summaryOf(row: EntityRow, f: Fields): EntitySummary {
  let label: string;
  let detail: string | null;
  switch (row.kind) {
    case 'person':
      label = first(f.names) ?? '?';
      detail = join(f.birthDate ?? f.birthYear, Array.isArray(f.nationalities) ? f.nationalities.join('/') : null);
      break;
    case 'company':
      label = first(f.names) ?? '?';
      detail = join(f.legalForm, f.country, f.registrationNumber);
      break;
    case 'transport':
      label = String(f.plate ?? f.vin ?? f.imo ?? f.registration ?? f.containerNumber ?? f.name ?? '?');
      detail = join(f.type, f.plateCountry, f.name && f.name !== label ? f.name : null);
      break;
    default:
      label = String(f.number ?? '?');
      detail = join(f.type, f.country, f.holderName);
  }
  return { id: row.id, kind: row.kind, label, detail, reviewAt: row.reviewAt, updatedAt: row.updatedAt };
}

export function fieldsOf(sealer: Sealer, row: EntityRow): Fields {
  return openEntity<Fields>(sealer, row.sealedKey, row.sealedData);
}

/** Summaries of entities by id (opened one by one: each has its own key). */
export async function summaries(t: Db, sealer: Sealer, ids: readonly string[]): Promise<Map<string, EntitySummary>> {
  const out = new Map<string, EntitySummary>();
  for (const row of await loadRows(t, [...new Set(ids)])) out.set(row.id, summaryOf(row, fieldsOf(sealer, row)));
  return out;
}

/**
 * Writes the blind keys of an entity anew: its own fields, and those of the entities merged into it, so that
 * an alias brought by a merge is found too. Called in the transaction that changes the entity.
 */
export async function refreshKeys(t: Db, sealer: Sealer, index: BlindIndex, id: string): Promise<void> {
  const [self] = await loadRows(t, [id]);
  if (!self) return;
  const merged = await execRows<EntityRow>(t, sql`SELECT ${ROW_COLUMNS} FROM national_entities WHERE merged_into = ${id}`);
  const seen = new Set<string>();
  const values: ReturnType<typeof sql>[] = [];
  for (const row of [self, ...merged]) {
    for (const k of clearKeysOf(row.kind, fieldsOf(sealer, row))) {
      const bytes = index.key(k.kind, k.clear);
      const mark = `${k.kind}:${bytes.toString('hex')}`;
      if (seen.has(mark)) continue;
      seen.add(mark);
      values.push(sql`(${id}::uuid, ${k.kind}, ${bytes})`);
    }
  }
  await t.execute(sql`DELETE FROM national_blind_keys WHERE entity_id = ${id}`);
  if (values.length) await t.execute(sql`INSERT INTO national_blind_keys (entity_id, key_kind, value) VALUES ${sql.join(values, sql`, `)}`);
}

/** The review date: RETENTION years after the latest of the creation, the last keep and the linked seizures. */
export async function refreshReviewDate(t: Db, id: string, years: number): Promise<void> {
  await t.execute(sql`UPDATE national_entities e SET review_at = (GREATEST(e.created_at, COALESCE(e.kept_at, e.created_at),
      COALESCE((SELECT max(event_at) FROM national_entity_seizures s WHERE s.entity_id = e.id), e.created_at)) + make_interval(years => ${years}))::date
    WHERE e.id = ${id}`);
}
