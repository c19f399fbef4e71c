import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../platform/db/database.ts';
import { screeningProblem } from './problems.ts';
import { foldKey } from './identifiers/index.ts';
import { ncicKey, searchKey } from './keys.ts';
import { kindsOf, LIST_DEFS, type KeyKind, type ListName } from './lists.ts';
import { describeEdit, editProbes, oneEdit } from './one-edit.ts';
import type { MatchReason, MatchType, OneEdit } from './search-view.ts';
import { arrayLiteral, intArray, textArray, uuidArray } from '../platform/db/pg-array.ts';
import { firstLevelColumns } from './record-shape.ts';

const RANK: Record<MatchType, number> = { exact: 0, normalised: 1, folded: 2, one_edit: 3, wildcard: 4, fields: 5 };

export interface KeyHit {
  item: number;
  list: ListName;
  recordId: string;
  match: MatchReason;
}

/** One searched value, read as each kind of key the lists in scope hold. */
export interface Probe {
  item: number;
  raw: string;
  kind: KeyKind;
  norm: string;
  folded: string;
}

/** Shortest key searched one edit away: below it, one edit matches too much to mean anything. */
export const MIN_EDIT_LENGTH = 5;
/** A wildcard pattern needs this many fixed characters; fewer would match (nearly) everything. */
export const MIN_WILDCARD_FIXED = 3;

export function probesFor(items: readonly { raw: string; list?: ListName }[], allLists: readonly ListName[]): Probe[] {
  const probes: Probe[] = [];
  items.forEach((it, item) => {
    const seen = new Set<string>();
    for (const { kind } of kindsOf(it.list ? [it.list] : allLists)) {
      if (seen.has(kind)) continue;
      seen.add(kind);
      const k = searchKey(kind, it.raw);
      if (k) probes.push({ item, raw: it.raw.trim(), kind, ...k });
    }
  });
  return probes;
}

const sameRaw = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();

/**
 * NCIC's serial match (firearm serials only: the other kinds have no ncic key): the same serial once the
 * letters embedded between digits are left out, for a key that neither the normal nor the folded match found.
 */
const NCIC_JOIN_TEXT = `k.ncic = q.ncic COLLATE "C" AND k.kind = q.kind AND k.norm <> q.norm COLLATE "C" AND k.folded <> q.folded COLLATE "C"`;
const NCIC_JOIN = sql.raw(NCIC_JOIN_TEXT);

/**
 * Exact, normalised and folded matches of many probes in one statement: the probes go in as arrays,
 * unnest() turns them into a relation, and each join is an index probe (norm or folded btree).
 */
export async function matchKeys(database: Database, probes: Probe[], lists: readonly ListName[]): Promise<KeyHit[]> {
  if (!probes.length) return [];
  const rows = await database.rows<MatchRow>(sql`
    WITH q AS (SELECT * FROM unnest(${intArray(probes.map((p) => p.item))}, ${textArray(probes.map((p) => p.kind))},
                                    ${textArray(probes.map((p) => p.norm))}, ${textArray(probes.map((p) => p.folded))},
                                    ${textArray(probes.map((p) => ncicKey(p.kind, p.norm)))}) AS q(i, kind, norm, folded, ncic))
    SELECT q.i, k.list, k.record_id, k.raw, k.norm, k.folded, q.norm AS q_norm, false AS ncic
      FROM q JOIN screening_keys k ON k.norm = q.norm COLLATE "C" AND k.kind = q.kind
     WHERE k.list = ANY(${textArray(lists)})
    UNION ALL
    SELECT q.i, k.list, k.record_id, k.raw, k.norm, k.folded, q.norm, false
      FROM q JOIN screening_keys k ON k.folded = q.folded COLLATE "C" AND k.kind = q.kind AND k.norm <> q.norm COLLATE "C"
     WHERE k.list = ANY(${textArray(lists)})
    UNION ALL
    SELECT q.i, k.list, k.record_id, k.raw, k.norm, k.folded, q.norm, true
      FROM q JOIN screening_keys k ON ${NCIC_JOIN}
     WHERE k.list = ANY(${textArray(lists)})`);
  return rows.map((r) => hitOf(r, probes));
}

