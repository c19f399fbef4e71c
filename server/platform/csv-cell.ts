// Spreadsheet formula injection (OWASP "CSV Injection"): a cell that starts with =, +, -, @, a tab or a carriage
// return is run as a formula by Excel, LibreOffice and Sheets. Every CSV the product writes, on the server and
// in the browser, passes its text cells through here: such a cell gets a leading apostrophe, which the
// spreadsheet shows as text. Pure (no Node API), so that the web app uses the same function.

const FORMULA_START = /^[=+\-@\t\r]/;
// A plain number (a negative longitude, say) is read as a number, not run: it stays as it is.
const PLAIN_NUMBER = /^[-+]?\d+(\.\d+)?$/;

/** The text of a cell as a spreadsheet must read it: as text, never as a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** The text a neutralised cell stood for, when a file the product wrote is read back (an export imported again). */
export function restoreNeutralised(text: string): string {
  return text.length > 1 && text[0] === "'" && FORMULA_START.test(text.slice(1)) && !PLAIN_NUMBER.test(text.slice(1)) ? text.slice(1) : text;
}

/** One CSV cell (RFC 4180 quoting), neutralised. */
export function csvCell(value: string): string {
  const safe = neutraliseFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
