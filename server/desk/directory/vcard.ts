import type { DirectoryEntry } from './directory-view.ts';

// vCard 4.0 (RFC 6350): text values escape backslash, comma, semicolon and line breaks; lines end in CRLF
// and are folded at 75 octets.
const escape = (s: string) => s.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\r?\n/g, '\\n');

function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  for (const ch of line) {
    if (Buffer.byteLength(current + ch, 'utf8') > (parts.length ? 74 : 75)) {
      parts.push(current);
      current = '';
    }
    current += ch;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** One vCard per contact point: the organisation as ORG, the contact point as FN. */
export function toVCards(entries: DirectoryEntry[]): string {
  const cards = entries.map((e) => {
    const lines = ['BEGIN:VCARD', 'VERSION:4.0', 'KIND:org', `FN:${escape(`${e.name} — ${e.orgName}`)}`, `ORG:${escape(e.orgName)}${e.unit ? `;${escape(e.unit)}` : ''}`];
    if (e.phone) lines.push(`TEL;VALUE=uri;TYPE=work:tel:${e.phone.replace(/[^+0-9]/g, '')}`);
    if (e.email) lines.push(`EMAIL;TYPE=work:${escape(e.email)}`);
    if (e.country) lines.push(`ADR;TYPE=work:;;;;;;${escape(e.country)}`);
    if (e.languages.length) e.languages.forEach((l, i) => lines.push(`LANG;PREF=${i + 1}:${l}`));
    lines.push(`TZ:${escape(e.timeZone)}`);
    const note = [e.alwaysOpen ? 'Open 24/7' : '', e.secureChannels.length ? `Secure channels: ${e.secureChannels.join(', ')}` : '', e.notes].filter(Boolean).join('\n');
    if (note) lines.push(`NOTE:${escape(note)}`);
    lines.push(`UID:urn:uuid:${e.id}`, `REV:${e.updatedAt.replace(/[-:]/g, '').replace(/\.\d+/, '')}`, 'END:VCARD');
    return lines.map(fold).join('\r\n');
  });
  return cards.length ? `${cards.join('\r\n')}\r\n` : '';
}
