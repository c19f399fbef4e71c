import { nominalWarnings } from './check.ts';
import type { NominalWarning } from './nominal-text.ts';
import type { SeizureInput } from './schema.ts';

/**
 * The one door into the seizure database from places that hold nominal data (a CENcomm message, a
 * national deployment): a seizure is rebuilt field by field from this allowlist, and anything not named
 * here — a name, an address, a document number, a company — cannot pass, whatever the source carried.
 * Free text that is allowed (narrative, descriptions) is checked for what looks nominal; the caller
 * shows those warnings and needs the user's confirmation.
 */
export const ALLOWED = {
  seizure: [
    'seizedAt', 'country', 'placeLocode', 'placeIata', 'placeText', 'lat', 'lng', 'locationType', 'direction', 'detectionMethods',
    'concealmentMethods', 'concealmentDetail', 'transportMode', 'conveyanceType', 'narrative', 'externalRef',
  ],
  commodity: ['category', 'subcategory', 'hsCode', 'description', 'quantity', 'unit', 'value', 'currency', 'citesSpecies'],
  leg: ['role', 'country', 'placeLocode', 'placeIata', 'placeText', 'date'],
  offender: ['nationality', 'gender', 'ageBand', 'count'],
} as const;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const pick = (src: unknown, keys: readonly string[]): Obj => {
  const out: Obj = {};
  if (!isObj(src)) return out;
  for (const k of keys) if (src[k] !== undefined && src[k] !== null && src[k] !== '') out[k] = src[k];
  return out;
};
const list = (src: unknown, keys: readonly string[]) => (Array.isArray(src) ? src.map((x) => pick(x, keys)) : []);

export interface Projection {
  /** Exactly what would leave, shaped as a seizure input (still to be validated by the seizure schema). */
  input: Partial<SeizureInput> & Obj;
  /** Dotted paths of everything that leaves, for the preview. */
  leaving: string[];
  /** Top-level source keys that were dropped. */
  dropped: string[];
  warnings: NominalWarning[];
}

export function nonNominalProjection(source: Obj): Projection {
  const input: Obj = {
    ...pick(source, ALLOWED.seizure),
    commodities: list(source.commodities, ALLOWED.commodity),
    route: list(source.route, ALLOWED.leg),
    offenders: list(source.offenders, ALLOWED.offender),
  };
  const leaving: string[] = [];
  for (const [k, v] of Object.entries(input)) {
    if (Array.isArray(v)) v.forEach((item, i) => Object.keys(item as Obj).forEach((f) => leaving.push(`${k}.${i}.${f}`)));
    else leaving.push(k);
  }
  const known = new Set<string>([...ALLOWED.seizure, 'commodities', 'route', 'offenders']);
  const dropped = Object.keys(source).filter((k) => !known.has(k));
  const warnings = nominalWarnings(input as unknown as SeizureInput);
  return { input: input as Projection['input'], leaving, dropped, warnings };
}
