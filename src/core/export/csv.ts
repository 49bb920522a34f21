/**
 * CSV for spreadsheets: RFC 4180 quoting, and every cell that a spreadsheet would run as a
 * formula (starting with =, +, -, @, tab or carriage return) neutralised with a leading
 * apostrophe, as OWASP recommends against CSV injection.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows to CSV text with CRLF line ends. Numbers are written as they are (they cannot be formulas). */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return rows.map((row) => row.map((cell) => (typeof cell === 'number' ? String(cell) : quote(neutralizeCell(cell)))).join(',')).join('\r\n') + '\r\n';
}
