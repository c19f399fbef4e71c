import { sql } from 'drizzle-orm';
import type { AuditLog } from '../../platform/context.ts';
import type { Sealer } from '../../platform/crypto/sealer.ts';
import { execRows, type Database, type Db } from '../../platform/db/database.ts';
import type { Principal } from '../../platform/http/access.ts';
import { compareNames, type NameKind } from '../names/index.ts';
import type { Candidate, EntityKind, EntitySearchResult } from '../entity-view.ts';
import { clearKeysOf, emailKey, ENTITY_KINDS, identifierKey, IDENTIFIER_KEY_KINDS, nameClearKeys, nameKindOf, phoneKey, type BlindIndex, type ClearKey, type KeyKind } from './blind-index.ts';
import { fieldsOf, ROW_COLUMNS, summaryOf, type EntityRow, type Fields } from './store.ts';
import type { Meta } from './service.ts';

const SAME: Partial<Record<KeyKind, string>> = {
  document: 'same document number', vin: 'same VIN', imo: 'same IMO number', container: 'same container number', plate: 'same plate',
  registration: 'same registration', identifier: 'same registration or VAT number', phone: 'same phone', email: 'same e-mail',
};
const NAME_KEYS = new Set<KeyKind>(['name_token', 'name_phonetic', 'name_full']);
/**
 * Entities opened and scored per search: those sharing the most (and the most telling) keys with the probes.
 * Enough for the best matches; bounded, because each is decrypted and compared (about 0.1 ms each).
 */
const MATCH_LIMIT = 60;

const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const namesOf = (kind: EntityKind, f: Fields) => (kind === 'document' ? strings([f.holderName]) : kind === 'transport' ? strings([f.name]) : strings(f.names));

interface Matched {
  row: EntityRow;
  keys: Set<string>; // "<kind>:<hex>" of the matched keys
  /** Fields of the entity and of those merged into it (their aliases count). */
  documents: Fields[];
}

