/**
 * From a table and the chosen columns to the dataset that will be trained on, with every check
 * the user should see: rows skipped (no text, no label, too few cells), a single class, classes
 * with very few examples, duplicate texts and duplicates with conflicting labels (optionally
 * dropped), extremely long texts, labels that differ only in case, and class imbalance.
 * Messages name row numbers (as the user sees them) and column names.
 */
import { buildDataset, type Dataset, type RowProblem, type Table } from './dataset';
import { columnOrder, columnsLabel } from './textColumns';
import { checkDuplicates, classAndLengthStats, classBalanceChecks, fatalCheck, longTextChecks, similarLabelChecks, type ColumnNames } from './datasetChecks';

export { LIMITS } from './datasetChecks';

export type CheckKind =
  | RowProblem['kind']
  | 'oneColumn'
  | 'noExamples'
  | 'singleClass'
  | 'rareClass'
  | 'tooManyClasses'
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
  /** Column indexes whose cells, joined in column order with a space, make the text. */
  textColumns: number[];
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

/**
 * The dataset from the chosen columns, with every check in the order the page lists them:
 * errors first, then skipped rows, duplicates, rare classes, imbalance, labels differing only
 * in case, and long texts.
 */
export function prepareDataset(table: Table, options: MappingOptions): PreparedDataset {
  if (table.columns.length < 2) return oneColumn();
  const built = buildDataset(table, options.textColumns, options.labelColumn);
  const names: ColumnNames = { text: columnsLabel(columnOrder(options.textColumns).map((c) => table.columns[c])), label: table.columns[options.labelColumn] };
  const checks: DatasetCheck[] = built.problems.map((p) => ({ kind: p.kind, severity: 'warning', count: p.count, rows: p.rows, message: p.message }));
  const { dataset, rowNumbers, dropped } = checkDuplicates(built.dataset, built.rows, names, options.dropDuplicates, checks);
  const stats = classAndLengthStats(dataset, rowNumbers);
  const fatal = fatalCheck(dataset, names);
  if (fatal) checks.unshift(fatal);
  if (dataset.classes.length > 1) checks.push(...classBalanceChecks(dataset, stats));
  checks.push(...similarLabelChecks(dataset.classes), ...longTextChecks(stats));
  return { dataset, rowNumbers, checks, dropped, problems: built.problems };
}

/** A one-column file cannot hold a text and a label: nothing else is worth checking. */
function oneColumn(): PreparedDataset {
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
