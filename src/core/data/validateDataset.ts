/**
 * From a table and the chosen columns to the dataset that will be trained on, with every check
 * the user should see: rows skipped (no text, no label, too few cells), a single class, classes
 * with very few examples, duplicate texts and duplicates with conflicting labels (optionally
 * dropped), extremely long texts, labels that differ only in case, and class imbalance.
 * Messages name row numbers (as the user sees them) and column names.
 */
import { maxOf, minOf } from '../stats';
import { buildDataset, type Dataset, type RowProblem, type Table } from './dataset';
import { duplicateGroups, withoutDuplicates, type TextGroup } from './duplicateTexts';

export type CheckKind =
  | RowProblem['kind']
  | 'oneColumn'
  | 'noExamples'
  | 'singleClass'
  | 'rareClass'
  | 'duplicateText'
  | 'conflictingLabels'
  | 'longText'
  | 'similarLabels'
  | 'imbalance';

export interface DatasetCheck {
  kind: CheckKind;
  /** error: training cannot work as is; warning: it can, but the user should look. */
  severity: 'error' | 'warning';
  /** How many rows (or texts, or classes: the message says which) have it. */
  count: number;
  /** The first few affected row numbers. */
  rows: number[];
  message: string;
}

export interface MappingOptions {
  textColumn: number;
  labelColumn: number;
  /** Keep one copy of each repeated text; drop texts whose copies have different labels. */
  dropDuplicates: boolean;
}

export interface PreparedDataset {
  dataset: Dataset;
  /** Row number of each example. */
  rowNumbers: Int32Array;
  checks: DatasetCheck[];
  /** Rows removed by dropDuplicates. */
  dropped: number;
  /** The skipped-row problems of buildDataset (kept for callers that read them). */
  problems: RowProblem[];
}

/** Thresholds of the checks. */
export const LIMITS = {
  /** A class with fewer examples than this is "very few". */
  rareClass: 5,
  /** Characters above which a text is "extremely long". */
  longText: 20_000,
  /** Largest / smallest class ratio from which the imbalance warning shows. */
  imbalance: 5,
  /** Row numbers quoted per check. */
  examples: 5,
};

const count = (x: number) => x.toLocaleString('en-US');
const rowList = (rows: number[], total: number) => rows.join(', ') + (total > rows.length ? ', …' : '');

