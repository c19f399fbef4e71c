const MAX_NAME = 200;
const MAX_EXTENSION = 16;

/**
 * Makes an uploaded file name safe to store and show: no folder parts (either
 * slash), no control or bidi-formatting characters (which can disguise an
 * extension), at most 200 characters with the extension kept. Never empty.
 */
export function sanitizeFileName(raw: string): string {
  const base = raw.normalize('NFC').split(/[/\\]/).pop() ?? '';
  let name = base.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '').trim();
  // Leading dots would make a hidden file or a "..": neither is a name.
  name = name.replace(/^\.+/, '').trim();
  if (!name) return 'file';
  const chars = Array.from(name);
  if (chars.length <= MAX_NAME) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? Array.from(name.slice(dot)) : [];
  if (ext.length > 1 && ext.length <= MAX_EXTENSION) {
    const stem = Array.from(name.slice(0, dot)).slice(0, MAX_NAME - ext.length);
    return stem.join('').trimEnd() + ext.join('');
  }
  return chars.slice(0, MAX_NAME).join('').trimEnd();
}
