/**
 * What quantizing the exported weights costs, measured before the user decides: each option's
 * weights are quantized and dequantized with the arithmetic tfjs uses when a user's
 * `tf.loadLayersModel` reads them, swapped into one copy of the model, and evaluated on (a
 * sample of) the held-out rows in batches, with progress and a way to stop between batches.
 */
import * as tf from '@tensorflow/tfjs';
import { encodeTexts } from '../../core/text/padSequences';
import { dequantizeWeights, quantizeWeights, WEIGHT_QUANTIZATIONS } from '../../core/export/quantize';
import type { QuantizationOption, QuantizationReport } from '../../protocol/messages';
import { collectArtifacts } from './exportBundle';
import type { ActiveModel } from '../session';
import { scoreRows, yieldToEvents, type Encoded } from '../train/trainer';

/**
 * At most this many held-out texts are scored per weight format: the accuracy change of
 * quantization shows at this size, and the Keras text CNN scores it in seconds, not minutes.
 */
export const MAX_COMPARE_ROWS = 1000;
/** Texts per forward pass: big enough to keep the backend busy, small enough to report progress. */
const BATCH = 128;

/** `cap` row indices spread evenly over `count` rows (all of them when count ≤ cap), ascending. */
export function spreadSample(count: number, cap: number): Int32Array {
  if (count <= cap) return Int32Array.from({ length: count }, (_, i) => i);
  return Int32Array.from({ length: cap }, (_, i) => Math.floor((i * count) / cap));
}

/** The held-out rows of the active model's run, encoded: the test split when there is one, sampled to `cap` rows. */
export function heldOutEncoded(active: ActiveModel, cap = Infinity): { split: 'test' | 'validation'; data: Encoded; rows: Int32Array; heldOut: number } | null {
  const held = active.heldOut;
  if (!held) return null;
  const split = held.test.length > 0 ? 'test' : 'validation';
  const all = split === 'test' ? held.test : held.validation;
  if (all.length === 0) return null;
  const source = Array.from(spreadSample(all.length, cap), (i) => all[i]);
  const texts = source.map((r) => held.dataset.texts[r]);
  const data: Encoded = {
    ids: encodeTexts(active.tokenizer, texts, { maxlen: active.spec.sequenceLength }),
    labels: Int32Array.from(source, (r) => held.dataset.labels[r]),
    sequenceLength: active.spec.sequenceLength,
    classCount: active.classes.length,
  };
  return { split, data, rows: Int32Array.from({ length: source.length }, (_, i) => i), heldOut: all.length };
}

/** Hooks of one comparison: `progress` after each batch; `cancelled` is checked between batches. */
export interface CompareHooks {
  progress(done: number, total: number): void;
  cancelled(): boolean;
}

/** Thrown when the user stopped the comparison; its message is what the page shows. */
export class ComparisonCancelled extends Error {
  constructor() {
    super('Comparison cancelled.');
  }
}

/**
 * Class probabilities of `data`'s rows (all of them, in order), batch by batch. Every batch has
 * the same shape (the last one is padded with empty texts): WebGPU compiles its shaders per
 * shape, and on a software adapter one more compile costs seconds.
 */
async function predictAll(model: tf.LayersModel, data: Encoded, onBatch: (rows: number) => void, cancelled: () => boolean): Promise<Float32Array> {
  const n = data.labels.length;
  const L = data.sequenceLength;
  const K = data.classCount;
  const size = Math.min(n, BATCH);
  const out = new Float32Array(n * K);
  for (let start = 0; start < n; start += size) {
    if (cancelled()) throw new ComparisonCancelled();
    const end = Math.min(n, start + size);
    const ids = end - start === size ? data.ids.subarray(start * L, end * L) : padded(data.ids.subarray(start * L, end * L), size * L);
    const probs = tf.tidy(() => model.predict(tf.tensor2d(ids, [size, L], 'int32')) as tf.Tensor);
    try {
      out.set((await probs.data()).subarray(0, (end - start) * K), start * K);
    } finally {
      probs.dispose();
    }
    onBatch(end - start);
    await yieldToEvents();
  }
  return out;
}

/** `values` followed by zeros (padding ids) up to `length`. */
function padded(values: Int32Array, length: number): Int32Array {
  const out = new Int32Array(length);
  out.set(values);
  return out;
}

export async function quantizationReport(active: ActiveModel, hooks: CompareHooks): Promise<QuantizationReport> {
  const started = performance.now();
  const artifacts = await collectArtifacts(active.model);
  const held = heldOutEncoded(active, MAX_COMPARE_ROWS);
  const quantized = WEIGHT_QUANTIZATIONS.map((mode) => ({ mode, ...quantizeWeights(artifacts.weightSpecs, artifacts.weightData, mode) }));
  const sizes = (accuracy: (mode: string) => QuantizationOption['accuracy'], loss: (mode: string) => QuantizationOption['loss']): QuantizationOption[] =>
    quantized.map((q) => ({ mode: q.mode, weightsBytes: q.data.byteLength, accuracy: accuracy(q.mode), loss: loss(q.mode) }));
  if (!held) {
    return { split: null, rows: 0, heldOut: 0, elapsedMs: performance.now() - started, options: sizes(() => null, () => null) };
  }
  // One copy of the model, built once; each format's weights are swapped into it.
  const copy = await tf.loadLayersModel(tf.io.fromMemory({ ...artifacts }));
  const total = held.rows.length * quantized.length;
  let done = 0;
  const scores = new Map<string, { accuracy: number; loss: number }>();
  try {
    for (const q of quantized) {
      // Matched by saved name, as tf.loadLayersModel matches them: the copy's own names may carry suffixes.
      const values = dequantizeWeights(q.entries, q.data);
      const named: tf.NamedTensorMap = {};
      for (const spec of artifacts.weightSpecs) {
        const v = values.get(spec.name);
        if (!v) throw new Error(`Weight ${spec.name} did not survive ${q.mode} quantization.`);
        named[spec.name] = tf.tensor(v, spec.shape, 'float32');
      }
      try {
        copy.loadWeights(named);
      } finally {
        tf.dispose(Object.values(named));
      }
      const probs = await predictAll(
        copy,
        held.data,
        (rows) => {
          done += rows;
          hooks.progress(done, total);
        },
        hooks.cancelled,
      );
      const result = scoreRows(probs, held.data, held.rows);
      scores.set(q.mode, { accuracy: result.accuracy, loss: result.loss });
    }
  } finally {
    copy.dispose();
  }
  return {
    split: held.split,
    rows: held.rows.length,
    heldOut: held.heldOut,
    elapsedMs: performance.now() - started,
    options: sizes((m) => scores.get(m)?.accuracy ?? null, (m) => scores.get(m)?.loss ?? null),
  };
}
