import { Secret, TOTP } from 'otpauth';

const PERIOD_SECONDS = 30;

/** The code an authenticator app would show now for this secret (SHA-1, 6 digits, 30 s). */
export function totpCode(secretBase32: string): string {
  return new TOTP({ algorithm: 'SHA1', digits: 6, period: PERIOD_SECONDS, secret: Secret.fromBase32(secretBase32.replace(/\s/g, '')) }).generate();
}

/** The TOTP time step now; the server refuses a second code from a step already used. */
export function currentStep(): number {
  return Math.floor(Date.now() / 1000 / PERIOD_SECONDS);
}

/** Waits until the clock has left the given step, so that a fresh code is not a replay. */
export async function waitForStepAfter(usedStep: number): Promise<void> {
  while (currentStep() <= usedStep) await new Promise((resolve) => setTimeout(resolve, 500));
}
