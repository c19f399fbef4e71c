/**
 * Where each field sits in the machine-readable zone of each ICAO Doc 9303 format: TD1 (identity cards,
 * Part 5: 3 lines of 30), TD2 (Part 6: 2 lines of 36), TD3 (passports, Part 4: 2 lines of 44) and the
 * machine-readable visas MRV-A (2 × 44) and MRV-B (2 × 36) of Part 7, which have no composite check digit
 * and no check digit on their optional data. Positions are 1-based and inclusive, as the standard counts.
 */
export type MrzFormat = 'TD1' | 'TD2' | 'TD3' | 'MRV-A' | 'MRV-B';

export interface MrzSpan {
  line: number;
  start: number;
  end: number;
}

export interface MrzLayout {
  format: MrzFormat;
  lineCount: number;
  lineLength: number;
  documentCode: MrzSpan;
  issuingState: MrzSpan;
  name: MrzSpan;
  documentNumber: MrzSpan;
  documentNumberCheck: MrzSpan;
  nationality: MrzSpan;
  birthDate: MrzSpan;
  birthDateCheck: MrzSpan;
  sex: MrzSpan;
  expiryDate: MrzSpan;
  expiryDateCheck: MrzSpan;
  optionalData: MrzSpan;
  optionalDataCheck?: MrzSpan;
  /** TD1 has a second optional-data field, on line 2. */
  optionalData2?: MrzSpan;
  /** Where a document number longer than nine characters continues (TD1, TD2: Part 5 and 6, note j). */
  documentNumberOverflow?: MrzSpan;
  composite?: { at: MrzSpan; over: MrzSpan[] };
}

const span = (line: number, start: number, end = start): MrzSpan => ({ line, start, end });

const TD3: MrzLayout = {
  format: 'TD3',
  lineCount: 2,
  lineLength: 44,
  documentCode: span(1, 1, 2),
  issuingState: span(1, 3, 5),
  name: span(1, 6, 44),
  documentNumber: span(2, 1, 9),
  documentNumberCheck: span(2, 10),
  nationality: span(2, 11, 13),
  birthDate: span(2, 14, 19),
  birthDateCheck: span(2, 20),
  sex: span(2, 21),
  expiryDate: span(2, 22, 27),
  expiryDateCheck: span(2, 28),
  optionalData: span(2, 29, 42),
  optionalDataCheck: span(2, 43),
  composite: { at: span(2, 44), over: [span(2, 1, 10), span(2, 14, 20), span(2, 22, 43)] },
};

const MRV_A: MrzLayout = {
  ...TD3,
  format: 'MRV-A',
  optionalData: span(2, 29, 44),
  optionalDataCheck: undefined,
  composite: undefined,
};

const TD2: MrzLayout = {
  format: 'TD2',
  lineCount: 2,
  lineLength: 36,
  documentCode: span(1, 1, 2),
  issuingState: span(1, 3, 5),
  name: span(1, 6, 36),
  documentNumber: span(2, 1, 9),
  documentNumberCheck: span(2, 10),
  nationality: span(2, 11, 13),
  birthDate: span(2, 14, 19),
  birthDateCheck: span(2, 20),
  sex: span(2, 21),
  expiryDate: span(2, 22, 27),
  expiryDateCheck: span(2, 28),
  optionalData: span(2, 29, 35),
  documentNumberOverflow: span(2, 29, 35),
  composite: { at: span(2, 36), over: [span(2, 1, 10), span(2, 14, 20), span(2, 22, 35)] },
};

const MRV_B: MrzLayout = {
  ...TD2,
  format: 'MRV-B',
  optionalData: span(2, 29, 36),
  documentNumberOverflow: undefined,
  composite: undefined,
};

const TD1: MrzLayout = {
  format: 'TD1',
  lineCount: 3,
  lineLength: 30,
  documentCode: span(1, 1, 2),
  issuingState: span(1, 3, 5),
  documentNumber: span(1, 6, 14),
  documentNumberCheck: span(1, 15),
  optionalData: span(1, 16, 30),
  documentNumberOverflow: span(1, 16, 30),
  birthDate: span(2, 1, 6),
  birthDateCheck: span(2, 7),
  sex: span(2, 8),
  expiryDate: span(2, 9, 14),
  expiryDateCheck: span(2, 15),
  nationality: span(2, 16, 18),
  optionalData2: span(2, 19, 29),
  composite: { at: span(2, 30), over: [span(1, 6, 30), span(2, 1, 7), span(2, 9, 15), span(2, 19, 29)] },
  name: span(3, 1, 30),
};

export const MRZ_LAYOUTS = { TD1, TD2, TD3, 'MRV-A': MRV_A, 'MRV-B': MRV_B } as const satisfies Record<MrzFormat, MrzLayout>;

/** "line 2, position 10" or "line 2, positions 14-19": how errors point into the zone. */
export function describeSpan(s: MrzSpan): string {
  return s.start === s.end ? `line ${s.line}, position ${s.start}` : `line ${s.line}, positions ${s.start}-${s.end}`;
}
