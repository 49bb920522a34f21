import { appendRows, matchTestTable, type TestFileReport } from '../../core/data/testFile';
import type { Dataset } from '../../core/data/dataset';
import type { TestFileStatus } from '../../protocol/messages';
import type { MessageOf, Post } from '../post';
import { session, type HeldTestFile } from '../session';
import { ingest } from './ingest';

/** The held test file matched to the current data's columns and classes (or why it does not fit). */
function match(held: Pick<HeldTestFile, 'name' | 'table'>): Pick<HeldTestFile, 'match' | 'error'> {
  if (!session.dataset || !session.columns) return { match: null, error: 'Load the data and choose its columns before the test file can be read against them.' };
  try {
    return { match: matchTestTable(held.table, held.name, session.columns, session.dataset.classes), error: null };
  } catch (error) {
    return { match: null, error: (error as Error).message };
  }
}

/** What the page shows of the held test file; null when none is held. */
export function testFileStatus(): TestFileStatus | null {
  const held = session.testFile;
  return held ? { name: held.name, report: held.match?.report ?? null, error: held.error } : null;
}

/** The data's columns or classes changed: the held test file is matched again. */
export function rematchTestFile(): void {
  const held = session.testFile;
  if (held) session.testFile = { ...held, ...match(held) };
}

/**
 * Reads a test file like a dataset (header as the data's), matches it, and keeps it only when
 * it fits: a file that cannot be read or matched leaves the previous test file as it was.
 */
export async function loadTestFile(message: MessageOf<'loadTestFile'>, post: Post): Promise<void> {
  if (!message.file) {
    session.testFile = null;
    post({ type: 'testFileReady', requestId: message.requestId, testFile: null });
    return;
  }
  const name = message.file.name;
  if (!session.table) throw new Error('Load the data first: the test file is read with its columns.');
  const { table } = await ingest({ kind: 'file', file: message.file, name }, { format: 'auto', delimiter: 'auto', header: session.table.hasHeader });
  const held = { name, table };
  const matched = match(held);
  if (matched.error) throw new Error(matched.error);
  session.testFile = { ...held, ...matched };
  post({ type: 'testFileReady', requestId: message.requestId, testFile: testFileStatus() });
}

/**
 * The dataset a run or an evaluation reads when a test file is held: the data followed by the
 * test file's rows, whose indexes are the test split. Null without a test file; throws when the
 * held file no longer fits the data.
 */
export function withTestFile(dataset: Dataset): { dataset: Dataset; test: Int32Array; report: TestFileReport } | null {
  const held = session.testFile;
  if (!held) return null;
  if (!held.match) throw new Error(held.error ?? `The test file "${held.name}" does not fit the data.`);
  const { dataset: combined, rows } = appendRows(dataset, held.match.dataset);
  return { dataset: combined, test: rows, report: held.match.report };
}