const firstLevelPairs = (list: ListName) =>
  LIST_DEFS[list].firstLevel.map((f) => `'${f}', r.${LIST_DEFS[list].columns.find((c) => c.field === f)!.column}`).join(', ');

/** A first-level record as JSON, when it is still searchable and meets the extra condition; NULL otherwise. */
function firstLevelJson(list: ListName, extra: SQL | null): SQL {
  return sql`(SELECT json_build_object(${sql.raw(firstLevelPairs(list))}) FROM ${sql.raw(LIST_DEFS[list].table)} r
    WHERE r.id = m.record_id AND r.review_on >= current_date ${extra ? sql`AND ${extra}` : sql``})`;
}

/** The exact, normalised and folded matches of the probes (arrays $1–$4) in the lists, as the relation m. */
const MATCHES = (lists: string) => `
    WITH q AS (SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[]) AS q(i, kind, norm, folded, ncic)),
    m AS (
      SELECT q.i, k.list, k.record_id, k.raw, k.norm, k.folded, q.norm AS q_norm, false AS ncic
        FROM q JOIN screening_keys k ON k.norm = q.norm COLLATE "C" AND k.kind = q.kind
       WHERE k.list = ANY(${lists})
      UNION ALL
      SELECT q.i, k.list, k.record_id, k.raw, k.norm, k.folded, q.norm, false
        FROM q JOIN screening_keys k ON k.folded = q.folded COLLATE "C" AND k.kind = q.kind AND k.norm <> q.norm COLLATE "C"
       WHERE k.list = ANY(${lists})
      UNION ALL
      SELECT q.i, k.list, k.record_id, k.raw, k.norm, k.folded, q.norm, true
        FROM q JOIN screening_keys k ON ${NCIC_JOIN_TEXT}
       WHERE k.list = ANY(${lists}))`;

/**
 * The statement of a check without structured fields, per set of lists: its text is the same for every
 * identifier, so PostgreSQL plans it once per connection. List names are fixed words, written inline.
 */
const plainStatements = new Map<string, { name: string; text: string }>();
function plainStatement(lists: readonly ListName[], keyed: readonly ListName[]) {
  const id = `${lists.join(',')}|${keyed.join(',')}`;
  let st = plainStatements.get(id);
  if (!st) {
    const cases = keyed.map((l) => `WHEN '${l}' THEN (SELECT json_build_object(${firstLevelPairs(l)}) FROM ${LIST_DEFS[l].table} r
      WHERE r.id = m.record_id AND r.review_on >= current_date)`);
    st = {
      name: `screening_check_${plainStatements.size + 1}`,
      text: `${MATCHES(`'{${lists.join(',')}}'::text[]`)}
    SELECT m.*${cases.length ? `, CASE m.list ${cases.join(' ')} END AS first_level` : ''} FROM m`,
    };
    plainStatements.set(id, st);
  }
  return st;
}

/** The lists that have a key of the probes' kinds: only those get a first-level lookup. */
const keyedLists = (probes: Probe[], lists: readonly ListName[]) => lists.filter((l) => LIST_DEFS[l].keys.some((k) => probes.some((p) => p.kind === k.kind)));

/** The probes as the five array parameters of a check's statement. */
const probeArrays = (probes: Probe[]) => [
  `{${probes.map((p) => p.item).join(',')}}`,
  arrayLiteral(probes.map((p) => p.kind)),
  arrayLiteral(probes.map((p) => p.norm)),
  arrayLiteral(probes.map((p) => p.folded)),
  arrayLiteral(probes.map((p) => ncicKey(p.kind, p.norm))),
];

