import { labelMapping } from '../../core/eval/classMatch';
import { stratifiedSplit } from '../../core/data/split';
import { encodeTexts } from '../../core/text/padSequences';
import type { SplitPredictionsMessage } from '../../protocol/messages';
import type { MessageOf, Post } from '../post';
import { requireActive, session } from '../session';
import { predictRows, scoreRows, type Encoded } from '../train/trainer';
import { untilExclusiveEnds } from './inferenceBackend';
import { withTestFile } from '../data/testFileSteps';
import { quoteColumns } from '../../core/data/textColumns';

/**
 * "Evaluate on the current data": the active (usually loaded) model on the held-out rows of the
 * dataset loaded now, split as the Train step's settings would split it (same seed, same
 * shares), so the numbers compare with a run on this data. The dataset's labels are read as the
 * model's output indices; the rows stay available for the texts behind a metric.
 */
export async function evaluateCurrent(message: MessageOf<'evaluateCurrent'>, post: Post): Promise<void> {
  await untilExclusiveEnds();
  const active = requireActive('Train or load a model before evaluating it.');
  const loaded = session.dataset;
  if (!loaded) throw new Error('Load a dataset and choose its columns before evaluating on it.');
  const trained = active.columns?.textColumns;
  const mapped = session.columns?.textColumns;
  // A model of several text columns reads texts made the same way; one column may have any name.
  if (trained && mapped && (trained.length > 1 || mapped.length > 1) && trained.join('\u0000') !== mapped.join('\u0000')) {
    throw new Error(`The model reads its texts from ${quoteColumns(trained)} (joined with a space), but the current data's texts come from ${quoteColumns(mapped)}: check the same columns under "Text columns" in Data.`);
  }
  // With a separate test file, its rows are the test split and the data gives validation only.
  const withTest = withTestFile(loaded);
  const dataset = withTest?.dataset ?? loaded;
  const mapping = labelMapping(active.classes, dataset.classes);
  if (!mapping) {
    throw new Error(`The model predicts ${active.classes.join(', ')} but the current data has the classes ${dataset.classes.join(', ')}: load data with the same classes.`);
  }
  const dataSplit = stratifiedSplit(loaded.labels, { validation: message.validationSplit, test: withTest ? 0 : message.testSplit, seed: message.seed });
  const split = withTest ? { ...dataSplit, test: withTest.test } : dataSplit;
  const labels = Int32Array.from(dataset.labels, (l) => mapping[l]);
  const data: Encoded = {
    ids: encodeTexts(active.tokenizer, dataset.texts, { maxlen: active.spec.sequenceLength }),
    labels,
    sequenceLength: active.spec.sequenceLength,
    classCount: active.classes.length,
  };
  const splits: SplitPredictionsMessage[] = [];
  for (const [name, rows] of [['validation', split.validation], ['test', split.test]] as const) {
    if (rows.length === 0) continue;
    const scored = scoreRows(await predictRows(active.model, data, rows), data, rows);
    const file = name === 'test' && withTest ? { file: withTest.report } : {};
    splits.push({ name, rows: Int32Array.from(rows), truth: scored.truth, probs: scored.probs, ...file });
  }
  if (splits.length === 0) throw new Error('The current data has no held-out rows: raise the validation split in Train.');
  active.heldOut = { dataset: { ...dataset, labels, classes: active.classes }, validation: split.validation, test: split.test };
  post(
    { type: 'currentEvaluation', requestId: message.requestId, classes: active.classes, splits },
    splits.flatMap((s) => [s.rows.buffer, s.truth.buffer, s.probs.buffer]),
  );
}
