/**
 * What quantizing the exported weights costs, measured before the user decides: each option's
 * weights are quantized, loaded back through tfjs (which dequantizes them exactly as a user's
 * `tf.loadLayersModel` will) into a copy of the model, and evaluated on the held-out rows.
 */
import * as tf from '@tensorflow/tfjs';
import { encodeTexts } from '../../core/text/padSequences';
import { quantizeWeights, WEIGHT_QUANTIZATIONS } from '../../core/export/quantize';
import type { QuantizationOption, QuantizationReport } from '../../protocol/messages';
import { collectArtifacts } from './exportBundle';
import type { ActiveModel } from '../session';
import { evaluateRows, type Encoded } from '../train/trainer';

/** The held-out rows of the active model's run, encoded: the test split when there is one. */
export function heldOutEncoded(active: ActiveModel): { split: 'test' | 'validation'; data: Encoded; rows: Int32Array } | null {
  const held = active.heldOut;
  if (!held) return null;
  const split = held.test.length > 0 ? 'test' : 'validation';
  const source = split === 'test' ? held.test : held.validation;
  if (source.length === 0) return null;
  const texts = Array.from(source, (r) => held.dataset.texts[r]);
  const data: Encoded = {
    ids: encodeTexts(active.tokenizer, texts, { maxlen: active.spec.sequenceLength }),
    labels: Int32Array.from(source, (r) => held.dataset.labels[r]),
    sequenceLength: active.spec.sequenceLength,
    classCount: active.classes.length,
  };
  return { split, data, rows: Int32Array.from({ length: source.length }, (_, i) => i) };
}

export async function quantizationReport(active: ActiveModel): Promise<QuantizationReport> {
  const artifacts = await collectArtifacts(active.model);
  const held = heldOutEncoded(active);
  const options: QuantizationOption[] = [];
  for (const mode of WEIGHT_QUANTIZATIONS) {
    const weights = quantizeWeights(artifacts.weightSpecs, artifacts.weightData, mode);
    let accuracy: number | null = null;
    let loss: number | null = null;
    if (held) {
      const copy = await tf.loadLayersModel(tf.io.fromMemory({ ...artifacts, weightSpecs: weights.entries, weightData: weights.data }));
      try {
        const result = await evaluateRows(copy, held.data, held.rows);
        accuracy = result.accuracy;
        loss = result.loss;
      } finally {
        copy.dispose();
      }
    }
    options.push({ mode, weightsBytes: weights.data.byteLength, accuracy, loss });
  }
  return { split: held?.split ?? null, rows: held?.rows.length ?? 0, options };
}
