import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../platform/db/database.ts';
import type { Principal } from '../platform/http/access.ts';
import { screeningProblem } from './problems.ts';
import { looksLikeMrz, readMrzForSearch } from './mrz-search.ts';
import type { FirearmReference } from './firearm-reference.ts';
import { bestPerRecord, firstLevels, isWildcard, matchKeysWithFirstLevels, matchOneEditMany, matchWildcard, probesFor, type KeyHit } from './key-matching.ts';
import { kindsOf, LIST_DEFS } from './lists.ts';
import type { QueryLog, QueryMeta } from './query-log.ts';
import { firstLevelColumns } from './record-shape.ts';
import { fieldsCondition, hasFields, listsInScope } from './structured-fields.ts';
import type { ListName, MrzReading, SearchHit, SearchInput, SearchReply } from './search-view.ts';

/** One item, by identifier or by structured fields, across all lists or one; every search is logged. */
export function createSearch(deps: { database: Database; reference: FirearmReference; queryLog: QueryLog; countryOfAlpha3?: (code: string) => Promise<string | null> }) {
  const { database, reference, queryLog } = deps;
  const countryOfAlpha3 = deps.countryOfAlpha3 ?? (async () => null);

  /**
   * An MRZ in the identifier becomes a travel-document search: its document number, in the
   * travel documents list, of its issuing country when the zone names one that is a country.
   */
  async function readIdentifier(input: SearchInput): Promise<{ input: SearchInput; mrz?: MrzReading }> {
    const identifier = input.identifier?.trim();
    if (!identifier || !looksLikeMrz(identifier)) return { input };
    if (input.list && input.list !== 'travel_documents')
      throw screeningProblem(400, 'mrz-invalid', 'An MRZ describes a travel document: search it in the travel documents list or across all lists.', [{ field: 'body.list', message: 'must be travel_documents for an MRZ' }]);
    const mrz = await readMrzForSearch(identifier, countryOfAlpha3);
    const fields = { ...input.fields, ...(mrz.issuingCountry && !input.fields?.issuingCountry ? { issuingCountry: mrz.issuingCountry } : {}) };
    return { input: { ...input, identifier: mrz.documentNumber, list: 'travel_documents', fields }, mrz };
  }

  async function find(input: SearchInput): Promise<SearchHit[]> {
    const fields = input.fields ?? {};
    const limit = input.limit ?? 50;
    const lists = listsInScope(input.list, fields);
    const identifier = input.identifier?.trim();
    if (!identifier && !hasFields(fields)) throw screeningProblem(400, 'identifier-or-fields', 'Give an identifier or at least one field to search by.', [{ field: 'body.identifier', message: 'is required without fields' }]);

    const conditions = new Map<ListName, Awaited<ReturnType<typeof fieldsCondition>>>();
    for (const l of lists) conditions.set(l, await fieldsCondition(l, fields, reference));

    let hits: KeyHit[] = [];
    let known = new Map<string, Record<string, unknown>>();
    if (identifier) {
      const keyed = lists.filter((l) => LIST_DEFS[l].keys.length);
      if (isWildcard(identifier)) {
        hits = await matchWildcard(database, 0, identifier, kindsOf(keyed).map((k) => k.kind), keyed, limit * 4);
      } else {
        const probes = probesFor([{ raw: identifier }], keyed);
        ({ hits, firstLevels: known } = await matchKeysWithFirstLevels(database, probes, keyed, (l) => (conditions.get(l) as SQL | null | undefined) ?? null));
        if (input.oneEdit !== false) hits.push(...(await matchOneEditMany(database, probes, keyed)));
      }
    } else {
      hits = await fieldsOnly(lists, conditions, limit);
    }
    const ranked = bestPerRecord(hits);
    const shown = await firstLevels(database, ranked, (l) => conditions.get(l) ?? null, known);
    return ranked
      .filter((h) => shown.has(`${h.list}:${h.recordId}`))
      .slice(0, limit)
      .map((h) => ({ list: h.list, recordId: h.recordId, match: h.match, firstLevel: shown.get(`${h.list}:${h.recordId}`)! }));
  }

  async function fieldsOnly(lists: ListName[], conditions: Map<ListName, unknown>, limit: number): Promise<KeyHit[]> {
    const out: KeyHit[] = [];
    for (const list of lists) {
      const cond = conditions.get(list) as ReturnType<typeof sql> | null;
      if (!cond) continue;
      const rows = await database.rows<{ id: string }>(sql`SELECT ${firstLevelColumns(list)} FROM ${sql.raw(LIST_DEFS[list].table)}
        WHERE review_on >= current_date AND ${cond} ORDER BY created_at DESC LIMIT ${limit}`);
      for (const r of rows) out.push({ item: 0, list, recordId: r.id, match: { type: 'fields', detail: 'matches the fields given' } });
    }
    return out;
  }

  async function search(actor: Principal, asked: SearchInput, meta: QueryMeta = {}): Promise<SearchReply> {
    await queryLog.admit(actor, 'search', 1, asked.onBehalfOfOrgId);
    const { input, mrz } = await readIdentifier(asked);
    const hits = await find(input);
    const queryId = await queryLog.record(
      actor,
      {
        mode: 'search',
        list: input.list ?? null,
        // For an MRZ, the document it names, never the zone itself: the zone holds the holder's name and birth date.
        query: {
          identifier: input.identifier ?? null,
          fields: input.fields ?? {},
          oneEdit: input.oneEdit !== false,
          ...(mrz ? { mrz: { format: mrz.format, issuingState: mrz.issuingState, valid: mrz.valid } } : {}),
        },
        items: 1,
        hits: hits.map((h) => ({ item: 0, list: h.list, recordId: h.recordId, match: h.match })),
        onBehalfOfOrgId: input.onBehalfOfOrgId ?? null,
      },
      meta,
    );
    return { queryId, hits, ...(mrz ? { mrz } : {}) };
  }

  return { search, find };
}

export type Search = ReturnType<typeof createSearch>;
