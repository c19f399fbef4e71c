import type { IdentifierIssue } from './identifier-result.ts';
import { MRZ_LAYOUTS, type MrzLayout } from './mrz-layout.ts';
import { readInput } from './read-input.ts';

/** The zone split into the lines of its format. `lines[0]` is line 1; it is absent when only line 2 was given. */
export interface MrzLines {
  layout: MrzLayout;
  lines: (string | undefined)[];
  secondLineOnly: boolean;
}

export interface ReadMrz {
  mrz?: MrzLines;
  /** The zone as upper-case lines joined by "\n", whatever the input's line breaks and spacing. */
  normalised: string;
  warnings: string[];
  errors: IdentifierIssue[];
}

/** Angle quotes and brackets that people and OCR engines type for the MRZ filler '<'. */
const FILLER_LOOKALIKES = /[\u00AB\u2039\u2329\u27E8\u3008]/gu;
const MRZ_CHARACTER = /^[A-Z0-9<]$/;
const SHAPES = 'an MRZ is 3 lines of 30 characters (TD1), 2 of 36 (TD2) or 2 of 44 (TD3), on separate lines or run together';

const twoLineLayout = (length: number, line1: string | undefined): MrzLayout => {
  // Part 7: a machine-readable visa's document code starts with V; it has the size of a TD3 or TD2.
  const visa = line1?.startsWith('V') ?? false;
  if (length === 44) return visa ? MRZ_LAYOUTS['MRV-A'] : MRZ_LAYOUTS.TD3;
  return visa ? MRZ_LAYOUTS['MRV-B'] : MRZ_LAYOUTS.TD2;
};

const chunk = (text: string, size: number) => Array.from({ length: text.length / size }, (_, i) => text.slice(i * size, (i + 1) * size));

/** Splits the input into the lines of a TD1, TD2, TD3 or visa zone, or says why it cannot. */
export function readMrzLines(raw: string): ReadMrz {
  const input = readInput(raw);
  const warnings = [...input.warnings];
  if (input.errors.length) return { normalised: '', warnings, errors: input.errors };

  const text = input.text.replace(FILLER_LOOKALIKES, '<');
  if (text !== input.text) warnings.push("angle quotes or brackets were read as the filler '<'");
  const given = text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  if (given.some((line) => /\s/.test(line))) warnings.push('spaces inside the lines were removed (an MRZ has none)');
  const lines = given.map((line) => line.replace(/\s+/g, ''));
  const normalised = lines.join('\n');

  const shape = findShape(lines);
  const errors = [...shape.errors, ...forbiddenInLines(shape.mrz ? shape.mrz.lines : lines)];
  if (shape.mrz?.secondLineOnly)
    warnings.push(`only the second line of a ${shape.mrz.layout.format} zone was given: document type, issuing state and name are unknown`);
  if (errors.length || !shape.mrz) return { normalised, warnings, errors };
  return { mrz: shape.mrz, normalised: shape.mrz.lines.filter(Boolean).join('\n'), warnings, errors };
}

function findShape(lines: string[]): { mrz?: MrzLines; errors: IdentifierIssue[] } {
  const fail = (message: string) => ({ errors: [{ field: 'format', message }] });
  if (lines.length === 1) {
    const [line] = lines;
    if (line.length === 90) return { mrz: { layout: MRZ_LAYOUTS.TD1, lines: chunk(line, 30), secondLineOnly: false }, errors: [] };
    if (line.length === 72 || line.length === 88) {
      const split = chunk(line, line.length / 2);
      return { mrz: { layout: twoLineLayout(line.length / 2, split[0]), lines: split, secondLineOnly: false }, errors: [] };
    }
    if (line.length === 44 || line.length === 36) {
      // A first line holds only letters and fillers (document code, state, name); a second line always has digits.
      if (!/[0-9]/.test(line)) return fail('only the first line (document type, issuing state, name) was given; the second line carries the number, dates and check digits');
      return { mrz: { layout: twoLineLayout(line.length, undefined), lines: [undefined, line], secondLineOnly: true }, errors: [] };
    }
    if (line.length === 30) return fail('one line of 30 characters was given; a TD1 zone has 3 lines of 30');
    return fail(`is ${line.length} characters on one line; ${SHAPES}`);
  }
  if (lines.length > 3) return fail(`has ${lines.length} lines; ${SHAPES}`);

  if (lines.length === 2 && lines.every((l) => l.length === 30)) return fail('has 2 lines of 30 characters; a TD1 zone has 3');
  const expected = lines.length === 3 ? 30 : [lines[0].length, lines[1].length].find((n) => n === 36 || n === 44);
  if (expected === undefined) return fail(`has lines of ${lines[0].length} and ${lines[1].length} characters; ${SHAPES}`);
  const layout = lines.length === 3 ? MRZ_LAYOUTS.TD1 : twoLineLayout(expected, lines[0]);
  const errors = lines.flatMap((line, i) =>
    line.length === expected ? [] : [{ field: 'format', message: `line ${i + 1} has ${line.length} characters; a ${layout.format} line has ${expected}` }],
  );
  return errors.length ? { errors } : { mrz: { layout, lines, secondLineOnly: false }, errors };
}

/** Located by the standard's own line numbers: a lone second line is line 2. */
function forbiddenInLines(lines: (string | undefined)[]): IdentifierIssue[] {
  const issues: IdentifierIssue[] = [];
  lines.forEach((line, i) => {
    if (line === undefined) return;
    const lineNumber = i + 1;
    [...line].forEach((c, p) => {
      if (!MRZ_CHARACTER.test(c) && issues.length < 5)
        issues.push({ field: 'characters', message: `line ${lineNumber}, position ${p + 1}: '${c}' is not allowed in an MRZ (only A-Z, 0-9 and <)` });
    });
  });
  return issues;
}
