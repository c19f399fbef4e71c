/**
 * The text of a fetched body, in the charset it declares: a byte-order mark first, then the Content-Type
 * header, then the XML declaration or the HTML meta tag; UTF-8 when nothing says otherwise.
 */
export function decodeBody(body: Buffer, contentType: string): { text: string; charset: string } {
  const charset = declaredCharset(body, contentType);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    // A label TextDecoder does not know: UTF-8 reads at least the ASCII part right.
    decoder = new TextDecoder('utf-8');
  }
  return { text: decoder.decode(body), charset: decoder.encoding };
}

export function declaredCharset(body: Buffer, contentType: string): string {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8';
  if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  const fromHeader = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1];
  if (fromHeader) return fromHeader.toLowerCase();
  // The declarations are ASCII whatever the charset: read the head as Latin-1 to find them.
  const head = body.subarray(0, 2048).toString('latin1');
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
  if (xml) return xml.toLowerCase();
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
  if (meta) return meta.toLowerCase();
  return 'utf-8';
}
