import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { FetchRefused } from './address-guard.ts';

export interface FeedEntry {
  title: string;
  link: string | null;
  /** HTML as the feed gives it (unsanitised). */
  summary: string;
  content: string;
  published: Date | null;
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'jsonfeed';
  language: string | null;
  entries: FeedEntry[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  htmlEntities: true,
  isArray: (name) => ['item', 'entry', 'link'].includes(name),
});

/** A feed in any of the formats IRIS reads, told apart by its content rather than by what the source was declared as. */
export function parseFeed(text: string): ParsedFeed {
  const start = text.trimStart();
  if (start.startsWith('{')) return parseJsonFeed(start);
  // Entity declarations are how XML bombs expand; no news feed needs them.
  if (/<!ENTITY/i.test(text)) throw new FetchRefused('The feed declares XML entities; refused.');
  const valid = XMLValidator.validate(start);
  if (valid !== true) throw new FetchRefused(`Not a feed: not well-formed XML (${valid.err.msg}, line ${valid.err.line}).`);
  const doc = parser.parse(start) as Record<string, unknown>;
  const rss = doc.rss as Obj | undefined;
  if (rss) {
    const channel = (rss.channel ?? {}) as Obj;
    return { format: 'rss', language: str(channel.language), entries: list(channel.item).map(rssEntry) };
  }
  const feed = doc.feed as Obj | undefined;
  if (feed) return { format: 'atom', language: str(feed['@_lang']), entries: list(feed.entry).map(atomEntry) };
  const rdf = doc.RDF as Obj | undefined;
  if (rdf) {
    const channel = (rdf.channel ?? {}) as Obj;
    return { format: 'rdf', language: str(channel.language), entries: list(rdf.item).map(rssEntry) };
  }
  throw new FetchRefused(`Not a feed: the XML root is <${Object.keys(doc).find((k) => !k.startsWith('?')) ?? 'nothing'}>, not rss, feed or RDF.`);
}

type Obj = Record<string, unknown>;
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v : v == null ? [] : [v]).filter((x): x is Obj => typeof x === 'object' && x !== null);

/** The text of an element, whether the parser gave a string or an object with attributes. */
function str(v: unknown): string | null {
  if (v == null) return null;
  if (Array.isArray(v)) return str(v[0]);
  if (typeof v === 'object') {
    const o = v as Obj;
    if ('#text' in o) return str(o['#text']);
    // XHTML content in Atom: the text of its elements, joined.
    const parts = Object.entries(o).filter(([k]) => !k.startsWith('@_')).map(([, x]) => str(x) ?? '');
    return parts.join(' ').trim() || null;
  }
  const s = String(v).trim();
  return s || null;
}

function date(v: unknown): Date | null {
  const s = str(v);
  if (!s) return null;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d;
}

function rssEntry(item: Obj): FeedEntry {
  const link = str(item.link) ?? (item.guid && (item.guid as Obj)['@_isPermaLink'] !== 'false' ? str(item.guid) : null) ?? str(item['@_about']);
  return {
    title: str(item.title) ?? '',
    link,
    summary: str(item.description) ?? '',
    content: str(item.encoded) ?? '',
    published: date(item.pubDate) ?? date(item.date),
  };
}

function atomEntry(entry: Obj): FeedEntry {
  const links = list(entry.link);
  const alternate = links.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate') ?? links[0];
  return {
    title: str(entry.title) ?? '',
    link: alternate ? str(alternate['@_href']) : null,
    summary: str(entry.summary) ?? '',
    content: str(entry.content) ?? '',
    published: date(entry.published) ?? date(entry.updated),
  };
}

function parseJsonFeed(text: string): ParsedFeed {
  let doc: Obj;
  try {
    doc = JSON.parse(text) as Obj;
  } catch (err) {
    throw new FetchRefused(`Not a feed: invalid JSON (${(err as Error).message}).`);
  }
  if (typeof doc.version !== 'string' || !doc.version.includes('jsonfeed.org')) throw new FetchRefused('Not a feed: JSON without a jsonfeed.org version.');
  return {
    format: 'jsonfeed',
    language: typeof doc.language === 'string' ? doc.language : null,
    entries: list(doc.items).map((i) => ({
      title: typeof i.title === 'string' ? i.title : '',
      link: typeof i.url === 'string' ? i.url : typeof i.external_url === 'string' ? i.external_url : null,
      summary: typeof i.summary === 'string' ? i.summary : '',
      content: typeof i.content_html === 'string' ? i.content_html : typeof i.content_text === 'string' ? i.content_text : '',
      published: date(i.date_published) ?? date(i.date_modified),
    })),
  };
}
