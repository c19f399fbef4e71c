import { sql } from 'drizzle-orm';
import { execRows, type Db } from '../../platform/db/database.ts';
import { textArray } from '../../platform/db/pg-array.ts';
import { geotag, type TaggedPlace } from '../geotag/geotag.ts';
import { identifyLanguage } from '../language/identify.ts';
import type { FeedEntry } from './parse-feed.ts';
import { htmlToText, sanitiseSummary } from './sanitise.ts';

export interface PreparedItem {
  title: string;
  summary: string;
  body: string;
  url: string;
  publishedAt: Date | null;
  language: string;
  countries: string[];
  focusCountry: string | null;
  places: TaggedPlace[];
}

const MAX_TITLE = 1_000;
const MAX_BODY = 100_000;
/** Tracking parameters make one article look like several. */
const TRACKING = /^(utm_\w+|fbclid|gclid|mc_cid|mc_eid)$/i;

/** The article's address as stored: absolute, http(s), without fragment or tracking parameters; null if unusable. */
export function canonicalUrl(link: string | null, base: string): string | null {
  if (!link) return null;
  let url: URL;
  try {
    url = new URL(link.trim(), base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  for (const key of [...url.searchParams.keys()]) if (TRACKING.test(key)) url.searchParams.delete(key);
  return url.href;
}

/**
 * Feed entries as items ready to store: summary sanitised, body reduced to text, language identified (the
 * source's declared language as the prior) and geotagged. Entries without a usable address or any text are
 * left out: an item is known by its address.
 */
export function prepareItems(entries: FeedEntry[], base: string, prior: string | null): PreparedItem[] {
  const seen = new Set<string>();
  const out: PreparedItem[] = [];
  for (const e of entries) {
    const url = canonicalUrl(e.link, base);
    if (!url || seen.has(url)) continue;
    const summary = sanitiseSummary(e.summary);
    const body = htmlToText(e.content || e.summary).slice(0, MAX_BODY);
    const title = (htmlToText(e.title) || body.slice(0, 120)).slice(0, MAX_TITLE);
    if (!title) continue;
    seen.add(url);
    const language = identifyLanguage(`${title}. ${body}`, { prior: prior ?? undefined }).language;
    const tags = geotag({ title, text: body, language: language === 'und' ? undefined : language });
    out.push({ title, summary, body, url, publishedAt: e.published, language, countries: tags.countries, focusCountry: tags.focus, places: tags.places });
  }
  return out;
}

/** Stores the items not stored yet (an address once per source); answers how many were new. */
export async function storeItems(tx: Db, sourceId: string, items: PreparedItem[]): Promise<number> {
  let added = 0;
  for (const i of items) {
    const rows = await execRows(
      tx,
      sql`INSERT INTO osint_items (source_id, title, summary, body, url, published_at, language, countries, focus_country, places)
          VALUES (${sourceId}, ${i.title}, ${i.summary}, ${i.body}, ${i.url}, ${i.publishedAt?.toISOString() ?? null}::timestamptz, ${i.language},
            ${textArray(i.countries)}, ${i.focusCountry}, ${JSON.stringify(i.places)}::jsonb)
          ON CONFLICT (source_id, url) DO NOTHING RETURNING id`,
    );
    added += rows.length;
  }
  return added;
}
