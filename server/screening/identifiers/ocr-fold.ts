/**
 * Characters that optical character recognition (and tired eyes on a stamped serial) confuse, folded to
 * one representative. The digit is the representative because identifiers are mostly digits: folding
 * letters towards digits leaves most keys as they were. A record stored under its folded key matches a
 * search whose folded key is the same, whichever of the pair either side wrote.
 */
const OCR_CONFUSIONS: Readonly<Record<string, string>> = { O: '0', I: '1', B: '8', S: '5', Z: '2' };

/**
 * The folded form of a key. Expects a normalised key (see normaliseKey) but is safe on any text:
 * it upper-cases ASCII letters and leaves every character outside the confusion pairs unchanged,
 * so folding is idempotent and never changes a key's length.
 */
export function foldKey(value: string): string {
  return value.replace(/[a-z]/g, (c) => c.toUpperCase()).replace(/[OIBSZ]/g, (c) => OCR_CONFUSIONS[c]);
}
