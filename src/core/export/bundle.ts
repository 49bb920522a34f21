/**
 * The export bundle's layout (model.json + weights, tokenizer.json, metadata.json) and the
 * checks an imported bundle must pass before tfjs sees it. Every failure names the file part
 * at fault and what to do.
 */
import type { MetricsReport } from '../eval/metrics';
import type { BaselineSummary } from '../eval/baselineRun';
import type { ModelSpec } from '../model/modelSpec';
import type { WeightEntry, WeightQuantization } from './quantize';
import { weightBytes } from './quantize';
import type { TrainConfig } from '../train/trainConfig';
import type { PreprocessingMetadata } from '../text/tokenizerMode';

export const BUNDLE_FORMAT = 'text-classifier-studio/1';

/** metadata.json: everything beside the model that a user of it needs. */
export interface BundleMetadata {
  format: typeof BUNDLE_FORMAT;
  /** Class names in the order of the model's outputs. */
  labels: string[];
  preprocessing: PreprocessingMetadata;
  spec: ModelSpec;
  training: TrainConfig;
  /** Final metrics on the validation split; null when the model was not trained in this studio. */
  metrics: {
    valAccuracy: number;
    valLoss: number;
    epochs: { epoch: number; loss: number; accuracy: number; valLoss: number; valAccuracy: number }[];
    samplesPerSecond: number;
    durationMs: number;
    /** Per-class precision, recall, F1 on the validation split (exports from 0.1.0 on). */
    validation?: MetricsReport;
    /** Validation confusion matrix, rows: true class, columns: predicted, in the order of `labels`; absent in older exports. */
    confusion?: number[][];
    /** The linear baseline (TF-IDF + logistic regression) on the same split; absent when it was off, unfinished or in older exports. */
    baseline?: BaselineSummary;
  } | null;
  /**
   * The data the model was trained on. `textColumns`: the columns whose cells, joined
   * in this order with one space, made each text; `labelColumn` the label's. Absent in older
   * bundles: one text column, whatever its name.
   */
  dataset: { name: string; fingerprint: string; examples: number; textColumns?: string[]; labelColumn?: string };
  versions: { studio: string; tfjs: string };
  /** What trained the model: a tfjs backend or 'engine' (the studio's WebAssembly trainer). */
  backend: 'webgpu' | 'webgl' | 'wasm' | 'cpu' | 'engine';
  savedAt: string;
  /** How the weights of a downloaded bundle are stored; absent means float32. */
  quantization?: WeightQuantization;
}

/** The weights files a bundle's model.json names: one group per entry. */
export interface WeightsGroup {
  paths: string[];
  weights: WeightEntry[];
}

/** The parts of model.json the studio relies on (the tfjs layers format). */
export interface ModelJson {
  format?: string;
  generatedBy?: string;
  convertedBy?: string | null;
  modelTopology: Record<string, unknown>;
  weightsManifest: WeightsGroup[];
  trainingConfig?: unknown;
}

/** The file parts of a bundle, read from a zip or from files selected together. */
export interface BundleParts {
  /** Where the parts came from, for messages: "the zip" or "the selected files". */
  source: string;
  /** Text of model.json, tokenizer.json, metadata.json; undefined when absent. */
  modelJson?: string;
  tokenizerJson?: string;
  metadataJson?: string;
  /** Byte size of every file present, by its name (path inside the zip). */
  sizes: ReadonlyMap<string, number>;
}

