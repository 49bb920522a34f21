/**
 * The classifier's architecture as plain JSON. Everything that describes a model (shapes,
 * parameter counts, diagrams, validation) is a pure function of this object, computed
 * before any worker starts. The worker turns it into tfjs layers.
 */

export type Activation = 'relu' | 'tanh' | 'sigmoid' | 'linear';

/** One convolution block: several kernel sizes become parallel branches (Kim 2014). */
export interface Conv1DLayer {
  kind: 'conv1d';
  /** Filters per branch. */
  filters: number;
  /** One kernel size (tokens) per parallel branch. */
  kernelSizes: number[];
  activation: Activation;
  /** 'valid' (default) shortens the sequence by kernel − 1; 'same' keeps its length (÷ stride). */
  padding?: ConvPadding;
  /** Step between windows, in tokens (default 1). */
  strides?: number;
}

export type ConvPadding = 'valid' | 'same';

/** Max pooling over windows of `poolSize` steps (stride = pool size): shortens the sequence. */
export interface MaxPoolLayer {
  kind: 'maxPool';
  poolSize: number;
}

/** Batch normalization over the last axis (channels or units). */
export interface BatchNormLayer {
  kind: 'batchNorm';
}

export interface GlobalPoolLayer {
  kind: 'globalMaxPool' | 'globalAvgPool';
}

export interface DropoutLayer {
  kind: 'dropout';
  /** Share of units zeroed while training, in [0, 1). */
  rate: number;
}

export interface DenseLayer {
  kind: 'dense';
  units: number;
  activation: Activation;
  /** L1 penalty on the kernel weights (0 or absent: none). */
  l1?: number;
  /** L2 penalty on the kernel weights (0 or absent: none). */
  l2?: number;
}

export type LayerSpec = Conv1DLayer | MaxPoolLayer | BatchNormLayer | GlobalPoolLayer | DropoutLayer | DenseLayer;

/** Output length of a 1-D convolution, as Keras computes it. */
export function convLength(length: number, kernel: number, padding: ConvPadding = 'valid', strides = 1): number {
  return padding === 'same' ? Math.ceil(length / strides) : Math.max(0, Math.floor((length - kernel) / strides) + 1);
}

/**
 * Embedding → layers → Dense(classes, softmax). The output layer is implied: its size comes
 * from the dataset's classes.
 */
export interface ModelSpec {
  /** Tokens kept by the tokenizer (Keras num_words); ids ≥ this never reach the model. */
  vocabSize: number;
  /** Tokens per text after padding/truncation. */
  sequenceLength: number;
  embeddingDim: number;
  layers: LayerSpec[];
  /** False freezes the embedding (default true: it learns). */
  embeddingTrainable?: boolean;
}

export function defaultModelSpec(): ModelSpec {
  return {
    vocabSize: 10000,
    sequenceLength: 500,
    embeddingDim: 16,
    layers: [
      { kind: 'conv1d', filters: 128, kernelSizes: [5], activation: 'relu' },
      { kind: 'globalMaxPool' },
      { kind: 'dense', units: 128, activation: 'relu' },
    ],
  };
}

/** A problem with a spec, located so the UI can show it beside the field. */
export interface SpecIssue {
  /** Field path, e.g. "layers.0.filters" or "sequenceLength". */
  path: string;
  message: string;
}

const isPositiveInt = (n: number) => Number.isInteger(n) && n > 0;

