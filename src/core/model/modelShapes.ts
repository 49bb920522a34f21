import { assertNever, convLength, type ModelSpec } from './modelSpec';

/** Output shape without the batch dimension, e.g. [500, 16]. */
export type Shape = number[];

/** One row of the model summary: what a layer outputs and what it costs. */
export interface LayerSummary {
  /** Stable id, also used for diagram nodes. */
  id: string;
  /** Human label, e.g. "Conv1D 128×5 relu". */
  label: string;
  /** Output shape per branch (one entry unless the layer has parallel branches). */
  outputShapes: Shape[];
  /** Trainable parameters. */
  params: number;
  /** Multiply–accumulate operations per sample in the forward pass. */
  macs: number;
}

export interface ModelSummary {
  layers: LayerSummary[];
  totalParams: number;
  /** Forward-pass FLOPs per sample (2 per multiply–accumulate). */
  flopsPerSample: number;
}

/**
 * Shapes and parameter counts exactly as Keras/tfjs count them, for a model with
 * `classCount` outputs. Assumes a spec that validateModelSpec accepts; lengths are clamped at
 * 0 otherwise so that the summary never throws while the user is typing.
 */
export function summarizeModel(spec: ModelSpec, classCount: number): ModelSummary {
  const layers: LayerSummary[] = [];
  const L = spec.sequenceLength;
  layers.push({ id: 'input', label: 'Input (token ids)', outputShapes: [[L]], params: 0, macs: 0 });
  layers.push({
    id: 'embedding',
    label: `Embedding ${spec.vocabSize}×${spec.embeddingDim}${spec.embeddingTrainable === false ? ' (frozen)' : ''}`,
    outputShapes: [[L, spec.embeddingDim]],
    params: spec.vocabSize * spec.embeddingDim,
    macs: 0,
  });
  let shapes: Shape[] = [[L, spec.embeddingDim]];
  spec.layers.forEach((layer, i) => {
    const id = `l${i}`;
    switch (layer.kind) {
      case 'conv1d': {
        const inShape = shapes[0];
        const channels = inShape[inShape.length - 1];
        const time = inShape.length === 2 ? inShape[0] : 1;
        let params = 0;
        let macs = 0;
        const out: Shape[] = layer.kernelSizes.map((k) => {
          const len = convLength(time, k, layer.padding, layer.strides ?? 1);
          params += (k * channels + 1) * layer.filters;
          macs += len * k * channels * layer.filters;
          return [len, layer.filters];
        });
        shapes = out;
        const extras = [layer.padding === 'same' ? 'same' : '', (layer.strides ?? 1) > 1 ? `stride ${layer.strides}` : ''].filter(Boolean).join(', ');
        layers.push({
          id,
          label: `Conv1D ${layer.filters}×${layer.kernelSizes.join('/')} ${layer.activation}${extras ? ` (${extras})` : ''}`,
          outputShapes: out,
          params,
          macs,
        });
        break;
      }
      case 'maxPool': {
        const [time, channels] = shapes[0];
        shapes = [[Math.floor(time / Math.max(1, layer.poolSize)), channels]];
        layers.push({ id, label: `MaxPooling1D ${layer.poolSize}`, outputShapes: shapes, params: 0, macs: 0 });
        break;
      }
      case 'batchNorm': {
        const channels = shapes[0][shapes[0].length - 1];
        // gamma, beta (trained) and the moving mean and variance (not trained), per channel.
        layers.push({ id, label: 'BatchNormalization', outputShapes: shapes, params: 4 * channels, macs: 0 });
        break;
      }
      case 'globalMaxPool':
      case 'globalAvgPool': {
        const width = shapes.reduce((sum, s) => sum + s[s.length - 1], 0);
        shapes = [[width]];
        layers.push({
          id,
          label: layer.kind === 'globalMaxPool' ? 'GlobalMaxPooling1D' : 'GlobalAveragePooling1D',
          outputShapes: shapes,
          params: 0,
          macs: 0,
        });
        break;
      }
      case 'dropout':
        layers.push({ id, label: `Dropout ${layer.rate}`, outputShapes: shapes, params: 0, macs: 0 });
        break;
      case 'dense': {
        const inWidth = shapes[0][shapes[0].length - 1];
        shapes = [[layer.units]];
        layers.push({
          id,
          label: `Dense ${layer.units} ${layer.activation}${layer.l1 || layer.l2 ? ` (${[layer.l1 ? `L1 ${layer.l1}` : '', layer.l2 ? `L2 ${layer.l2}` : ''].filter(Boolean).join(', ')})` : ''}`,
          outputShapes: shapes,
          params: (inWidth + 1) * layer.units,
          macs: inWidth * layer.units,
        });
        break;
      }
      default:
        assertNever(layer);
    }
  });
  const inWidth = shapes[0][shapes[0].length - 1];
  layers.push({
    id: 'output',
    label: `Dense ${classCount} softmax`,
    outputShapes: [[classCount]],
    params: (inWidth + 1) * classCount,
    macs: inWidth * classCount,
  });
  const totalParams = layers.reduce((sum, l) => sum + l.params, 0);
  const flopsPerSample = 2 * layers.reduce((sum, l) => sum + l.macs, 0);
  return { layers, totalParams, flopsPerSample };
}

/** "1,234,567" with thin grouping, for parameter counts. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
