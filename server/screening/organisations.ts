import { getOrganisation, listOrganisations } from '../identity/index.ts';
import type { Database } from '../platform/db/database.ts';

/** What screening shows of an organisation: enough to pick one and to name it, nothing an administrator alone may see. */
export interface OrganisationName {
  id: string;
  name: string;
  shortName: string;
  kind: string;
  country: string | null;
}

/**
 * Organisation names for hits, trace requests and the on-behalf picker, read through the identity
 * module and kept for a short while (organisations are few and seldom renamed): a page of hits costs
 * no extra query.
 */
export function createOrganisationNames(database: Database, ttlMs = 30_000) {
  let cached: { at: number; byId: Map<string, OrganisationName>; all: OrganisationName[] } | null = null;

  async function load() {
    if (cached && Date.now() - cached.at < ttlMs) return cached;
    const all = (await listOrganisations(database)).map(({ id, name, shortName, kind, country }) => ({ id, name, shortName, kind, country }));
    cached = { at: Date.now(), byId: new Map(all.map((o) => [o.id, o])), all };
    return cached;
  }

  /** The name of one organisation; one created since the list was read is fetched on its own. */
  async function nameOf(id: string | null | undefined): Promise<string | null> {
    if (!id) return null;
    const known = (await load()).byId.get(id);
    if (known) return known.name;
    const fresh = await getOrganisation(database, id);
    if (fresh) cached = null;
    return fresh?.name ?? null;
  }

  return { list: async () => (await load()).all, nameOf };
}

export type OrganisationNames = ReturnType<typeof createOrganisationNames>;
