import { describe, expect, it } from 'vitest';
import { rngOf } from '../../platform/seeded-random.ts';
import { composeMrz, type MrzContent } from './compose-mrz.ts';
import { containerCheckDigit } from './container.ts';
import { imoCompanyCheckDigit, imoShipCheckDigit } from './imo.ts';
import { validateIdentifier } from './validate-identifier.ts';
import { vinCheckDigit } from './vin.ts';

/**
 * Property tests: values generated from each standard's rules validate, and a one-character change is
 * caught wherever the standard's check digit guarantees it. The guarantees differ by scheme, and each
 * test says which change it makes and why that change is always caught. A seeded generator keeps
 * failures reproducible.
 */
function generator(seed: number) {
  const next = rngOf(seed);
  const int = (n: number) => Math.floor(next() * n);
  const pick = (chars: string) => chars[int(chars.length)];
  const string = (chars: string, length: number) => Array.from({ length }, () => pick(chars)).join('');
  return { int, pick, string };
}

const DIGITS = '0123456789';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const RUNS = 500;
const replaceAt = (s: string, i: number, c: string) => s.slice(0, i) + c + s.slice(i + 1);
const otherDigit = (g: ReturnType<typeof generator>, d: string) => String((Number(d) + 1 + g.int(9)) % 10);

describe('property: MRZ (7-3-1 weights, modulo 10)', () => {
  const g = generator(9303);
  const randomDate = () => `${g.string(DIGITS, 2)}${String(1 + g.int(12)).padStart(2, '0')}${String(1 + g.int(28)).padStart(2, '0')}`;
  const randomContent = (format: string): MrzContent => ({
    documentCode: format.startsWith('MRV') ? 'V' : format === 'TD3' ? 'P' : g.pick('ACI'),
    issuingState: g.string(LETTERS, 3),
    surname: g.string(LETTERS, 1 + g.int(12)),
    givenNames: `${g.string(LETTERS, 1 + g.int(8))} ${g.string(LETTERS, g.int(6))}`.trim(),
    documentNumber: g.string(LETTERS + DIGITS, 1 + g.int(format === 'TD1' || format === 'TD2' ? 12 : 9)),
    nationality: g.string(LETTERS, 3),
    birthDate: randomDate(),
    sex: g.pick('FM<') as MrzContent['sex'],
    expiryDate: randomDate(),
    optionalData: g.string(LETTERS + DIGITS + '<', g.int(format === 'TD2' ? 1 : 7)),
  });

  it('zones composed from the rules validate, in every format', () => {
    for (let n = 0; n < RUNS; n++) {
      const format = (['TD1', 'TD2', 'TD3', 'MRV-A', 'MRV-B'] as const)[n % 5];
      const content = randomContent(format);
      const r = validateIdentifier('mrz', composeMrz(format, content).join('\n'));
      expect(r.errors, JSON.stringify(content)).toEqual([]);
      expect(r.fields?.documentNumber).toBe(content.documentNumber);
    }
  });

  it('a digit changed to another digit in a guarded field of a TD3 is always caught', () => {
    // A change of d (1-9) times a weight of 7, 3 or 1 is never a multiple of 10, so the sum's last digit moves.
    const guarded = [...Array(9).keys(), ...[13, 14, 15, 16, 17, 18], ...[21, 22, 23, 24, 25, 26]];
    for (let n = 0; n < RUNS; n++) {
      const [line1, line2] = composeMrz('TD3', randomContent('TD3'));
      const digits = guarded.filter((i) => /[0-9]/.test(line2[i]));
      const i = digits[g.int(digits.length)];
      const changed = replaceAt(line2, i, otherDigit(g, line2[i]));
      expect(validateIdentifier('mrz', `${line1}\n${changed}`).valid, `${changed} (position ${i + 1})`).toBe(false);
    }
  });

  it('any changed check digit is caught, in every format that has it', () => {
    const checkPositions = { TD3: [9, 19, 27, 43], TD2: [19, 27, 35], 'MRV-A': [19, 27], 'MRV-B': [19, 27] } as const;
    for (let n = 0; n < RUNS; n++) {
      const format = (['TD3', 'TD2', 'MRV-A', 'MRV-B'] as const)[n % 4];
      const lines = composeMrz(format, { ...randomContent(format), documentNumber: g.string(DIGITS, 9) });
      const positions = checkPositions[format];
      const i = positions[g.int(positions.length)];
      const changed = replaceAt(lines[1], i, otherDigit(g, lines[1][i]));
      expect(validateIdentifier('mrz', `${lines[0]}\n${changed}`).valid, `${format} ${changed}`).toBe(false);
    }
  });
});

