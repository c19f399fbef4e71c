import { Secret, TOTP } from 'otpauth';

/** The code an authenticator app would show now for this secret (SHA-1, 6 digits, 30 s). */
export function totpCode(secretBase32: string): string {
  return new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secretBase32.replace(/\s/g, '')) }).generate();
}