/**
 * The prepared statement (name, text) and parameters that a check of these probes without structured fields
 * sends: what matchKeysWithFirstLevels runs, for a benchmark that times the database's part of a check alone.
 */
export function plainCheckStatement(probes: Probe[], lists: readonly ListName[]) {
  return { ...plainStatement(lists, keyedLists(probes, lists)), params: probeArrays(probes) };
}

type MatchRow = { i: number; list: ListName; record_id: string; raw: string; norm: string; folded: string; q_norm: string; ncic: boolean; first_level?: unknown };

/**
 * matchKeys with the first level of each matched record, still searchable and meeting `extra`, in the
 * same statement: a check is one round trip to the database. Without extra conditions (the usual single
 * check) the statement is prepared once per connection and no query builder runs.
 */
export async function matchKeysWithFirstLevels(
  database: Database,
  probes: Probe[],
  lists: readonly ListName[],
  extra: (list: ListName) => SQL | null,
): Promise<{ hits: KeyHit[]; firstLevels: Map<string, Record<string, unknown>> }> {
  const firstLevels = new Map<string, Record<string, unknown>>();
  if (!probes.length) return { hits: [], firstLevels };
  const keyed = keyedLists(probes, lists);
  const conds = new Map(keyed.map((l) => [l, extra(l)]));
  const arrays = probeArrays(probes);
  let rows: MatchRow[];
  if ([...conds.values()].every((c) => c === null)) {
    const st = plainStatement(lists, keyed);
    rows = await database.prepared<MatchRow>(st.name, st.text, arrays);
  } else {
    const [items, kinds, norms, folded, ncics] = arrays;
    rows = await database.rows<MatchRow>(sql`
      WITH q AS (SELECT * FROM unnest(${items}::int[], ${kinds}::text[], ${norms}::text[], ${folded}::text[], ${ncics}::text[]) AS q(i, kind, norm, folded, ncic)),
      m AS (
        SELECT q.i, k.list, k.record_id, k.raw, k.norm, k.folded, q.norm AS q_norm, false AS ncic
          FROM q JOIN screening_keys k ON k.norm = q.norm COLLATE "C" AND k.kind = q.kind
         WHERE k.list = ANY(${textArray(lists)})
        UNION ALL
        SELECT q.i, k.list, k.record_id, k.raw, k.norm, k.folded, q.norm, false
          FROM q JOIN screening_keys k ON k.folded = q.folded COLLATE "C" AND k.kind = q.kind AND k.norm <> q.norm COLLATE "C"
         WHERE k.list = ANY(${textArray(lists)})
        UNION ALL
        SELECT q.i, k.list, k.record_id, k.raw, k.norm, k.folded, q.norm, true
          FROM q JOIN screening_keys k ON ${NCIC_JOIN}
         WHERE k.list = ANY(${textArray(lists)}))
      SELECT m.*, CASE m.list ${sql.join(keyed.map((l) => sql`WHEN ${l} THEN ${firstLevelJson(l, conds.get(l) ?? null)}`), sql` `)} END AS first_level FROM m`);
  }
  const hits = rows.map((r) => {
    if (r.first_level) firstLevels.set(`${r.list}:${r.record_id}`, (typeof r.first_level === 'string' ? JSON.parse(r.first_level) : r.first_level) as Record<string, unknown>);
    return hitOf(r, probes);
  });
  return { hits, firstLevels };
}

function hitOf(r: MatchRow, probes: Probe[]): KeyHit {
  const probe = probes.find((p) => p.item === r.i)!;
  if (r.ncic)
    return {
      item: r.i,
      list: r.list,
      recordId: r.record_id,
      match: { type: 'normalised', key: r.raw, detail: `same serial once letters between digits are left out, as NCIC matches serials: searched ${r.q_norm}, recorded ${r.norm}` },
    };
  const type: MatchType = r.norm !== r.q_norm ? 'folded' : sameRaw(r.raw, probe.raw) ? 'exact' : 'normalised';
  const detail =
    type === 'exact' ? 'same identifier as recorded' : type === 'normalised' ? `same identifier once normalised (${r.norm})` : `same once OCR confusions are folded (O/0, I/1, B/8, S/5, Z/2): searched ${r.q_norm}, recorded ${r.norm}`;
  return { item: r.i, list: r.list, recordId: r.record_id, match: { type, key: r.raw, detail } };
}

