import * as tf from '@tensorflow/tfjs';
import { toCsv } from '../../core/export/csv';
import { columnsLabel, joinCells } from '../../core/data/textColumns';
import { textColumnsOf } from '../../core/data/predictColumns';
import { argmax } from '../../core/eval/metrics';
import { encodeTexts } from '../../core/text/padSequences';
import type { FromWorker } from '../../protocol/messages';
import { ingest } from '../data/ingest';
import type { MessageOf, Post } from '../post';
import { requireActive, type ActiveModel } from '../session';
import { untilExclusiveEnds } from './inferenceBackend';

const CHUNK = 256;

/**
 * Predicts every text of an uploaded file (its text columns: textColumnsOf). Returns the CSV of
 * text, predicted class and one probability column per class.
 */
export async function predictFile(active: ActiveModel, file: File): Promise<Omit<Extract<FromWorker, { type: 'filePredictions' }>, 'requestId'>> {
  const { table } = await ingest({ kind: 'file', file, name: file.name });
  const columns = textColumnsOf(table, file.name, active.columns?.textColumns);
  const names = columnsLabel(columns.map((c) => table.columns[c]));
  const texts: string[] = [];
  let skipped = 0;
  for (const row of table.rows) {
    const text = joinCells(row, columns);
    if (text.trim() === '') skipped++;
    else texts.push(text);
  }
  if (texts.length === 0) throw new Error(`"${file.name}" has no texts in its "${names}" column${columns.length > 1 ? 's' : ''}: put one text per row.`);
  const K = active.classes.length;
  const L = active.spec.sequenceLength;
  const rows: (string | number)[][] = [['text', 'predicted', ...active.classes.map((c) => `p(${c})`)]];
  const counts = new Array<number>(K).fill(0);
  for (let start = 0; start < texts.length; start += CHUNK) {
    const chunk = texts.slice(start, start + CHUNK);
    const ids = encodeTexts(active.tokenizer, chunk, { maxlen: L });
    const out = tf.tidy(() => active.model.predict(tf.tensor2d(ids, [chunk.length, L], 'int32')) as tf.Tensor);
    const probs = await out.data();
    out.dispose();
    chunk.forEach((text, i) => {
      const best = argmax(probs, i * K, K);
      counts[best]++;
      rows.push([text, active.classes[best], ...Array.from(probs.subarray(i * K, i * K + K), (p) => Number(p.toFixed(6)))]);
    });
  }
  return {
    type: 'filePredictions',
    name: `${file.name.replace(/\.[^.]+$/, '')}-predictions.csv`,
    csv: toCsv(rows),
    rows: texts.length,
    counts,
    classes: active.classes,
    textColumn: names,
    skipped,
  };
}

/** Answers the page's "predict a file" with the active model's predictions of every text in it. */
export async function postFilePredictions(message: MessageOf<'predictFile'>, post: Post): Promise<void> {
  await untilExclusiveEnds();
  const active = requireActive('Train or load a model before predicting a file.');
  post({ requestId: message.requestId, ...(await predictFile(active, message.file)) });
}
