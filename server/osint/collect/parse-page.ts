import type { FeedEntry } from './parse-feed.ts';

const attr = (tag: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(tag)?.slice(1).find((v) => v !== undefined) ?? null;

function meta(html: string, key: string): string | null {
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    const name = attr(tag, 'property') ?? attr(tag, 'name');
    if (name?.toLowerCase() === key) return attr(tag, 'content');
  }
  return null;
}

function canonical(html: string): string | null {
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) if (attr(tag, 'rel')?.toLowerCase().split(/\s+/).includes('canonical')) return attr(tag, 'href');
  return null;
}

const decodeEntities = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/**
 * A web page as one news item: its title and description from the Open Graph or HTML tags, its canonical
 * address, and as body the HTML of its <article> (else <main>, else <body>) for the sanitiser to reduce to text.
 */
export function parsePage(html: string, pageUrl: string): FeedEntry {
  const title = meta(html, 'og:title') ?? /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? '';
  const published = meta(html, 'article:published_time');
  const when = published ? new Date(published) : null;
  const body = /<article\b[\s\S]*?<\/article>/i.exec(html)?.[0] ?? /<main\b[\s\S]*?<\/main>/i.exec(html)?.[0] ?? /<body\b[\s\S]*<\/body>/i.exec(html)?.[0] ?? html;
  return {
    title: decodeEntities(title.trim()),
    link: canonical(html) ?? pageUrl,
    summary: decodeEntities(meta(html, 'og:description') ?? meta(html, 'description') ?? ''),
    content: body,
    published: when && !Number.isNaN(when.getTime()) ? when : null,
  };
}
