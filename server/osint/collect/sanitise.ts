import sanitizeHtml from 'sanitize-html';

const SUMMARY_TAGS = ['p', 'br', 'b', 'strong', 'i', 'em', 'ul', 'ol', 'li', 'blockquote', 'a'];
const MAX_INPUT = 200_000;

/** A summary as HTML with a small allowlist: no script, no style, no event handler, links http(s) only. */
export function sanitiseSummary(html: string): string {
  return sanitizeHtml(html.slice(0, MAX_INPUT), {
    allowedTags: SUMMARY_TAGS,
    allowedAttributes: { a: ['href', 'rel'] },
    allowedSchemes: ['http', 'https'],
    transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }) },
  }).trim();
}

/** Plain text of HTML: tags dropped, the content of scripts, styles and page furniture too; blocks end in a space. */
export function htmlToText(html: string): string {
  const spaced = html.slice(0, MAX_INPUT).replace(/<(?:br|\/p|\/div|\/li|\/h[1-6]|\/tr|\/blockquote)\b[^>]*>/gi, (tag) => `${tag} `);
  const text = sanitizeHtml(spaced, {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'nav', 'header', 'footer', 'aside', 'form', 'title'],
  });
  // sanitize-html escapes the text it outputs; plain text wants the characters themselves.
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
