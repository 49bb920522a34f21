/**
 * Text (pushed in pieces, line ends already "\n") → a Table, for every file format, with the
 * things the user must hear about: quotes that do not close, rows with extra cells, lines that
 * are not JSON, several fastText labels on a line, and for tab-separated files the row count
 * read both with and without `"` as a quote character when the two disagree.
 *
 * Row numbers are 1-based records of the file (lines for the line formats, items of a JSON
 * array), the header not counted; blank lines count, so they match what an editor shows.
 */
import { looksLikeHeader, type Table } from './dataset';
import { DelimitedReader } from './delimitedReader';
import { DELIMITER_NAMES, FORMAT_NAMES, formatHasHeader, type Detected } from './ingestFormat';
import { jsonErrorPlace, KeyedRows, parseFastTextLine, splitLabelText } from './lineFormats';
import { LineReader } from './textStream';

export interface ParsedTable {
  table: Table;
  /** What the user should know about how the file was read. */
  notices: string[];
  /** Tab-separated reads only: data rows counted with `"` as a quote and as an ordinary character. */
  rowCounts: { quoteAware: number; quoteBlind: number } | null;
}

const MAX_EXAMPLES = 5;
const count = (x: number) => x.toLocaleString('en-US');
const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

/** The first few examples of something, and how many there are. */
class Tally {
  count = 0;
  readonly rows: number[] = [];
  note(row: number): void {
    this.count++;
    if (this.rows.length < MAX_EXAMPLES) this.rows.push(row);
  }
  list(): string {
    return this.rows.join(', ') + (this.count > this.rows.length ? ', …' : '');
  }
}

function uniqueNames(cells: string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, i) => {
    const base = cell.trim() || `Column ${i + 1}`;
    const k = (seen.get(base) ?? 0) + 1;
    seen.set(base, k);
    return k === 1 ? base : `${base} (${k})`;
  });
}

function modeWidth(rows: string[][]): number {
  const freq = new Map<number, number>();
  for (const r of rows.slice(0, 1000)) freq.set(r.length, (freq.get(r.length) ?? 0) + 1);
  let best = 0;
  let width = 1;
  for (const [w, f] of freq) if (f > best || (f === best && w > width)) [width, best] = [w, f];
  return width;
}

export class TableParser {
  private readonly records: string[][] = [];
  /** 1-based record number of each kept record. */
  private readonly numbers: number[] = [];
  private recordCount = 0;
  private readonly reader: { push(text: string): void; end(): void };
  private readonly quoted: DelimitedReader | null = null;
  /** Counts the same text with the other quoting, for tab-separated formats. */
  private readonly counter: DelimitedReader | null = null;
  private counted = 0;
  private readonly jsonParts: string[] | null = null;
  private readonly keyed: KeyedRows | null = null;
  private readonly badJson = new Tally();
  private badJsonFirst = '';
  private readonly multiLabel = new Tally();

  constructor(
    private readonly format: Detected,
    private readonly header: boolean | 'auto',
    private readonly fileName: string,
  ) {
    const add = (cells: string[]) => this.addRecord(cells);
    const countOther = (cells: string[]) => {
      if (!isBlank(cells)) this.counted++;
    };
    switch (format.format) {
      case 'csv':
        this.quoted = new DelimitedReader(format.delimiter, true, add);
        this.reader = this.quoted;
        if (format.delimiter === '\t') this.counter = new DelimitedReader('\t', false, countOther);
        break;
      case 'tsv':
        this.reader = new DelimitedReader('\t', false, add);
        this.counter = new DelimitedReader('\t', true, countOther);
        break;
      case 'labelText':
        this.reader = new LineReader((line) => add(splitLabelText(line)));
        this.counter = new DelimitedReader('\t', true, countOther);
        break;
      case 'fasttext':
        this.reader = new LineReader((line) => {
          const { labels, text } = parseFastTextLine(line);
          if (labels.length > 1) this.multiLabel.note(this.recordCount + 1);
          add(line.trim() === '' ? [''] : [labels[0] ?? '', text]);
        });
        break;
      case 'jsonl': {
        const keyed = (this.keyed = new KeyedRows());
        this.reader = new LineReader((line) => {
          const number = ++this.recordCount;
          if (line.trim() === '') return;
          let value: unknown;
          try {
            value = JSON.parse(line);
          } catch (error) {
            this.noteBadJson(number, `line ${number} is not valid JSON (${(error as Error).message})`);
            return;
          }
          const problem = keyed.add(value);
          if (problem) this.noteBadJson(number, `line ${number}: ${problem}`);
          else this.numbers.push(number);
        });
        break;
      }
      case 'json': {
        const parts: string[] = (this.jsonParts = []);
        this.reader = { push: (text) => parts.push(text), end: () => undefined };
        this.keyed = new KeyedRows();
        break;
      }
    }
  }

  /** Rows read so far (for progress). */
  get rows(): number {
    return this.keyed ? this.keyed.rows.length : this.records.length;
  }

  push(text: string): void {
    this.reader.push(text);
    this.counter?.push(text);
  }