/** A wildcard pattern (`?` one character, `*` any run) as a LIKE pattern over folded keys. */
export function wildcardPattern(raw: string, field = 'body.identifier'): { like: string; fixed: number } {
  // The fixed parts are read as folded keys (upper case, letters and digits only, OCR pairs folded),
  // so that an obliterated serial read as "8O7?" finds "807X" whichever way the O was stamped.
  const cleaned = raw
    .toUpperCase()
    .replace(/[^A-Z0-9?*]/g, '')
    .replace(/\*+/g, '*');
  const fixed = cleaned.replace(/[?*]/g, '').length;
  if (fixed < MIN_WILDCARD_FIXED)
    throw screeningProblem(400, 'wildcard-too-broad', `The pattern ${raw} would match nearly everything: give at least ${MIN_WILDCARD_FIXED} characters besides ? and *.`, [
      { field, message: `needs at least ${MIN_WILDCARD_FIXED} fixed characters besides ? and *` },
    ]);
  return { like: foldKey(cleaned).replace(/\?/g, '_').replace(/\*/g, '%'), fixed };
}

export const isWildcard = (s: string) => /[?*]/.test(s);

/** Keys matching a wildcard pattern: a trigram index finds the keys that hold the fixed parts. */
export async function matchWildcard(database: Database, item: number, raw: string, kinds: readonly KeyKind[], lists: readonly ListName[], limit: number): Promise<KeyHit[]> {
  const { like } = wildcardPattern(raw);
  const rows = await database.rows<{ list: ListName; record_id: string; raw: string }>(sql`
    SELECT list, record_id, raw FROM screening_keys
     WHERE folded LIKE ${like} AND kind = ANY(${textArray(kinds)}) AND list = ANY(${textArray(lists)})
     LIMIT ${limit}`);
  return rows.map((r) => ({ item, list: r.list, recordId: r.record_id, match: { type: 'wildcard', key: r.raw, detail: `matches the pattern ${raw}` } }));
}

/**
 * The first-level fields of the records hit, per list in one query each, without the records whose
 * review date has passed (they are out of the searchable set). `extra` narrows by structured fields.
 */
export async function firstLevels(
  database: Database,
  hits: KeyHit[],
  extra: (list: ListName) => ReturnType<typeof sql> | null = () => null,
  known: Map<string, Record<string, unknown>> = new Map(),
) {
  const out = new Map(known);
  const byList = new Map<ListName, Set<string>>();
  for (const h of hits) if (!out.has(`${h.list}:${h.recordId}`)) (byList.get(h.list) ?? byList.set(h.list, new Set()).get(h.list)!).add(h.recordId);
  for (const [list, ids] of byList) {
    const cond = extra(list);
    const rows = await database.rows<Record<string, unknown> & { id: string }>(sql`
      SELECT ${firstLevelColumns(list)} FROM ${sql.raw(LIST_DEFS[list].table)}
       WHERE id = ANY(${uuidArray([...ids])}) AND review_on >= current_date ${cond ? sql`AND ${cond}` : sql``}`);
    for (const { id, ...fields } of rows) out.set(`${list}:${id}`, fields);
  }
  return out;
}

/** Best reason per (item, record), ranked: exact, normalised, folded, one edit, wildcard, fields. */
export function bestPerRecord(hits: KeyHit[]): KeyHit[] {
  const best = new Map<string, KeyHit>();
  for (const h of hits) {
    const id = `${h.item}:${h.list}:${h.recordId}`;
    const cur = best.get(id);
    if (!cur || RANK[h.match.type] < RANK[cur.match.type]) best.set(id, h);
  }
  return [...best.values()].sort((a, b) => a.item - b.item || RANK[a.match.type] - RANK[b.match.type] || a.list.localeCompare(b.list));
}

