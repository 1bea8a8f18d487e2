/** One field, quoted as RFC 4180 asks when it holds a quote, comma or line break (or edge spaces). */
export function quoteCsvField(text: string): string {
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// A spreadsheet runs a cell that starts with one of these as a formula (OWASP, CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * A cell of a CSV that people download and open in a spreadsheet: a value that would start
 * a formula gets a leading `'` (plain numbers such as -5 stay as they are), then quoting.
 */
export function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? "" : value instanceof Date ? value.toISOString() : String(value);
  return quoteCsvField(FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text);
}

/** A row of a downloaded CSV, without its line ending. */
export function csvRow(values: readonly unknown[]): string {
  return values.map(csvCell).join(",");
}