  end(): ParsedTable {
    this.reader.end();
    this.counter?.end();
    if (this.jsonParts) this.readJsonArray(this.jsonParts.join(''));
    const records = this.keyed ? this.keyed.rows : this.records;
    if (records.length === 0) {
      throw new Error(`"${this.fileName}" has no rows${this.badJson.count ? ` that could be read (${this.badJsonFirst})` : ''}: it needs a text and a label on each line or row.`);
    }
    const notices: string[] = [];
    const fmt = this.format;
    const hasHeader = formatHasHeader(fmt.format) && (this.header === 'auto' ? looksLikeHeader(records.slice(0, 200)) : this.header);
    const first = hasHeader ? this.numbers[0] : 0;
    const rows = hasHeader ? records.slice(1) : records;
    const rowNumbers = (hasHeader ? this.numbers.slice(1) : this.numbers).map((n) => n - first);
    const dataRow = (recordIndex: number) => recordIndex + 1 - first;
    let columns: string[];
    if (this.keyed) {
      columns = this.keyed.columns();
      for (const r of rows) while (r.length < columns.length) r.push('');
    } else {
      const width = hasHeader ? records[0].length : modeWidth(rows);
      const fixed = fmt.format === 'fasttext' || fmt.format === 'labelText' ? ['label', 'text'] : [];
      columns = hasHeader ? uniqueNames(records[0]) : Array.from({ length: width }, (_, i) => fixed[i] ?? `Column ${i + 1}`);
      const extra = new Tally();
      rows.forEach((r, i) => r.length > width && extra.note(rowNumbers[i]));
      if (extra.count) {
        notices.push(
          `${count(extra.count)} row(s) have more than ${width} cells: the extra cells are ignored (rows ${extra.list()}). ` +
            `A delimiter inside an unquoted text? Quote such texts, or choose another "Delimiter".`,
        );
      }
    }
    if (this.quoted) {
      const p = this.quoted.problems;
      if (p.strayCount) {
        const list = p.stray.map(dataRow).join(', ') + (p.strayCount > p.stray.length ? ', …' : '');
        notices.push(
          `${count(p.strayCount)} row(s) have a quoted text followed by more characters (rows ${list}): the text was read on to the next ` +
            `delimiter. Inside a quoted text, write a quote as "".`,
        );
      }
      if (p.unclosedAt >= 0) {
        notices.push(
          `The quote that opens a text in row ${count(dataRow(p.unclosedAt))} never closes: everything after it was read into that one row. ` +
            `Close the quote, or choose File format "TSV" if quotes in this file are ordinary characters.`,
        );
      }
    }
    if (this.multiLabel.count) {
      notices.push(`${count(this.multiLabel.count)} line(s) have several __label__ labels; the first label of each was used (lines ${this.multiLabel.list()}).`);
    }
    if (this.keyed?.listRows) {
      notices.push(`${count(this.keyed.listRows)} row(s) have a list of several values in a field; the first value was used.`);
    }
    if (this.badJson.count) {
      notices.push(`${count(this.badJson.count)} ${fmt.format === 'json' ? 'item(s)' : 'line(s)'} could not be read and were skipped (${this.badJsonFirst}; ${fmt.format === 'json' ? 'items' : 'lines'} ${this.badJson.list()}).`);
    }
    let rowCounts: ParsedTable['rowCounts'] = null;
    if (this.counter) {
      const other = this.counted - (hasHeader ? 1 : 0);
      const quoteAware = fmt.format === 'csv' ? rows.length : other;
      const quoteBlind = fmt.format === 'csv' ? other : rows.length;
      rowCounts = { quoteAware, quoteBlind };
      if (quoteAware !== quoteBlind) {
        notices.push(
          fmt.format === 'csv'
            ? `Rows counted two ways disagree: ${count(quoteAware)} rows with " as a quote character (used), ${count(quoteBlind)} if " were an ordinary character. ` +
                `If the quotes in this file are part of the texts, choose File format "TSV".`
            : `Rows counted two ways disagree: ${count(quoteBlind)} rows with " as an ordinary character (used), ${count(quoteAware)} if " started quoted texts as in CSV. ` +
                `This file has literal quotes; if its texts are really quoted, choose File format "CSV" with Delimiter "Tab".`,
        );
      }
    }
    if (columns.length < 2) {
      notices.push(
        `Only one column was found (read as ${FORMAT_NAMES[fmt.format]}${fmt.format === 'csv' ? `, delimiter ${DELIMITER_NAMES[fmt.delimiter]}` : ''}): ` +
          `a text column and a label column are needed. Check "File format" and "Delimiter".`,
      );
    }
    return { table: { columns, rows, hasHeader, rowNumbers }, notices, rowCounts };
  }

  private addRecord(cells: string[]): void {
    const number = ++this.recordCount;
    if (isBlank(cells)) return;
    this.records.push(cells);
    this.numbers.push(number);
  }

  private noteBadJson(number: number, why: string): void {
    if (!this.badJson.count) this.badJsonFirst = why;
    this.badJson.note(number);
  }

  private readJsonArray(text: string): void {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const place = jsonErrorPlace(text);
      throw new Error(`"${this.fileName}" is not valid JSON${place ? ` at ${place}` : ''} (${(error as Error).message}). Fix it there, or choose another "File format".`, { cause: error });
    }
    let items: unknown[] | null = Array.isArray(value) ? value : null;
    if (!items && value && typeof value === 'object') {
      const arrays = Object.entries(value).filter(([, v]) => Array.isArray(v));
      if (arrays.length === 1) items = arrays[0][1] as unknown[];
    }
    if (!items) {
      throw new Error(`"${this.fileName}" is JSON but not an array of rows: write it as [{"text": "…", "label": "…"}, …], or as one object per line (JSON Lines).`);
    }
    const keyed = this.keyed!;
    items.forEach((item, i) => {
      const problem = keyed.add(item);
      if (problem) this.noteBadJson(i + 1, `item ${i + 1}: ${problem}`);
      else this.numbers.push(i + 1);
    });
  }
}