/** Every reason the spec cannot be built or trained; empty when it is sound. */
export function validateModelSpec(spec: ModelSpec, classCount = 2): SpecIssue[] {
  const issues: SpecIssue[] = [];
  if (!isPositiveInt(spec.vocabSize) || spec.vocabSize < 2) {
    issues.push({ path: 'vocabSize', message: 'Vocabulary size must be a whole number of at least 2 (index 0 is padding).' });
  }
  if (!isPositiveInt(spec.sequenceLength)) {
    issues.push({ path: 'sequenceLength', message: 'Sequence length must be a whole number of at least 1 token.' });
  }
  if (!isPositiveInt(spec.embeddingDim)) {
    issues.push({ path: 'embeddingDim', message: 'Embedding dimension must be a whole number of at least 1.' });
  }
  if (classCount < 2) {
    issues.push({ path: 'classes', message: 'The dataset needs at least 2 classes to train a classifier.' });
  }
  let length = spec.sequenceLength;
  let sequential = true; // still [batch, time, channels]
  spec.layers.forEach((layer, i) => {
    const at = `layers.${i}`;
    switch (layer.kind) {
      case 'conv1d': {
        if (!sequential) {
          issues.push({ path: at, message: 'A convolution needs a sequence: move it before the pooling layer.' });
          break;
        }
        if (!isPositiveInt(layer.filters)) {
          issues.push({ path: `${at}.filters`, message: 'Filters must be a whole number of at least 1.' });
        }
        if (layer.kernelSizes.length === 0) {
          issues.push({ path: `${at}.kernelSizes`, message: 'Give at least one kernel size.' });
        }
        const strides = layer.strides ?? 1;
        if (!isPositiveInt(strides)) {
          issues.push({ path: `${at}.strides`, message: 'Stride must be a whole number of at least 1.' });
        }
        for (const k of layer.kernelSizes) {
          if (!isPositiveInt(k)) {
            issues.push({ path: `${at}.kernelSizes`, message: `Kernel size ${k} must be a whole number of at least 1.` });
          } else if (k > length && layer.padding !== 'same') {
            issues.push({
              path: `${at}.kernelSizes`,
              message: `Kernel size ${k} is longer than the sequence (${length} tokens): lower it or raise the sequence length.`,
            });
          }
        }
        if (layer.kernelSizes.length > 1 && spec.layers[i + 1]?.kind !== 'globalMaxPool' && spec.layers[i + 1]?.kind !== 'globalAvgPool') {
          issues.push({ path: at, message: 'Several kernel sizes run side by side, so a global pooling layer must follow directly.' });
        }
        length = convLength(length, Math.max(...layer.kernelSizes, 1), layer.padding, isPositiveInt(strides) ? strides : 1);
        break;
      }
      case 'maxPool':
        if (!sequential) {
          issues.push({ path: at, message: 'Max pooling needs a sequence: move it before the global pooling layer.' });
          break;
        }
        if (!isPositiveInt(layer.poolSize)) {
          issues.push({ path: `${at}.poolSize`, message: 'Pool size must be a whole number of at least 1.' });
        } else if (layer.poolSize > length) {
          issues.push({ path: `${at}.poolSize`, message: `Pool size ${layer.poolSize} is longer than the sequence here (${length} steps): lower it.` });
        } else {
          length = Math.floor(length / layer.poolSize);
        }
        break;
      case 'batchNorm':
        break;
      case 'globalMaxPool':
      case 'globalAvgPool':
        if (!sequential) issues.push({ path: at, message: 'Only one global pooling layer is possible.' });
        sequential = false;
        break;
      case 'dropout':
        if (!(layer.rate >= 0 && layer.rate < 1)) {
          issues.push({ path: `${at}.rate`, message: 'Dropout rate must be at least 0 and below 1.' });
        }
        break;
      case 'dense':
        if (sequential) {
          issues.push({ path: at, message: 'Add a global pooling layer before dense layers.' });
        }
        if (!isPositiveInt(layer.units)) {
          issues.push({ path: `${at}.units`, message: 'Dense units must be a whole number of at least 1.' });
        }
        if (!((layer.l1 ?? 0) >= 0 && (layer.l2 ?? 0) >= 0)) {
          issues.push({ path: `${at}.l2`, message: 'L1 and L2 penalties must be 0 or more (typical: 0.0001 to 0.01).' });
        }
        break;
      default:
        assertNever(layer);
    }
  });
  if (sequential) {
    issues.push({ path: 'layers', message: 'Add a global pooling layer: the classifier needs one vector per text.' });
  }
  return issues;
}

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}

/** The first layer of a kind, for the simple form's fields. */
export function firstLayer<K extends LayerSpec['kind']>(spec: ModelSpec, kind: K): Extract<LayerSpec, { kind: K }> | undefined {
  return spec.layers.find((l): l is Extract<LayerSpec, { kind: K }> => l.kind === kind);
}
