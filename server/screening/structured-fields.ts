import { sql, type SQL } from 'drizzle-orm';
import { badRequest } from '../platform/http/problem.ts';
import type { FirearmReference } from './firearm-reference.ts';
import { LISTS, type ListName } from './lists.ts';
import type { SearchFields } from './search-view.ts';

/** The lists that hold each field. */
const FIELD_LISTS: Record<keyof SearchFields, ListName[]> = {
  issuingCountry: ['travel_documents'],
  docType: ['travel_documents'],
  make: ['vehicles', 'firearms'],
  model: ['vehicles', 'firearms'],
  calibre: ['firearms'],
  firearmType: ['firearms'],
  colour: ['vehicles'],
  year: ['vehicles'],
  title: ['art'],
  artistOrCulture: ['art'],
  objectType: ['art'],
};

const given = (f: SearchFields) => (Object.keys(f) as (keyof SearchFields)[]).filter((k) => f[k] !== undefined && f[k] !== '');

/** The lists a search covers: the one asked for, or every list that has all the fields given. */
export function listsInScope(list: ListName | undefined, fields: SearchFields): ListName[] {
  const names = given(fields);
  if (list) {
    const foreign = names.filter((n) => !FIELD_LISTS[n].includes(list));
    if (foreign.length) throw badRequest(`The list ${list} has no field ${foreign.join(', ')}.`, foreign.map((n) => ({ field: `body.fields.${n}`, message: `is not a field of ${list}` })));
    return [list];
  }
  const lists = LISTS.filter((l) => names.every((n) => FIELD_LISTS[n].includes(l)));
  if (!lists.length) throw badRequest('No list has all of these fields together.', names.map((n) => ({ field: `body.fields.${n}`, message: `belongs to ${FIELD_LISTS[n].join(', ')}` })));
  return lists;
}

/** The structured fields as a condition on one list's table; make, model and calibre of firearms through the reference table's aliases. */
export async function fieldsCondition(list: ListName, fields: SearchFields, reference: FirearmReference): Promise<SQL | null> {
  const conds: SQL[] = [];
  const f = { ...fields };
  if (list === 'firearms') {
    if (f.make) f.make = (await reference.canonical('make', f.make)) ?? f.make;
    if (f.model) f.model = (await reference.canonical('model', f.model, f.make)) ?? f.model;
    if (f.calibre) f.calibre = (await reference.canonical('calibre', f.calibre)) ?? f.calibre;
  }
  const eq = (column: string, v: string | undefined) => v && conds.push(sql`lower(${sql.raw(column)}) = lower(${v.trim()})`);
  switch (list) {
    case 'travel_documents':
      eq('issuing_country', f.issuingCountry);
      eq('doc_type', f.docType);
      break;
    case 'vehicles':
      eq('make', f.make);
      eq('model', f.model);
      eq('colour', f.colour);
      if (f.year !== undefined) conds.push(sql`year = ${f.year}`);
      break;
    case 'firearms':
      eq('make', f.make);
      eq('model', f.model);
      eq('calibre', f.calibre);
      eq('firearm_type', f.firearmType);
      break;
    case 'art': {
      // Same expression as the trigram index: a substring or a close word (a typo) in title or artist.
      const text = sql.raw(`lower(title || ' ' || coalesce(artist_or_culture, ''))`);
      for (const v of [f.title, f.artistOrCulture]) if (v) conds.push(sql`(${text} LIKE ${`%${v.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`} OR ${v.toLowerCase()} <% ${text})`);
      eq('object_type', f.objectType);
      break;
    }
    default:
      break;
  }
  return conds.length ? sql.join(conds, sql` AND `) : null;
}

export const hasFields = (f: SearchFields | undefined): f is SearchFields => !!f && given(f).length > 0;
