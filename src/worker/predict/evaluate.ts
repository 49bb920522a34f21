import * as tf from '@tensorflow/tfjs';
import type { HighlightedToken } from '../../protocol/messages';
import { textsToSequences } from '../../core/text/tokenizer';
import type { Split } from '../../core/data/split';
import type { TestFileReport } from '../../core/data/testFile';
import { evaluateRows, scoreRows, type Encoded } from '../train/trainer';
import type { MessageOf, Post } from '../post';
import { session, type ActiveModel } from '../session';

type Evaluated = Awaited<ReturnType<typeof evaluateRows>>;

/**
 * Sends the held-out predictions of a finished run: validation (already computed) and test.
 * Probabilities travel as transferables; the page computes every metric from them.
 */
export async function postEvaluation(
  runId: number,
  active: ActiveModel | null,
  data: Encoded,
  split: Split,
  validation: Evaluated,
  post: Post,
  /** What predicts the test rows: the trainer's own forward pass (the WASM engine's), else the model. */
  predict?: (rows: Int32Array) => Promise<Float32Array>,
  /** The separate test file the test rows come from, if any. */
  testFile: TestFileReport | null = null,
): Promise<void> {
  if (!active) return;
  const test = !split.test.length
    ? null
    : predict
      ? scoreRows(await predict(split.test), data, split.test)
      : await evaluateRows(active.model, data, split.test);
  const splits = [
    { name: 'validation' as const, rows: Int32Array.from(split.validation), truth: validation.truth, probs: validation.probs },
    ...(test ? [{ name: 'test' as const, rows: Int32Array.from(split.test), truth: test.truth, probs: test.probs, ...(testFile ? { file: testFile } : {}) }] : []),
  ];
  post(
    { type: 'evaluation', runId, classes: active.classes, splits },
    splits.flatMap((s) => [s.rows.buffer, s.truth.buffer, s.probs.buffer]),
  );
}

/** Answers the page's request for the texts behind a metric (held-out rows of the active model). */
export function postHeldOutTexts(message: MessageOf<'texts'>, post: Post): void {
  post({ type: 'texts', requestId: message.requestId, texts: heldOutTexts(session.active, message.rows) });
}

/** Texts of dataset rows, cut to `maxChars`, for the examples behind a metric. */
export function heldOutTexts(active: ActiveModel | null, rows: number[], maxChars = 1000): string[] {
  const dataset = active?.heldOut?.dataset;
  if (!dataset) throw new Error('The examples of this evaluation are no longer available: train again to see them.');
  return rows.map((r) => {
    const text = dataset.texts[r] ?? '';
    return text.length > maxChars ? `${text.slice(0, maxChars)}…` : text;
  });
}

/**
 * Which tokens drove the decision, from the max-pooled convolution activations: for every
 * filter, its pooled value times the gradient of the predicted class' logit with respect to it
 * (gradient × activation) is credited, spread evenly, to the window of tokens where the max
 * was reached. Tokens are the ones the model saw (after the vocabulary cut and truncation).
 * Returns null for models without a global max pooling right after their convolutions.
 */
export async function tokenHighlights(active: ActiveModel, text: string, ids: Int32Array, predicted: number): Promise<HighlightedToken[] | null> {
  const { model, spec, tokenizer } = active;
  const poolIndex = spec.layers.findIndex((l) => l.kind === 'globalMaxPool');
  const convIndex = spec.layers.findIndex((l) => l.kind === 'conv1d');
  const conv = spec.layers[convIndex];
  if (poolIndex !== convIndex + 1 || !conv || conv.kind !== 'conv1d') return null;
  const L = spec.sequenceLength;
  const sequence = textsToSequences(tokenizer, [text])[0];
  const kept = sequence.length > L ? sequence.slice(sequence.length - L) : sequence;
  const offset = L - kept.length;
  const credit = new Float64Array(L);

  const convLayers = conv.kernelSizes.map((k, b) => model.getLayer(conv.kernelSizes.length > 1 ? `conv1d_${convIndex}_k${k}_${b}` : `conv1d_${convIndex}`));
  // The layers after pooling, applied eagerly to a pooled vector (dropout is inactive at inference).
  const headLayers = model.layers.filter((l) => /^(dropout|dense)_\d+$/.test(l.name) || l.name === 'output');
  // Computed on the backend, read back asynchronously: synchronous reads from WebGPU in a
  // worker returned zeros (tfjs 4.22 on SwiftShader).
  const [convOut, contributionTensor] = tf.tidy(() => {
    const input = tf.tensor2d(ids, [1, L], 'int32');
    const embedded = model.getLayer('embedding').apply(input) as tf.Tensor3D;
    const outs = convLayers.map((layer) => layer.apply(embedded) as tf.Tensor3D);
    const pooled = outs.map((c) => c.max(1));
    const pooledAll = (pooled.length > 1 ? tf.concat(pooled, 1) : pooled[0]) as tf.Tensor2D;
    const logit = (v: tf.Tensor) => {
      let x: tf.Tensor = v;
      for (const layer of headLayers) {
        // The softmax output's pre-activation: a linear read of the last dense layer.
        x = layer.name === 'output' ? tf.matMul(x as tf.Tensor2D, layer.getWeights()[0] as tf.Tensor2D).add(layer.getWeights()[1]) : (layer.apply(x) as tf.Tensor);
      }
      return (x as tf.Tensor2D).slice([0, predicted], [1, 1]).sum() as tf.Scalar;
    };
    const grad = tf.grad(logit)(pooledAll);
    return [outs, grad.mul(pooledAll)] as const;
  });
  const [contribution, ...convValues] = await Promise.all([contributionTensor.data(), ...convOut.map((c) => c.data())]);
  const positions = convOut.map((c, b) => firstMaxPerColumn(convValues[b], c.shape[1], c.shape[2]));
  tf.dispose([contributionTensor, ...convOut]);
  let column = 0;
  conv.kernelSizes.forEach((k, b) => {
    for (let f = 0; f < conv.filters; f++, column++) {
      const start = positions[b][f];
      for (let t = start; t < start + k && t < L; t++) credit[t] += contribution[column] / k;
    }
  });
  return kept.map((id, j) => ({ token: tokenizer.indexWord.get(id) ?? '?', weight: credit[offset + j] }));
}

/** For a row-major (time × filters) block, the first time step holding each filter's maximum. */
function firstMaxPerColumn(values: ArrayLike<number>, time: number, filters: number): Int32Array {
  const out = new Int32Array(filters);
  for (let f = 0; f < filters; f++) {
    let best = values[f];
    for (let t = 1; t < time; t++) {
      const v = values[t * filters + f];
      if (v > best) {
        best = v;
        out[f] = t;
      }
    }
  }
  return out;
}
