import { describe, expect, it } from 'vitest';
import { findNominalText } from './nominal-text.ts';

const kinds = (text: string) => findNominalText('narrative', text).map((w) => w.kind);

describe('free text that looks nominal', () => {
  it('flags e-mail addresses, phone numbers, MRZ lines and passport-like numbers', () => {
    expect(kinds('Contact j.doe@example.org for details')).toEqual(['email']);
    expect(kinds('Courier called +33 1 23 45 67 89 twice')).toEqual(['phone']);
    expect(kinds('Mobile 0612345678 found in the car')).toEqual(['phone']);
    expect(kinds('P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<< in bag')).toEqual(['mrz']);
    expect(kinds('Passport AB1234567 was shown')).toEqual(['document_number']);
  });

  it('leaves ordinary seizure text alone', () => {
    expect(kinds('120 kg of cocaine in a sea container MSCU1234567 from Guayaquil, found on 2026-03-01 by X-ray')).toEqual([]);
    expect(kinds('HS 2939.72, 3 cartons, flight AF1234, 12 pieces')).toEqual([]);
  });

  it('names the field and an excerpt', () => {
    expect(findNominalText('concealmentDetail', 'mail x@y.io')).toEqual([{ field: 'concealmentDetail', kind: 'email', excerpt: 'x@y.io' }]);
  });
});