export function prepareDataset(table: Table, options: MappingOptions): PreparedDataset {
  if (table.columns.length < 2) {
    return {
      dataset: { texts: [], labels: new Int32Array(0), classes: [] },
      rowNumbers: new Int32Array(0),
      dropped: 0,
      problems: [],
      checks: [
        {
          kind: 'oneColumn',
          severity: 'error',
          count: 1,
          rows: [],
          message: 'The file has only one column: a text column and a label column are needed. Check "File format" and "Delimiter" above.',
        },
      ],
    };
  }
  const built = buildDataset(table, options.textColumn, options.labelColumn);
  const textName = table.columns[options.textColumn];
  const labelName = table.columns[options.labelColumn];
  const checks: DatasetCheck[] = built.problems.map((p) => ({ kind: p.kind, severity: 'warning', count: p.count, rows: p.rows, message: p.message }));

  let { dataset } = built;
  let rowNumbers = built.rows;
  const groups = duplicateGroups(dataset);
  const conflicting = groups.filter((g) => g.conflicting);
  const same = groups.filter((g) => !g.conflicting);
  const pairs = (list: TextGroup[], withLabels: boolean) =>
    list
      .slice(0, 3)
      .map((g) =>
        g.members
          .slice(0, 3)
          .map((i) => `${rowNumbers[i]}${withLabels ? ` (${dataset.classes[dataset.labels[i]]})` : ''}`)
          .join(' = '),
      )
      .join('; ') + (list.length > 3 ? '; …' : '');
  const firstRows = (list: TextGroup[]) => list.slice(0, LIMITS.examples).map((g) => rowNumbers[g.members[0]]);
  let dropped = 0;
  if (same.length) {
    const copies = same.reduce((sum, g) => sum + g.members.length - 1, 0);
    checks.push({
      kind: 'duplicateText',
      severity: 'warning',
      count: same.length,
      rows: firstRows(same),
      message:
        `${count(same.length)} text(s) in "${textName}" appear more than once (${count(copies)} extra copies; rows ${pairs(same, false)}). ` +
        (options.dropDuplicates
          ? 'One copy of each was kept.'
          : 'Copies on both sides of the split make validation accuracy look better than it is: tick "Drop duplicates" to keep one copy.'),
    });
  }
  if (conflicting.length) {
    const rows = conflicting.reduce((sum, g) => sum + g.members.length, 0);
    checks.push({
      kind: 'conflictingLabels',
      severity: 'warning',
      count: conflicting.length,
      rows: firstRows(conflicting),
      message:
        `${count(conflicting.length)} text(s) have copies with different labels in "${labelName}" (${count(rows)} rows; rows ${pairs(conflicting, true)}). ` +
        (options.dropDuplicates ? 'All their rows were dropped: no label can be trusted.' : 'No model can get both right: fix the labels, or tick "Drop duplicates" to drop these texts.'),
    });
  }
  if (options.dropDuplicates && groups.length) {
    ({ dataset, rowNumbers, dropped } = withoutDuplicates(dataset, rowNumbers, groups));
  }

  const n = dataset.texts.length;
  const perClass = new Array<number>(dataset.classes.length).fill(0);
  const classRows = dataset.classes.map((): number[] => []);
  const long: number[] = [];
  let longCount = 0;
  let longest = 0;
  for (let i = 0; i < n; i++) {
    const c = dataset.labels[i];
    perClass[c]++;
    if (classRows[c].length < LIMITS.examples) classRows[c].push(rowNumbers[i]);
    const length = dataset.texts[i].length;
    if (length > LIMITS.longText) {
      longCount++;
      longest = Math.max(longest, length);
      if (long.length < LIMITS.examples) long.push(rowNumbers[i]);
    }
  }
  if (n === 0) {
    checks.unshift({
      kind: 'noExamples',
      severity: 'error',
      count: 0,
      rows: [],
      message: `No row has both a text in "${textName}" and a label in "${labelName}": check the column choice above.`,
    });
  } else if (dataset.classes.length === 1) {
    checks.unshift({
      kind: 'singleClass',
      severity: 'error',
      count: 1,
      rows: [],
      message: `Only one class ("${dataset.classes[0]}") was found in "${labelName}": a classifier needs at least two. Check that the right column is chosen as "Label column".`,
    });
  }
  if (dataset.classes.length > 1) {
    const rare = dataset.classes.map((name, c) => ({ name, c })).filter(({ c }) => perClass[c] < LIMITS.rareClass);
    if (rare.length) {
      const shown = rare.slice(0, 5).map(({ name, c }) => `"${name}" ${count(perClass[c])} (rows ${rowList(classRows[c], perClass[c])})`);
      checks.push({
        kind: 'rareClass',
        severity: 'warning',
        count: rare.length,
        rows: rare.flatMap(({ c }) => classRows[c]).slice(0, LIMITS.examples),
        message:
          `${count(rare.length)} class(es) have fewer than ${LIMITS.rareClass} examples: ${shown.join('; ')}${rare.length > 5 ? '; …' : ''}. ` +
          'The model can hardly learn them and validation cannot measure them (a class with fewer than 3 stays in training only): add examples, or merge or remove these labels.',
      });
    }
    const max = maxOf(perClass);
    const min = minOf(perClass);
    if (max / min >= LIMITS.imbalance) {
      checks.push({
        kind: 'imbalance',
        severity: 'warning',
        count: dataset.classes.length,
        rows: [],
        message: `Imbalanced classes: the largest is ${(max / min).toFixed(1)}× the smallest. Accuracy alone will flatter the model; read per-class recall in Evaluate.`,
      });
    }
  }
  const byFolded = new Map<string, string[]>();
  for (const name of dataset.classes) {
    const key = name.toLowerCase();
    byFolded.set(key, [...(byFolded.get(key) ?? []), name]);
  }
  const similar = [...byFolded.values()].filter((names) => names.length > 1);
  if (similar.length) {
    checks.push({
      kind: 'similarLabels',
      severity: 'warning',
      count: similar.length,
      rows: [],
      message: `Labels that differ only in upper/lower case are separate classes: ${similar.map((s) => s.map((x) => `"${x}"`).join(' and ')).join('; ')}. Make them the same if they mean the same.`,
    });
  }
  if (longCount) {
    checks.push({
      kind: 'longText',
      severity: 'warning',
      count: longCount,
      rows: long,
      message:
        `${count(longCount)} text(s) are longer than ${count(LIMITS.longText)} characters (rows ${rowList(long, longCount)}; the longest has ${count(longest)}). ` +
        'Only the first "Sequence length" tokens are used; check that these are not several rows merged by an unclosed quote.',
    });
  }
  return { dataset, rowNumbers, checks, dropped, problems: built.problems };
}
