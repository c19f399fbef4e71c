import { plainCheckStatement, probesFor } from './key-matching.ts';
import { LIST_DEFS } from './lists.ts';
import { listsInScope } from './structured-fields.ts';

/**
 * The statement, its name and its parameters that a single check of `identifier` across every list (no list
 * named, no structured fields, no one-edit search) sends to the database, chosen as the search chooses them.
 */
export function singleCheckStatement(identifier: string): { name: string; text: string; params: string[] } {
  const keyed = listsInScope(undefined, {}).filter((l) => LIST_DEFS[l].keys.length);
  return plainCheckStatement(probesFor([{ raw: identifier }], keyed), keyed);
}