/**
 * Keys one edit away (substitution, missing or extra character, adjacent swap) from many probes, in
 * two statements whatever their number. The pigeonhole probes (see the 0001 migration) find candidate
 * keys on the two edit indexes with index-only scans, one lateral pair per searched key;
 * levenshtein_less_equal(…, 2) drops most in the database (it counts a swap as two), and oneEdit()
 * keeps the true neighbours and says which edit each is. A value read as several kinds of key often
 * has the same normal form for each: it is looked up once.
 */
export async function matchOneEditMany(database: Database, probes: Probe[], lists: readonly ListName[]): Promise<KeyHit[]> {
  const norms = [...new Set(probes.filter((p) => p.norm.length >= MIN_EDIT_LENGTH).map((p) => p.norm))];
  const rowsIn: { norm: string; len: number; prefix: string; suffix: string }[] = [];
  for (const norm of norms) for (const e of editProbes(norm)) rowsIn.push({ norm, len: e.length, prefix: e.prefix, suffix: e.suffix });
  if (!rowsIn.length) return [];
  const candidates = await database.rows<{ q_norm: string; norm: string }>(sql`
    WITH q AS (SELECT * FROM unnest(${textArray(rowsIn.map((r) => r.norm))}, ${intArray(rowsIn.map((r) => r.len))},
                                    ${textArray(rowsIn.map((r) => r.prefix))}, ${textArray(rowsIn.map((r) => r.suffix))}) AS q(norm, len, prefix, suffix))
    SELECT DISTINCT q.norm AS q_norm, c.norm FROM q
      CROSS JOIN LATERAL (
        SELECT norm FROM screening_keys WHERE length(norm) = q.len AND left(norm, (length(norm) - 1) / 2) = q.prefix COLLATE "C"
        UNION
        SELECT norm FROM screening_keys WHERE length(norm) = q.len AND right(norm, (length(norm) - 1) / 2) = q.suffix COLLATE "C"
      ) c
     WHERE levenshtein_less_equal(c.norm, q.norm, 2) <= 2`);
  // searched norm -> [recorded norm, edit]
  const near = new Map<string, { norm: string; edit: OneEdit }[]>();
  for (const c of candidates) {
    const edit = oneEdit(c.q_norm, c.norm);
    if (edit) (near.get(c.q_norm) ?? near.set(c.q_norm, []).get(c.q_norm)!).push({ norm: c.norm, edit });
  }
  if (!near.size) return [];
  const recorded = [...new Set([...near.values()].flat().map((n) => n.norm))];
  const kinds = [...new Set(probes.map((p) => p.kind))];
  const rows = await database.rows<{ list: ListName; record_id: string; raw: string; norm: string; kind: string }>(sql`
    SELECT list, record_id, raw, norm, kind FROM screening_keys
     WHERE kind = ANY(${textArray(kinds)}) AND norm = ANY(${textArray(recorded)}) AND list = ANY(${textArray(lists)})`);
  // (kind, recorded norm) -> its keys
  const keysOf = new Map<string, typeof rows>();
  for (const r of rows) (keysOf.get(`${r.kind}:${r.norm}`) ?? keysOf.set(`${r.kind}:${r.norm}`, []).get(`${r.kind}:${r.norm}`)!).push(r);
  const out: KeyHit[] = [];
  for (const p of probes)
    for (const n of near.get(p.norm) ?? [])
      for (const r of keysOf.get(`${p.kind}:${n.norm}`) ?? [])
        out.push({ item: p.item, list: r.list, recordId: r.record_id, match: { type: 'one_edit', key: r.raw, edit: n.edit, detail: `one edit away: ${describeEdit(n.edit)}` } });
  return out;
}
