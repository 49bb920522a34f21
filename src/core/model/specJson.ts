import type { Activation, LayerSpec, ModelSpec } from './modelSpec';

/**
 * The model spec as a file and as a link. Reading is strict about structure (every field
 * named, typed and in range of its kind) and says exactly which field is wrong; whether the
 * architecture can train is validateModelSpec's job.
 */

export const SPEC_FILE_FORMAT = 'text-classifier-studio/model-spec@1';

const ACTIVATIONS: readonly Activation[] = ['relu', 'tanh', 'sigmoid', 'linear'];

function num(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`${where} must be a number (found ${JSON.stringify(value)}).`);
  return value;
}

function activation(value: unknown, where: string): Activation {
  if (!ACTIVATIONS.includes(value as Activation)) throw new Error(`${where} must be one of ${ACTIVATIONS.join(', ')} (found ${JSON.stringify(value)}).`);
  return value as Activation;
}

function layer(raw: unknown, i: number): LayerSpec {
  const where = `layers[${i}]`;
  if (typeof raw !== 'object' || raw === null) throw new Error(`${where} must be an object.`);
  const l = raw as Record<string, unknown>;
  switch (l.kind) {
    case 'conv1d': {
      if (!Array.isArray(l.kernelSizes)) throw new Error(`${where}.kernelSizes must be a list of numbers.`);
      if (l.padding !== undefined && l.padding !== 'valid' && l.padding !== 'same') throw new Error(`${where}.padding must be "valid" or "same".`);
      return {
        kind: 'conv1d',
        filters: num(l.filters, `${where}.filters`),
        kernelSizes: l.kernelSizes.map((k, j) => num(k, `${where}.kernelSizes[${j}]`)),
        activation: activation(l.activation, `${where}.activation`),
        ...(l.padding !== undefined && { padding: l.padding }),
        ...(l.strides !== undefined && { strides: num(l.strides, `${where}.strides`) }),
      };
    }
    case 'maxPool':
      return { kind: 'maxPool', poolSize: num(l.poolSize, `${where}.poolSize`) };
    case 'batchNorm':
      return { kind: 'batchNorm' };
    case 'globalMaxPool':
    case 'globalAvgPool':
      return { kind: l.kind };
    case 'dropout':
      return { kind: 'dropout', rate: num(l.rate, `${where}.rate`) };
    case 'dense':
      return {
        kind: 'dense',
        units: num(l.units, `${where}.units`),
        activation: activation(l.activation, `${where}.activation`),
        ...(l.l1 !== undefined && { l1: num(l.l1, `${where}.l1`) }),
        ...(l.l2 !== undefined && { l2: num(l.l2, `${where}.l2`) }),
      };
    default:
      throw new Error(`${where}.kind ${JSON.stringify(l.kind)} is not a layer the studio knows (conv1d, maxPool, batchNorm, globalMaxPool, globalAvgPool, dropout, dense).`);
  }
}

/** A spec from parsed JSON: the object itself or a spec file `{format, spec}`. */
export function specFromJson(value: unknown): ModelSpec {
  if (typeof value !== 'object' || value === null) throw new Error('A model spec must be a JSON object.');
  const v = value as Record<string, unknown>;
  const raw = (v.format === SPEC_FILE_FORMAT ? v.spec : v) as Record<string, unknown> | undefined;
  if (typeof raw !== 'object' || raw === null) throw new Error('The file has no "spec" object.');
  if (!Array.isArray(raw.layers)) throw new Error('layers must be a list of layers.');
  if (raw.embeddingTrainable !== undefined && typeof raw.embeddingTrainable !== 'boolean') throw new Error('embeddingTrainable must be true or false.');
  return {
    vocabSize: num(raw.vocabSize, 'vocabSize'),
    sequenceLength: num(raw.sequenceLength, 'sequenceLength'),
    embeddingDim: num(raw.embeddingDim, 'embeddingDim'),
    layers: raw.layers.map(layer),
    ...(raw.embeddingTrainable !== undefined && { embeddingTrainable: raw.embeddingTrainable as boolean }),
  };
}

/** Parses a spec file's text; the error says whether the JSON or a field is wrong. */
export function parseSpecFile(text: string): ModelSpec {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`This is not JSON: ${(error as Error).message}.`, { cause: error });
  }
  return specFromJson(value);
}

export function specFileText(spec: ModelSpec): string {
  return `${JSON.stringify({ format: SPEC_FILE_FORMAT, spec }, null, 2)}\n`;
}

/** The URL fragment that shares a spec, e.g. "#spec=%7B…". */
export function specToHash(spec: ModelSpec): string {
  return `#spec=${encodeURIComponent(JSON.stringify(spec))}`;
}

/** The spec in a URL fragment, null when there is none; throws when it is there but broken. */
export function specFromHash(hash: string): ModelSpec | null {
  const match = /(?:^#|&)spec=([^&]*)/.exec(hash);
  if (!match) return null;
  let text: string;
  try {
    text = decodeURIComponent(match[1]);
  } catch {
    throw new Error('The model in this link is damaged (bad encoding).');
  }
  return parseSpecFile(text);
}