/** A bundle whose parts fit together; `weightPaths` lists the weights files in load order. */
export interface CheckedBundle {
  modelJson: ModelJson;
  metadata: BundleMetadata;
  tokenizerJson: string;
  weightPaths: string[];
  weightSpecs: WeightEntry[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPositiveInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not valid JSON (${(error as Error).message}): the file is damaged. Download the model again.`, { cause: error });
  }
}

/** Reads metadata.json, naming the first field that is missing or wrong. */
export function parseMetadata(text: string): BundleMetadata {
  const m = parseJson(text, 'metadata.json');
  const bad = (what: string) => new Error(`metadata.json ${what}. Was it written by Text Classifier Studio's "Download model"?`);
  if (!isObject(m)) throw bad('is not a JSON object');
  if (m.format !== BUNDLE_FORMAT) throw bad(`has format ${JSON.stringify(m.format)}, expected "${BUNDLE_FORMAT}"`);
  if (!Array.isArray(m.labels) || m.labels.length < 2 || !m.labels.every((l) => typeof l === 'string')) throw bad('has no "labels" list of at least 2 class names');
  if (!isObject(m.spec) || !isPositiveInt(m.spec.sequenceLength) || !isPositiveInt(m.spec.vocabSize) || !Array.isArray(m.spec.layers)) {
    throw bad('has no valid "spec" (sequenceLength, vocabSize, layers)');
  }
  if (!isObject(m.training)) throw bad('has no "training" settings');
  if (!isObject(m.dataset) || typeof m.dataset.name !== 'string') throw bad('has no "dataset" description');
  const { textColumns, labelColumn } = m.dataset;
  if (textColumns !== undefined && (!Array.isArray(textColumns) || textColumns.length === 0 || !textColumns.every((c) => typeof c === 'string'))) {
    throw bad('has a "dataset.textColumns" that is not a list of column names');
  }
  if (labelColumn !== undefined && typeof labelColumn !== 'string') throw bad('has a "dataset.labelColumn" that is not a column name');
  if (!isObject(m.versions)) throw bad('has no "versions"');
  if (m.backend !== 'webgpu' && m.backend !== 'webgl' && m.backend !== 'wasm' && m.backend !== 'cpu' && m.backend !== 'engine') throw bad(`names an unknown backend ${JSON.stringify(m.backend)}`);
  return m as unknown as BundleMetadata;
}

function parseModelJson(text: string): ModelJson {
  const m = parseJson(text, 'model.json');
  if (!isObject(m) || !isObject(m.modelTopology) || !Array.isArray(m.weightsManifest)) {
    throw new Error('model.json is not a TensorFlow.js layers model: it needs "modelTopology" and "weightsManifest".');
  }
  if (m.format !== undefined && m.format !== 'layers-model') {
    throw new Error(`model.json is a TensorFlow.js ${String(m.format)}, not a layers model: the studio imports only models it exported.`);
  }
  for (const group of m.weightsManifest) {
    if (!isObject(group) || !Array.isArray(group.paths) || !Array.isArray(group.weights)) {
      throw new Error('model.json has a malformed "weightsManifest": each group needs "paths" and "weights".');
    }
  }
  return m as unknown as ModelJson;
}

/** A layer config from a Keras/tfjs topology (either "config" object or the old list form). */
function layersOf(topology: Record<string, unknown>): Record<string, unknown>[] {
  const config = topology.config;
  const list = Array.isArray(config) ? config : isObject(config) ? config.layers : undefined;
  return Array.isArray(list) ? list.filter(isObject) : [];
}

/**
 * Input length (tokens per text) and output units of a layers-model topology, read from the
 * JSON without tfjs; null for what cannot be read.
 */
export function describeTopology(topology: Record<string, unknown>): { inputLength: number | null; outputUnits: number | null } {
  const inner = isObject(topology.model_config) ? topology.model_config : topology;
  const layers = layersOf(inner);
  if (layers.length === 0) return { inputLength: null, outputUnits: null };
  const config = isObject(inner.config) ? inner.config : {};
  const byName = (name: unknown) => (typeof name === 'string' ? layers.find((l) => isObject(l.config) && l.config.name === name) : undefined);
  const firstName = (refs: unknown) => (Array.isArray(refs) && Array.isArray(refs[0]) ? refs[0][0] : undefined);
  const inputLayer = byName(firstName(config.input_layers)) ?? layers[0];
  const outputLayer = byName(firstName(config.output_layers)) ?? layers[layers.length - 1];
  const inCfg = isObject(inputLayer.config) ? inputLayer.config : {};
  const shape = inCfg.batch_input_shape ?? inCfg.batchInputShape;
  const inputLength = Array.isArray(shape) && shape.length === 2 && isPositiveInt(shape[1]) ? shape[1] : isPositiveInt(inCfg.input_length) ? inCfg.input_length : null;
  const outCfg = isObject(outputLayer.config) ? outputLayer.config : {};
  return { inputLength, outputUnits: isPositiveInt(outCfg.units) ? outCfg.units : null };
}

/** The number of words a Keras tokenizer JSON keeps (num_words), or null when it keeps all. */
function tokenizerNumWords(text: string): number | null | undefined {
  const t = parseJson(text, 'tokenizer.json');
  if (!isObject(t) || !isObject(t.config)) {
    throw new Error('tokenizer.json is not a Keras tokenizer: it needs {"class_name": "Tokenizer", "config": {…}} as Tokenizer.to_json() writes it.');
  }
  const n = t.config.num_words;
  return n === null || typeof n === 'number' ? n : undefined;
}

/**
 * Checks that the parts of a bundle are all there and belong together, before tfjs reads the
 * weights: every file model.json names is present with the right size, and the model's input
 * and output match metadata.json and tokenizer.json. Throws an Error naming the part at fault.
 */
export function checkBundle(parts: BundleParts): CheckedBundle {
  const missing = (file: string, why: string) =>
    new Error(`The bundle has no ${file} (${why}). Choose the .zip that "Download model" saved, or select model.json, its .bin weights file(s), tokenizer.json and metadata.json together.`);
  if (parts.modelJson === undefined) throw missing('model.json', 'the model architecture and weights manifest');
  if (parts.metadataJson === undefined) throw missing('metadata.json', 'labels and sequence length');
  if (parts.tokenizerJson === undefined) throw missing('tokenizer.json', 'without it texts cannot be turned into token ids');
  const modelJson = parseModelJson(parts.modelJson);
  const metadata = parseMetadata(parts.metadataJson);

  const weightPaths: string[] = [];
  const weightSpecs: WeightEntry[] = [];
  let actual = 0;
  for (const group of modelJson.weightsManifest) {
    for (const path of group.paths) {
      const size = parts.sizes.get(path);
      if (size === undefined) throw new Error(`model.json names weights file ${path} but ${parts.source} ${parts.source.endsWith('files') ? 'have' : 'has'} no such file. Add it, or download the model again.`);
      weightPaths.push(path);
      actual += size;
    }
    weightSpecs.push(...group.weights);
  }
  let expected = 0;
  for (const spec of weightSpecs) {
    if (!isObject(spec) || typeof spec.name !== 'string' || !Array.isArray(spec.shape)) throw new Error('model.json lists a weight without a name or shape: the file is damaged.');
    expected += weightBytes(spec);
  }
  if (actual !== expected) {
    throw new Error(
      `The weights file${weightPaths.length === 1 ? ` ${weightPaths[0]} holds` : `s ${weightPaths.join(', ')} hold`} ${actual} bytes but model.json describes ${expected}: a weights file is damaged or belongs to another model.`,
    );
  }

  const { inputLength, outputUnits } = describeTopology(modelJson.modelTopology);
  const clashes: string[] = [];
  if (inputLength !== null && inputLength !== metadata.spec.sequenceLength) {
    clashes.push(`its input takes ${inputLength} tokens per text but metadata.json's spec says ${metadata.spec.sequenceLength}`);
  }
  if (outputUnits !== null && outputUnits !== metadata.labels.length) {
    clashes.push(`its output has ${outputUnits} units but metadata.json lists ${metadata.labels.length} labels`);
  }
  if (clashes.length) throw new Error(`model.json does not belong to this bundle: ${clashes.join('; ')}. Import the files of one download together.`);

  const numWords = tokenizerNumWords(parts.tokenizerJson);
  if (numWords === null || (typeof numWords === 'number' && numWords > metadata.spec.vocabSize)) {
    throw new Error(
      `tokenizer.json keeps ${numWords === null ? 'every word (num_words is null)' : `${numWords} words`} but the model's embedding has ${metadata.spec.vocabSize} rows: it belongs to another model.`,
    );
  }
  return { modelJson, metadata, tokenizerJson: parts.tokenizerJson, weightPaths, weightSpecs };
}

/** The name a bundle should take in the library: `wanted`, or with " (2)", " (3)"… when taken. */
export function uniqueName(wanted: string, taken: ReadonlySet<string>): string {
  const base = wanted.trim() || 'imported model';
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) {
    const candidate = `${base} (${i})`;
    if (!taken.has(candidate)) return candidate;
  }
}
