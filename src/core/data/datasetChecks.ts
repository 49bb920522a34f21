/**
 * The checks prepareDataset (validateDataset.ts) runs on a dataset, one function per kind of
 * problem, each with the message the Data step shows.
 */
import { maxOf, minOf } from '../stats';
import type { Dataset } from './dataset';
import { duplicateGroups, withoutDuplicates, type TextGroup } from './duplicateTexts';
import type { DatasetCheck } from './validateDataset';

/** Thresholds of the checks. */
export const LIMITS = {
  /** A class with fewer examples than this is "very few". */
  rareClass: 5,
  /** Class count above which "too many classes for the data" can show (with few examples per class). */
  manyClasses: 50,
  /** Characters above which a text is "extremely long". */
  longText: 20_000,
  /** Largest / smallest class ratio from which the imbalance warning shows. */
  imbalance: 5,
  /** Row numbers quoted per check. */
  examples: 5,
};

const count = (x: number) => x.toLocaleString('en-US');
const rowList = (rows: number[], total: number) => rows.join(', ') + (total > rows.length ? ', …' : '');

/** Column names as the messages quote them. */
export interface ColumnNames {
  text: string;
  label: string;
}

/**
 * Adds the duplicate checks (messages quote the rows as they were before any drop) and, with
 * dropDuplicates, returns the dataset without them.
 */
export function checkDuplicates(
  dataset: Dataset,
  rowNumbers: Int32Array,
  names: ColumnNames,
  dropDuplicates: boolean,
  checks: DatasetCheck[],
): { dataset: Dataset; rowNumbers: Int32Array; dropped: number } {
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
  if (same.length) {
    const copies = same.reduce((sum, g) => sum + g.members.length - 1, 0);
    checks.push({
      kind: 'duplicateText',
      severity: 'warning',
      count: same.length,
      rows: firstRows(same),
      message:
        `${count(same.length)} text(s) in "${names.text}" appear more than once (${count(copies)} extra copies; rows ${pairs(same, false)}). ` +
        (dropDuplicates
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
        `${count(conflicting.length)} text(s) have copies with different labels in "${names.label}" (${count(rows)} rows; rows ${pairs(conflicting, true)}). ` +
        (dropDuplicates ? 'All their rows were dropped: no label can be trusted.' : 'No model can get both right: fix the labels, or tick "Drop duplicates" to drop these texts.'),
    });
  }
  if (dropDuplicates && groups.length) return withoutDuplicates(dataset, rowNumbers, groups);
  return { dataset, rowNumbers, dropped: 0 };
}

/** Examples per class with their first row numbers, and the texts over LIMITS.longText characters. */
export interface DatasetStats {
  perClass: number[];
  classRows: number[][];
  long: number[];
  longCount: number;
  longest: number;
}

/** One pass over the examples for the class and length checks. */
export function classAndLengthStats(dataset: Dataset, rowNumbers: Int32Array): DatasetStats {
  const perClass = new Array<number>(dataset.classes.length).fill(0);
  const classRows = dataset.classes.map((): number[] => []);
  const stats: DatasetStats = { perClass, classRows, long: [], longCount: 0, longest: 0 };
  for (let i = 0; i < dataset.texts.length; i++) {
    const c = dataset.labels[i];
    perClass[c]++;
    if (classRows[c].length < LIMITS.examples) classRows[c].push(rowNumbers[i]);
    const length = dataset.texts[i].length;
    if (length > LIMITS.longText) {
      stats.longCount++;
      stats.longest = Math.max(stats.longest, length);
      if (stats.long.length < LIMITS.examples) stats.long.push(rowNumbers[i]);
    }
  }
  return stats;
}

/** The errors that make training impossible: no examples, or a single class. */
export function fatalCheck(dataset: Dataset, names: ColumnNames): DatasetCheck | null {
  if (dataset.texts.length === 0) {
    return {
      kind: 'noExamples',
      severity: 'error',
      count: 0,
      rows: [],
      message: `No row has both a text in "${names.text}" and a label in "${names.label}": check the column choice above.`,
    };
  }
  if (dataset.classes.length === 1) {
    return {
      kind: 'singleClass',
      severity: 'error',
      count: 1,
      rows: [],
      message: `Only one class ("${dataset.classes[0]}") was found in "${names.label}": a classifier needs at least two. Check that the right column is chosen as "Label column".`,
    };
  }
  return null;
}

/** Classes with very few examples, and a largest / smallest class ratio past LIMITS.imbalance. */
export function classBalanceChecks(dataset: Dataset, { perClass, classRows }: DatasetStats): DatasetCheck[] {
  const checks: DatasetCheck[] = [];
  const tooMany = tooManyClassesCheck(dataset.classes.length, dataset.labels.length);
  if (tooMany) checks.push(tooMany);
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
  return checks;
}

/**
 * More classes than the data can teach: many classes (over LIMITS.manyClasses) with fewer than
 * LIMITS.rareClass examples each on average. More rows per class or fewer classes help; a
 * larger validation split does not (a class under 3 examples stays in training only).
 */
export function tooManyClassesCheck(classes: number, examples: number): DatasetCheck | null {
  if (classes <= LIMITS.manyClasses || examples / classes >= LIMITS.rareClass) return null;
  return {
    kind: 'tooManyClasses',
    severity: 'warning',
    count: classes,
    rows: [],
    message:
      `Too many classes for the data: ${count(classes)} classes for ${count(examples)} examples (${(examples / classes).toFixed(1)} per class on average). ` +
      'A model needs several examples of a class to learn it, and validation needs at least 3 to measure it. ' +
      'Merge labels into fewer, broader classes, or choose a different Label column (this one may hold IDs or free text).',
  };
}

/** Labels that differ only in upper/lower case: probably one class typed two ways. */
export function similarLabelChecks(classes: string[]): DatasetCheck[] {
  const byFolded = new Map<string, string[]>();
  for (const name of classes) {
    const key = name.toLowerCase();
    byFolded.set(key, [...(byFolded.get(key) ?? []), name]);
  }
  const similar = [...byFolded.values()].filter((names) => names.length > 1);
  if (!similar.length) return [];
  return [
    {
      kind: 'similarLabels',
      severity: 'warning',
      count: similar.length,
      rows: [],
      message: `Labels that differ only in upper/lower case are separate classes: ${similar.map((s) => s.map((x) => `"${x}"`).join(' and ')).join('; ')}. Make them the same if they mean the same.`,
    },
  ];
}

/** Extremely long texts: often several rows merged by an unclosed quote. */
export function longTextChecks({ long, longCount, longest }: DatasetStats): DatasetCheck[] {
  if (!longCount) return [];
  return [
    {
      kind: 'longText',
      severity: 'warning',
      count: longCount,
      rows: long,
      message:
        `${count(longCount)} text(s) are longer than ${count(LIMITS.longText)} characters (rows ${rowList(long, longCount)}; the longest has ${count(longest)}). ` +
        'Only the first "Sequence length" tokens are used; check that these are not several rows merged by an unclosed quote.',
    },
  ];
}
