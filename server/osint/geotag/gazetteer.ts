import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVER_SOURCE } from '../../platform/paths.ts';
import type { GazetteerFile, PlaceKind } from './gazetteer-file.ts';
import { fold } from './text-fold.ts';
import { NameTrie } from './trie.ts';

export interface Place {
  name: string;
  country: string;
  kind: PlaceKind;
}

export interface Gazetteer {
  trie: NameTrie;
  places: Place[];
  population: Record<string, number>;
}

const RUSSIAN_ENDING = /[аяйьои]$/;

/** Loads `gazetteer.json` once and indexes its names (Russian names by their stem too, for the case endings). */
export function loadGazetteer(file = join(SERVER_SOURCE, 'osint', 'geotag', 'gazetteer.json')): Gazetteer {
  const data = JSON.parse(readFileSync(file, 'utf8')) as GazetteerFile;
  const trie = new NameTrie();
  const places = data.places.map(([name, country, kind]) => ({ name, country, kind }));
  places.forEach((p, i) => {
    // "The Netherlands" would need its capital T; "in the Netherlands" is found by "Netherlands".
    if (/^the /i.test(p.name)) return;
    const f = fold(p.name);
    trie.add(f, i);
    if (/^[\u0400-\u04ff -]+$/.test(f) && f.length > 4) trie.add(RUSSIAN_ENDING.test(f) ? f.slice(0, -1) : f, i, true);
  });
  return { trie, places, population: data.population };
}

let shared: Gazetteer | null = null;
export const sharedGazetteer = () => (shared ??= loadGazetteer());
