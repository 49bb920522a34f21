/**
 * Records of the line- and object-based formats: fastText lines, `label<TAB>text` lines, and
 * JSON objects (from JSON Lines or a JSON array) turned into cells under named columns.
 */

const FASTTEXT_PREFIX = '__label__';

/**
 * `__label__a __label__b some text` → labels ["a", "b"], text "some text". Only the labels
 * before the text count (fastText's usual layout); a line without one has no labels.
 */
export function parseFastTextLine(line: string): { labels: string[]; text: string } {
  const labels: string[] = [];
  let i = 0;
  const n = line.length;
  for (;;) {
    while (i < n && (line[i] === ' ' || line[i] === '\t')) i++;
    if (!line.startsWith(FASTTEXT_PREFIX, i)) break;
    let end = i;
    while (end < n && line[end] !== ' ' && line[end] !== '\t') end++;
    labels.push(line.slice(i + FASTTEXT_PREFIX.length, end));
    i = end;
  }
  return { labels, text: line.slice(i).trim() };
}

/** `label<TAB>text`: the first tab splits, later tabs stay in the text. A line without a tab is one cell. */
export function splitLabelText(line: string): string[] {
  const tab = line.indexOf('\t');
  return tab === -1 ? [line] : [line.slice(0, tab), line.slice(tab + 1)];
}

/**
 * Deepest nesting of objects and lists a row may hold. A record is a flat object; JSON.stringify
 * and any recursive walk overflow the stack on values nested some thousands deep.
 */
export const MAX_JSON_DEPTH = 64;

/** True when `value` nests objects or lists more than `limit` levels deep (walked with a stack, not recursion). */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: { v: unknown; depth: number }[] = [{ v: value, depth: 0 }];
  while (stack.length) {
    const { v, depth } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(v)) if (child !== null && typeof child === 'object') stack.push({ v: child, depth: depth + 1 });
  }
  return false;
}

/** How a JSON value becomes a cell; lists give their first item (reported as several labels). Values are checked against MAX_JSON_DEPTH first. */
function cellOf(value: unknown): { cell: string; list: boolean } {
  let list = false;
  // A list stands for its first item: walk down nested lists in a loop.
  while (Array.isArray(value)) {
    list ||= value.length > 1;
    value = value[0];
  }
  if (value === null || value === undefined) return { cell: '', list };
  if (typeof value === 'string') return { cell: value, list };
  if (typeof value === 'number' || typeof value === 'boolean') return { cell: String(value), list };
  return { cell: JSON.stringify(value), list };
}

/**
 * Collects JSON objects as rows under the union of their keys (in order of first appearance).
 * Arrays are taken as rows of cells. Other values are rejected with a reason.
 */
export class KeyedRows {
  readonly keys = new Map<string, number>();
  readonly rows: string[][] = [];
  /** Rows in which some value was a list of several items (the first was used). */
  listRows = 0;

  /** Adds one record; returns an error text when the value cannot be a row. */
  add(value: unknown): string | null {
    if (nestedDeeperThan(value, MAX_JSON_DEPTH)) {
      return `it nests objects or lists more than ${MAX_JSON_DEPTH} levels deep; a row should be a flat object like {"text": "…", "label": "…"}`;
    }
    if (Array.isArray(value)) {
      this.rows.push(value.map((v) => cellOf(v).cell));
      return null;
    }
    if (value === null || typeof value !== 'object') return `it is ${value === null ? 'null' : `a ${typeof value}`}, not an object like {"text": "…", "label": "…"}`;
    const row: string[] = [];
    let list = false;
    for (const [key, v] of Object.entries(value)) {
      let index = this.keys.get(key);
      if (index === undefined) {
        index = this.keys.size;
        this.keys.set(key, index);
      }
      const c = cellOf(v);
      list ||= c.list;
      while (row.length < index) row.push('');
      row[index] = c.cell;
    }
    if (list) this.listRows++;
    this.rows.push(row);
    return null;
  }

  /** Column names: the keys, or "Column n" for rows that came from arrays. */
  columns(): string[] {
    let width = this.keys.size;
    for (const r of this.rows.slice(0, 1000)) width = Math.max(width, r.length);
    const names = [...this.keys.keys()];
    return Array.from({ length: width }, (_, i) => names[i] ?? `Column ${i + 1}`);
  }
}

/**
 * Offset of the first syntax error in `text` (JSON, RFC 8259), or -1 when there is none. Used
 * only after JSON.parse failed, because browsers do not always say where.
 */
export function jsonErrorOffset(text: string): number {
  const n = text.length;
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const string = () => {
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return;
      }
      if (c < 32) fail();
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail();
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail();
      } else i++;
    }
    fail();
  };
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (close === '}') {
          ws();
          if (text[i] !== '"') fail();
          string();
          ws();
          if (text[i] !== ':') fail();
          i++;
        }
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === close) {
          i++;
          return;
        } else fail();
      }
    }
    if (c === '"') return string();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    NUMBER.lastIndex = i;
    if (!NUMBER.test(text)) fail();
    i = NUMBER.lastIndex;
  };
  try {
    value();
    ws();
    if (i < n) fail();
    return -1;
  } catch (error) {
    if (typeof error === 'number') return error;
    return -1;
  }
}

/** "line L, column C" of the first JSON syntax error in `text`, or null. */
export function jsonErrorPlace(text: string): string | null {
  const at = jsonErrorOffset(text);
  if (at < 0) return null;
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `line ${line}, column ${at - lineStart + 1}`;
}
