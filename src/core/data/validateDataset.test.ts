import { describe, expect, it } from 'vitest';
import type { Table } from './dataset';
import { LIMITS, prepareDataset, type CheckKind } from './validateDataset';

const table = (rows: string[][], rowNumbers?: number[]): Table => ({ columns: ['text', 'label'], rows, hasHeader: true, rowNumbers });
const map = { textColumns: [0], labelColumn: 1, dropDuplicates: false };
/** n rows of class `label` with distinct texts. */
const many = (label: string, n: number, prefix = label) => Array.from({ length: n }, (_, i) => [`${prefix} text ${i}`, label]);

interface Case {
  about: string;
  rows: string[][];
  rowNumbers?: number[];
  drop?: boolean;
  kinds: CheckKind[];
  examples: number;
  messages?: Partial<Record<CheckKind, string>>;
}

const CASES: Case[] = [
  { about: 'clean, balanced', rows: [...many('a', 6), ...many('b', 6)], kinds: [], examples: 12 },
  {
    about: 'one class',
    rows: many('spam', 6),
    kinds: ['singleClass'],
    examples: 6,
    messages: { singleClass: 'Only one class ("spam") was found in "label": a classifier needs at least two. Check that the right column is chosen as "Label column".' },
  },
  {
    about: 'no usable row',
    rows: [['', 'a'], ['x', '']],
    kinds: ['noExamples', 'emptyText', 'missingLabel'],
    examples: 0,
    messages: { noExamples: 'No row has both a text in "text" and a label in "label": check the column choice above.' },
  },
  {
    about: 'a rare class, with row numbers from the file',
    rows: [...many('a', 6), ['rare one', 'r'], ['rare two', 'r']],
    rowNumbers: [1, 2, 3, 4, 5, 6, 9, 12],
    kinds: ['rareClass'],
    examples: 8,
    messages: {
      rareClass:
        '1 class(es) have fewer than 5 examples: "r" 2 (rows 9, 12). The model can hardly learn them and validation cannot measure them (a class with fewer than 3 stays in training only): add examples, or merge or remove these labels.',
    },
  },
  {
    about: 'duplicates and a conflict',
    rows: [...many('a', 5), ...many('b', 5), ['same', 'a'], ['same ', 'a'], ['clash', 'a'], ['clash', 'b']],
    kinds: ['duplicateText', 'conflictingLabels'],
    examples: 14,
    messages: {
      duplicateText:
        '1 text(s) in "text" appear more than once (1 extra copies; rows 11 = 12). Copies on both sides of the split make validation accuracy look better than it is: tick "Drop duplicates" to keep one copy.',
      conflictingLabels:
        '1 text(s) have copies with different labels in "label" (2 rows; rows 13 (a) = 14 (b)). No model can get both right: fix the labels, or tick "Drop duplicates" to drop these texts.',
    },
  },
  {
    about: 'duplicates dropped: one copy kept, conflicting texts gone',
    rows: [...many('a', 5), ...many('b', 5), ['same', 'a'], ['same', 'a'], ['clash', 'a'], ['clash', 'b']],
    drop: true,
    kinds: ['duplicateText', 'conflictingLabels'],
    examples: 11,
  },
  {
    about: 'dropping can remove a whole class',
    rows: [...many('a', 5), ...many('b', 5), ['clash', 'a'], ['clash', 'c']],
    drop: true,
    kinds: ['conflictingLabels'],
    examples: 10,
  },
  {
    about: 'imbalance from 5×',
    rows: [...many('a', 25), ...many('b', 5)],
    kinds: ['imbalance'],
    examples: 30,
    messages: { imbalance: 'Imbalanced classes: the largest is 5.0× the smallest. Accuracy alone will flatter the model; read per-class recall in Evaluate.' },
  },
  {
    about: 'labels differing only in case',
    rows: [...many('Spam', 5), ...many('spam', 5, 'x'), ...many('ham', 5)],
    kinds: ['similarLabels'],
    examples: 15,
    messages: { similarLabels: 'Labels that differ only in upper/lower case are separate classes: "Spam" and "spam". Make them the same if they mean the same.' },
  },
  {
    about: 'an extremely long text',
    rows: [...many('a', 5), ...many('b', 4), ['x'.repeat(LIMITS.longText + 1), 'b']],
    kinds: ['longText'],
    examples: 10,
    messages: {
      longText:
        '1 text(s) are longer than 20,000 characters (rows 10; the longest has 20,001). Only the first "Sequence length" tokens are used; check that these are not several rows merged by an unclosed quote.',
    },
  },
];

describe('prepareDataset checks', () => {
  it.each(CASES.map((c) => [c.about, c] as const))('%s', (_name, c) => {
    const prepared = prepareDataset(table(c.rows, c.rowNumbers), { ...map, dropDuplicates: c.drop ?? false });
    expect(prepared.checks.map((k) => k.kind)).toEqual(c.kinds);
    expect(prepared.dataset.texts).toHaveLength(c.examples);
    expect(prepared.rowNumbers).toHaveLength(c.examples);
    for (const [kind, message] of Object.entries(c.messages ?? {})) {
      expect(prepared.checks.find((k) => k.kind === kind)?.message).toBe(message);
    }
    const errors = prepared.checks.filter((k) => k.severity === 'error').map((k) => k.kind);
    expect(errors).toEqual(c.kinds.filter((k) => k === 'singleClass' || k === 'noExamples' || k === 'oneColumn'));
  });

  it('keeps the first copy and re-indexes classes after dropping', () => {
    const prepared = prepareDataset(table([...many('a', 5), ['clash', 'a'], ['clash', 'c'], ['dup', 'b'], ['dup', 'b']]), { ...map, dropDuplicates: true });
    expect(prepared.dropped).toBe(3);
    expect(prepared.dataset.classes).toEqual(['a', 'b']);
    expect(prepared.dataset.texts.at(-1)).toBe('dup');
    expect(Array.from(prepared.dataset.labels.slice(-1))).toEqual([1]);
    expect(Array.from(prepared.rowNumbers.slice(-1))).toEqual([8]);
  });

  it('refuses a one-column table with an error check', () => {
    const prepared = prepareDataset({ columns: ['Column 1'], rows: [['a'], ['b']], hasHeader: false }, map);
    expect(prepared.checks.map((k) => [k.kind, k.severity])).toEqual([['oneColumn', 'error']]);
  });
});
