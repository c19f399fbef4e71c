import type { TFunction } from 'i18next';

/**
 * The server writes its field messages in English. Those it sends most are shown
 * in the interface language; any other is shown as the server wrote it.
 */
const KNOWN: { match: RegExp; key: string; params?: (m: RegExpMatchArray) => Record<string, string> }[] = [
  { match: /^(is required|required\.?)$/i, key: 'errors.field.required' },
  { match: /^is required: map a column to it/, key: 'errors.field.mapColumn' },
  { match: /^must be an e-mail address$/, key: 'errors.field.email' },
  { match: /^must be at least (\d+) characters$/, key: 'errors.field.minLength', params: (m) => ({ min: m[1] }) },
  { match: /^must be at most (\d+)( characters)?$/, key: 'errors.field.maxLength', params: (m) => ({ max: m[1] }) },
  { match: /^(must be an ISO 3166 alpha-2 code|is not a known ISO 3166 country)$/, key: 'errors.field.country' },
  { match: /^must be a phone number/, key: 'errors.field.phone' },
  { match: /^is already used$/, key: 'errors.field.taken' },
  { match: /^at least one role is required$/, key: 'errors.field.role' },
  { match: /^surname or office name is required$/, key: 'errors.field.surnameOrOffice' },
  { match: /^must differ from the current one$/, key: 'password.sameAsCurrent' },
  { match: /^must not contain the username$/, key: 'errors.field.containsUsername' },
  { match: /^is too repetitive$/, key: 'errors.field.repetitive' },
  { match: /^is wrong$/, key: 'errors.field.wrong' },
  { match: /^may hold letters, digits and \. _ - only$/, key: 'errors.field.usernameChars' },
  { match: /^may hold letters, digits, spaces and/, key: 'errors.field.shortNameChars' },
  { match: /^must be 6 digits$/, key: 'errors.field.sixDigits' },
  { match: /^is not a system account$/, key: 'errors.field.notSystem' },
];

export function localiseFieldMessage(message: string, t: TFunction): string {
  for (const known of KNOWN) {
    const m = message.match(known.match);
    if (m) return t(known.key, known.params?.(m) ?? {});
  }
  return message;
}