describe('property: VIN (49 CFR 565 check digit, modulo 11)', () => {
  const g = generator(3779);
  const VIN_CHARACTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
  const VALUES: Record<string, number> = Object.fromEntries([...'ABCDEFGH'].map((c, i) => [c, i + 1]).concat([...'JKLMN'].map((c, i) => [c, i + 1]), [['P', 7], ['R', 9]], [...'STUVWXYZ'].map((c, i) => [c, i + 2])));
  const value = (c: string) => (c >= '0' && c <= '9' ? Number(c) : VALUES[c]);
  const randomVin = () => {
    const draft = g.string(VIN_CHARACTERS, 17);
    return replaceAt(draft, 8, vinCheckDigit(draft));
  };

  it('VINs built from the rules validate with their check digit holding', () => {
    for (let n = 0; n < RUNS; n++) {
      const vin = randomVin();
      const r = validateIdentifier('vin', vin);
      expect(r.valid, vin).toBe(true);
      expect(r.fields?.checkDigit.holds, vin).toBe(true);
    }
  });

  it('a character changed to one of another value is always caught, and only warns', () => {
    // Values differ by 1-9 and weights are 2-10, so the change is never a multiple of the prime 11.
    for (let n = 0; n < RUNS; n++) {
      const vin = randomVin();
      const i = [0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15, 16][g.int(16)];
      const candidates = [...VIN_CHARACTERS].filter((c) => value(c) !== value(vin[i]));
      const changed = replaceAt(vin, i, g.pick(candidates.join('')));
      const r = validateIdentifier('vin', changed);
      expect(r.valid, changed).toBe(true);
      expect(r.fields?.checkDigit.holds, `${changed} (position ${i + 1})`).toBe(false);
    }
  });
});

describe('property: ISO 6346 container numbers', () => {
  const g = generator(6346);
  const randomFirst10 = () => `${g.string(LETTERS, 3)}${g.pick('UJZ')}${g.string(DIGITS, 6)}`;

  it('numbers built from the rules validate', () => {
    for (let n = 0; n < RUNS; n++) {
      const first10 = randomFirst10();
      expect(validateIdentifier('container', first10 + containerCheckDigit(first10)).valid, first10).toBe(true);
    }
  });

  it('a changed check digit is always caught; so is a changed serial digit when the check digit is not 0', () => {
    // Weights 2^i are never multiples of 11, so a serial digit change always moves the remainder; only the
    // remainders 0 and 10 share a check digit (0), which is why ISO 6346 advises against remainder 10.
    for (let n = 0; n < RUNS; n++) {
      const first10 = randomFirst10();
      const number = first10 + containerCheckDigit(first10);
      expect(validateIdentifier('container', replaceAt(number, 10, otherDigit(g, number[10]))).valid).toBe(false);
      if (number[10] === '0') continue;
      const i = 4 + g.int(6);
      const changed = replaceAt(number, i, otherDigit(g, number[i]));
      expect(validateIdentifier('container', changed).valid, `${number} -> ${changed}`).toBe(false);
    }
  });
});

describe('property: IMO numbers', () => {
  const g = generator(600);

  it('ship numbers built from the rules validate; a changed check digit or a digit of weight 7 or 3 breaks the ship check', () => {
    // The ship check is the last digit of a sum with weights 7..2: only weights coprime with 10 (7, 3) see
    // every change, which is why 7605811 and 7625811 are both valid (see imo.test.ts).
    for (let n = 0; n < RUNS; n++) {
      const six = `${1 + g.int(9)}${g.string(DIGITS, 5)}`;
      const number = six + imoShipCheckDigit(six);
      expect(validateIdentifier('imo', number).valid, number).toBe(true);
      const i = [0, 4, 6][g.int(3)]; // weight 7, weight 3, the check digit
      const changed = replaceAt(number, i, otherDigit(g, number[i]));
      expect(validateIdentifier('imo', changed).fields?.shipCheck.holds, `${number} -> ${changed}`).toBe(false);
    }
  });

  it('company numbers built from the rules validate; any changed digit breaks the company check when it is not 1', () => {
    // Modulo the prime 11 every change moves the remainder; remainders 0 and 10 both give check digit 1.
    for (let n = 0; n < RUNS; n++) {
      const six = `${1 + g.int(9)}${g.string(DIGITS, 5)}`;
      const number = six + imoCompanyCheckDigit(six);
      expect(validateIdentifier('imo', number).valid, number).toBe(true);
      if (number[6] === '1') continue;
      const i = g.int(7);
      const changed = replaceAt(number, i, otherDigit(g, number[i]));
      expect(validateIdentifier('imo', changed).fields?.companyCheck.holds, `${number} -> ${changed}`).toBe(false);
    }
  });
});

describe('property: keys without a check digit (firearm serials, document numbers)', () => {
  const g = generator(2000);
  const decorate = (value: string) =>
    [...value].map((c) => (g.int(2) ? c.toLowerCase() : c) + (g.int(4) === 0 ? g.pick(' -') : '')).join('');

  it('normalisation ignores case, spaces and dashes, and normalising twice changes nothing', () => {
    for (let n = 0; n < RUNS; n++) {
      const serial = `${g.string(LETTERS, g.int(3))}${1 + g.int(9)}${g.string(DIGITS + LETTERS, 2 + g.int(10))}`;
      for (const kind of ['firearm_serial', 'document_number'] as const) {
        const r = validateIdentifier(kind, serial);
        expect(validateIdentifier(kind, decorate(serial)).normalised, serial).toBe(r.normalised);
        expect(validateIdentifier(kind, r.normalised).normalised).toBe(r.normalised);
      }
    }
  });
});
