import { signIn } from '../seizures/testing.ts';
import type { TestApp } from '../platform/testing/test-app.ts';

/** A valid alert body: cocaine in rip-on/rip-off bags, Ecuador → Le Havre, law-enforcement handling. */
export function cocaineAlert(over: Record<string, unknown> = {}) {
  return {
    title: `Rip-on/rip-off cocaine in banana containers ${Math.random().toString(36).slice(2, 8)}`,
    riskArea: 'drugs',
    language: 'en',
    commodities: [{ hsCode: '293972', description: 'Cocaine hydrochloride bricks' }],
    modusOperandi: 'Bags placed behind the doors of reefer containers after loading, removed before the terminal gate.',
    concealmentMethods: ['RIP_ON_RIP_OFF'],
    detectionMethods: ['XRAY_SCANNER'],
    route: [
      { role: 'departure', country: 'EC', place: 'Guayaquil' },
      { role: 'destination', country: 'FR', place: 'Le Havre' },
    ],
    transportMode: 'sea',
    conveyance: 'Reefer container',
    indicators: ['Seal number differs from the bill of lading', 'Container opened after loading'],
    recommendedAction: 'Check the seals and the door area of reefer containers from Guayaquil.',
    validFrom: '2026-01-01',
    validUntil: '2027-12-31',
    handling: 'H1',
    sourceReliability: 'B',
    infoCredibility: 2,
    ...over,
  };
}

/** The cast of the alert tests: an NCP in France, its RILO (Western Europe), the I2C, a German and a Kenyan NCP, a partner agency. */
export async function alertCast(t: TestApp) {
  const fr = await signIn(t, ['ncp'], { country: 'FR' });
  const rilo = await signIn(t, ['rilo_analyst'], { kind: 'rilo', shortName: 'RILO-WE', country: 'DE' });
  const i2c = await signIn(t, ['i2c_officer'], { kind: 'wco', shortName: 'WCO-I2C', country: 'BE' });
  const de = await signIn(t, ['ncp'], { country: 'DE' });
  const ke = await signIn(t, ['ncp'], { country: 'KE' });
  const police = await signIn(t, ['partner'], { kind: 'partner', country: 'FR' });
  return { fr, rilo, i2c, de, ke, police };
}