export function createEntitySearch(deps: { database: Database; audit: AuditLog; sealer: Sealer; index: BlindIndex }) {
  const { database, audit, sealer, index } = deps;
  const mark = (k: ClearKey) => `${k.kind}:${index.key(k.kind, k.clear).toString('hex')}`;

  /** The entities of an administration sharing the most keys with the probes, opened. */
  async function match(t: Db, orgId: string, kind: EntityKind | undefined, probes: ClearKey[], excludeId?: string): Promise<Matched[]> {
    if (!probes.length) return [];
    const unique = [...new Map(probes.map((p) => [`${p.kind}:${p.clear}`, p])).values()];
    const pairs = unique.map((p) => sql`(${p.kind}, ${index.key(p.kind, p.clear)})`);
    // The keys first (index probes on the primary key), ranked and cut, then only those entities read by id:
    // a join on the whole entity table would cost a scan of it at a million rows.
    const inProbes = sql`(key_kind, value) IN (${sql.join(pairs, sql`, `)})`;
    // Ranked on the weight alone (no per-entity list built for the thousands a common key matches), then the
    // matched keys read for the few kept, by entity.
    const hits = await execRows<{ id: string; keys: string }>(t, sql`WITH matched AS (
        SELECT entity_id, sum(CASE key_kind WHEN 'name_phonetic' THEN 1 WHEN 'name_token' THEN 2 WHEN 'name_full' THEN 4 ELSE 8 END) AS weight
        FROM national_blind_keys WHERE ${inProbes}
        ${excludeId ? sql`AND entity_id <> ${excludeId}` : sql``}
        GROUP BY entity_id ORDER BY weight DESC, entity_id LIMIT ${MATCH_LIMIT * 4}),
      kept AS (SELECT m.entity_id, m.weight FROM matched m JOIN national_entities e ON e.id = m.entity_id
        WHERE e.org_id = ${orgId} AND e.merged_into IS NULL ${kind ? sql`AND e.kind = ${kind}` : sql``}
        ORDER BY m.weight DESC, m.entity_id LIMIT ${MATCH_LIMIT})
      SELECT k.entity_id AS id, string_agg(k.key_kind || ':' || encode(k.value, 'hex'), ',') AS keys
        FROM kept JOIN national_blind_keys k ON k.entity_id = kept.entity_id AND ${inProbes}
        GROUP BY k.entity_id, kept.weight ORDER BY kept.weight DESC, k.entity_id`);
    if (!hits.length) return [];
    const ids = sql.join(hits.map((h) => sql`${h.id}::uuid`), sql`, `);
    const rows = await execRows<EntityRow>(t, sql`SELECT ${ROW_COLUMNS} FROM national_entities WHERE id IN (${ids})
      UNION ALL SELECT ${ROW_COLUMNS} FROM national_entities WHERE merged_into IN (${ids})`);
    const byId = new Map(rows.filter((r) => !r.mergedInto).map((r) => [r.id, { row: r, keys: new Set<string>(), documents: [fieldsOf(sealer, r)] }]));
    for (const r of rows) if (r.mergedInto) byId.get(r.mergedInto)?.documents.push(fieldsOf(sealer, r));
    for (const h of hits) for (const k of h.keys.split(',')) byId.get(h.id)?.keys.add(k);
    return [...byId.values()];
  }

  /** The best name comparison between two sets of names, with its reasons. */
  function bestName(kind: NameKind, asked: string[], m: Matched, entityKind: EntityKind) {
    let best = { score: 0, reasons: [] as string[] };
    for (const a of asked) for (const f of m.documents) for (const b of namesOf(entityKind, f)) {
      const c = compareNames(kind, a, b);
      if (c.score > best.score) best = { score: c.score, reasons: c.reasons };
    }
    return best;
  }

  /** Search by name (fuzzy, across scripts), identifier, phone or e-mail; every search is audited with its purpose. */
  async function search(
    actor: Principal,
    input: { q?: string; kind?: EntityKind; identifier?: string; phone?: string; email?: string; purpose: string; limit?: number },
    meta: Meta = {},
  ): Promise<EntitySearchResult> {
    const probes: ClearKey[] = [];
    const q = input.q?.trim() ?? '';
    const kinds: readonly EntityKind[] = input.kind ? [input.kind] : ENTITY_KINDS;
    if (q) {
      for (const k of kinds) probes.push(...nameClearKeys(k, q));
      const id = identifierKey(q);
      if (id.length >= 4 && /\d/.test(id)) for (const k of IDENTIFIER_KEY_KINDS) probes.push({ kind: k, clear: id });
      if (q.replace(/\D/g, '').length >= 6 && /^[+\d\s().\-/]+$/.test(q)) probes.push({ kind: 'phone', clear: phoneKey(q) });
      if (q.includes('@')) probes.push({ kind: 'email', clear: emailKey(q) });
    }
    if (input.identifier) for (const k of IDENTIFIER_KEY_KINDS) probes.push({ kind: k, clear: identifierKey(input.identifier) });
    if (input.phone) probes.push({ kind: 'phone', clear: phoneKey(input.phone) });
    if (input.email) probes.push({ kind: 'email', clear: emailKey(input.email) });
    const probeKind = new Map(probes.map((p) => [mark(p), p.kind]));
    const askedTokens = (kind: EntityKind) => probes.filter((p) => p.kind === 'name_token' && p.clear.startsWith(`${kind}:`)).map(mark);

    const found = await match(database.db, actor.orgId, input.kind, probes);
    const results = found.map((m) => {
      const reasons = new Set<string>();
      let score = 0;
      for (const k of m.keys) {
        const kind = probeKind.get(k);
        if (kind && SAME[kind]) {
          reasons.add(SAME[kind]!);
          score = Math.max(score, kind === 'phone' || kind === 'email' ? 0.9 : 1);
        }
      }
      if (q && [...m.keys].some((k) => NAME_KEYS.has(probeKind.get(k)!))) {
        const name = bestName(m.row.kind === 'company' ? 'company' : nameKindOf(m.row.kind), [q], m, m.row.kind);
        // Every word asked is in the name: "Petrov" finds every Petrov, whatever their given names.
        const asked = askedTokens(m.row.kind);
        const allWords = asked.length > 0 && asked.every((t) => m.keys.has(t));
        const nameScore = allWords ? Math.max(name.score, 0.8) : name.score;
        if (nameScore > score) score = nameScore;
        if (allWords && name.score < 0.8) reasons.add('all words of the search');
        for (const r of name.reasons) reasons.add(r);
        if (name.score >= 0.999 && !name.reasons.length) reasons.add('same name');
      }
      return { ...summaryOf(m.row, m.documents[0]!), score: Math.round(score * 1000) / 1000, reasons: [...reasons] };
    });
    const shown = results.filter((r) => r.score >= 0.5).sort((a, b) => b.score - a.score || a.label.localeCompare(b.label));
    await audit.record({
      actor,
      action: 'national.entity.search',
      detail: { purpose: input.purpose, kind: input.kind ?? null, by: [q && 'text', input.identifier && 'identifier', input.phone && 'phone', input.email && 'email'].filter(Boolean), results: shown.length },
      ...meta,
    });
    const limit = input.limit ?? 50;
    return { entities: shown.slice(0, limit), total: shown.length };
  }

  /** Entities that are probably the one being typed, ranked, each with why. */
  async function candidates(actor: Principal, input: { kind: EntityKind; fields: Fields; purpose: string; excludeId?: string }, meta: Meta = {}): Promise<Candidate[]> {
    const probes = clearKeysOf(input.kind, input.fields).filter((k) => k.kind !== 'birth_year' && k.kind !== 'birth_date');
    const probeKind = new Map(probes.map((p) => [mark(p), p.kind]));
    const found = await match(database.db, actor.orgId, input.kind, probes, input.excludeId);
    const asked = namesOf(input.kind, input.fields);
    const out: Candidate[] = [];
    for (const m of found) {
      const reasons: string[] = [];
      const name = asked.length ? bestName(nameKindOf(input.kind), asked, m, m.row.kind) : { score: 0, reasons: [] };
      let score = name.score;
      if (name.score >= 0.6) reasons.push(name.reasons.length ? `name variant: ${name.reasons.join(', ')}` : 'same name');
      const born = (f: Fields) => (typeof f.birthDate === 'string' ? f.birthDate : null);
      const askedBirth = born(input.fields);
      const theirs = m.documents.map(born).filter((b): b is string => !!b);
      if (askedBirth && theirs.includes(askedBirth)) {
        score = score * 0.7 + 0.3;
        reasons.push('same birth date');
      } else if (askedBirth && theirs.length) score *= 0.6;
      const same = [...new Set([...m.keys].map((k) => probeKind.get(k)).filter((k): k is KeyKind => !!k && !!SAME[k]))];
      if (same.some((k) => k === 'phone' || k === 'email')) score = Math.max(score, 0.6) + 0.15;
      if (same.some((k) => k !== 'phone' && k !== 'email')) score = Math.max(score, 0.9) + 0.05;
      reasons.push(...same.map((k) => SAME[k]!));
      score = Math.min(1, score);
      if (score >= 0.5) out.push({ entity: summaryOf(m.row, m.documents[0]!), score: Math.round(score * 1000) / 1000, reasons });
    }
    out.sort((a, b) => b.score - a.score);
    await audit.record({ actor, action: 'national.entity.candidates', detail: { purpose: input.purpose, kind: input.kind, candidates: out.length }, ...meta });
    return out.slice(0, 10);
  }

  return { search, candidates };
}

export type EntitySearch = ReturnType<typeof createEntitySearch>;
