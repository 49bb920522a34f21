/**
 * Text arriving in pieces (a file read chunk by chunk): line ends normalised to "\n", and
 * lines cut out across piece boundaries. Only CR LF, LF and CR end lines; U+0085 (NEL),
 * U+2028 and U+2029 are characters of a text, as they are to spreadsheets and to Python's csv.
 */

/** Turns CR LF and lone CR into LF, also when a CR LF pair is split between two pieces. */
export class NewlineNormalizer {
  private pendingCR = false;

  push(piece: string): string {
    let s = piece;
    if (this.pendingCR) {
      s = `\r${s}`;
      this.pendingCR = false;
    }
    if (s.endsWith('\r')) {
      this.pendingCR = true;
      s = s.slice(0, -1);
    }
    return s.indexOf('\r') === -1 ? s : s.replace(/\r\n?/g, '\n');
  }

  /** What is still held back at the end of the input. */
  end(): string {
    const rest = this.pendingCR ? '\n' : '';
    this.pendingCR = false;
    return rest;
  }
}

/**
 * Calls `onLine` with each complete "\n"-terminated line (without the "\n"), and at `end()`
 * with a last line that has no line end. An input ending in "\n" has no empty last line.
 */
export class LineReader {
  private carry = '';

  constructor(private readonly onLine: (line: string) => void) {}

  push(text: string): void {
    let nl = text.indexOf('\n');
    if (nl === -1) {
      this.carry += text;
      return;
    }
    this.onLine(this.carry + text.slice(0, nl));
    this.carry = '';
    let from = nl + 1;
    while ((nl = text.indexOf('\n', from)) !== -1) {
      this.onLine(text.slice(from, nl));
      from = nl + 1;
    }
    this.carry = text.slice(from);
  }

  end(): void {
    if (this.carry !== '') this.onLine(this.carry);
    this.carry = '';
  }
}
