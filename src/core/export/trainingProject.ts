/**
 * "Download training project": the experiment as a PyTorch project (train.py, studio_model.py,
 * config.json, tokenizer.json, README.md, requirements.txt) that trains the same model on a
 * file too big for the browser with torch.distributed (DDP, started by torchrun) and writes a
 * bundle that "Import model" reads back. This module decides what goes into config.json, what
 * cannot be exported and why, and writes the README; the Python sources come from python/.
 */
import type { FileFormat, Delimiter } from '../data/ingestFormat';
import { validateModelSpec, type ModelSpec } from '../model/modelSpec';
import type { TokenizerConfig } from '../text/tokenizer';
import { tokenizerFromJson } from '../text/tokenizerJson';
import { preprocessingMetadata, tokenizerConfigFor, type PreprocessingMetadata, type TokenizerMode, type TokenizerOptions } from '../text/tokenizerMode';
import { validateTrainConfig, type TrainConfig } from '../train/trainConfig';

export const PROJECT_FORMAT = 'text-classifier-studio-training-project/1';

/** How train.py finds texts and labels in the big file: the studio's column mapping. */
export interface ProjectDataMapping {
  /** Name of the file the mapping was made on (the big file must have the same layout). */
  name: string;
  format: FileFormat;
  delimiter: Delimiter;
  hasHeader: boolean;
  encoding: string;
  /** Column positions (line formats) and names (JSON objects); textColumn is the first text column. */
  textColumn: number;
  labelColumn: number;
  textColumnName: string;
  labelColumnName: string;
  /** Every text column, in column order, when several are joined (their cells with one space); absent: textColumn alone. */
  textColumns?: number[];
  textColumnNames?: string[];
}

/** Everything the page knows that the project needs. */
export interface TrainingProjectInput {
  spec: ModelSpec;
  training: TrainConfig;
  tokenizerOptions: TokenizerOptions;
  /** The mode 'auto' resolved to on the training texts (Preprocess statistics); null when not known. */
  resolvedMode: TokenizerMode | null;
  /** Class names in the order of the model's outputs; null when no dataset is loaded. */
  labels: string[] | null;
  data: ProjectDataMapping | null;
  /** "Drop duplicates" is on in the Data step. */
  dropDuplicates: boolean;
  /** tokenizer.json of the trained or loaded model; null when none is fitted yet. */
  tokenizerJson: string | null;
  /** Python sources by file name (train.py, studio_model.py, …), shipped as they are. */
  sources: Readonly<Record<string, string>>;
  studioVersion: string;
  /** ISO time, written into config.json. */
  createdAt: string;
}

/** config.json: read by train.py. */
export interface ProjectConfig {
  format: typeof PROJECT_FORMAT;
  studioVersion: string;
  createdAt: string;
  spec: ModelSpec;
  training: TrainConfig;
  labels: string[];
  data: ProjectDataMapping;
  /** The studio's TokenizerConfig (camelCase, stop words spelled out): what train.py fits. */
  tokenizer: TokenizerConfig;
  tokenizerMode: TokenizerMode;
  /** metadata.json's "preprocessing" for the bundle train.py writes. */
  preprocessing: PreprocessingMetadata;
  /** Things a person should know before running it (differences from the studio). */
  notes: string[];
}

const KINDS = new Set(['conv1d', 'maxPool', 'batchNorm', 'globalMaxPool', 'globalAvgPool', 'dropout', 'dense']);
const ACTIVATIONS = new Set(['relu', 'tanh', 'sigmoid', 'linear']);

/**
 * Why the project cannot be exported, one sentence each (empty when it can). The layer kinds
 * here are all of the model builder's; a spec from elsewhere (a newer studio, an edited file)
 * with another kind or activation is refused rather than trained differently.
 */
export function trainingProjectRefusals(input: Pick<TrainingProjectInput, 'spec' | 'training' | 'labels' | 'data' | 'dropDuplicates'>): string[] {
  const reasons: string[] = [];
  const layers: readonly unknown[] = Array.isArray(input.spec.layers) ? input.spec.layers : [];
  layers.forEach((raw, i) => {
    const layer = raw as { kind?: unknown; activation?: unknown; padding?: unknown };
    if (!KINDS.has(String(layer.kind))) {
      reasons.push(`Layer ${i + 1} is a "${String(layer.kind)}" layer, which studio_model.py cannot build with Keras' semantics.`);
    } else if (layer.activation !== undefined && !ACTIVATIONS.has(String(layer.activation))) {
      reasons.push(`Layer ${i + 1} uses the "${String(layer.activation)}" activation, which studio_model.py does not know.`);
    } else if (layer.padding !== undefined && layer.padding !== 'valid' && layer.padding !== 'same') {
      reasons.push(`Layer ${i + 1} pads "${String(layer.padding)}"; only valid and same padding are exported.`);
    }
  });
  if (reasons.length === 0) {
    for (const issue of validateModelSpec(input.spec, input.labels?.length ?? 2)) reasons.push(`Model: ${issue.message}`);
  }
  for (const issue of validateTrainConfig(input.training)) reasons.push(`Training: ${issue.message}`);
  if (input.labels === null || input.data === null) {
    reasons.push('Load a dataset first: its columns and classes tell train.py how to read the big file and in which order the outputs go.');
  }
  if (input.dropDuplicates) {
    reasons.push('"Drop duplicates" is on, and train.py keeps every row: turn it off, or remove duplicates from the big file before training.');
  }
  return reasons;
}

/** The tokenizer train.py fits: the fitted model's own when there is one, else the Preprocess options. */
function tokenizerFor(input: TrainingProjectInput): { config: TokenizerConfig; mode: TokenizerMode; note: string | null } {
  if (input.tokenizerJson !== null) {
    const config = tokenizerFromJson(input.tokenizerJson).config;
    const mode: TokenizerMode = config.charLevel ? 'char' : config.segmentation === 'unicode' ? 'unicode' : 'keras';
    return { config, mode, note: null };
  }
  const chosen = input.tokenizerOptions.mode;
  const auto = chosen === 'auto';
  const mode: TokenizerMode = chosen === 'auto' ? (input.resolvedMode ?? 'keras') : chosen;
  const note =
    auto && input.resolvedMode === null
      ? 'The tokenizer mode was "auto" and the studio had not decided it yet (open Preprocess first to let it look at the data), so the project uses Keras words; change "tokenizer" in config.json for Unicode words or characters.'
      : null;
  return { config: tokenizerConfigFor(mode, input.tokenizerOptions, input.spec.vocabSize), mode, note };
}

/** config.json's content. Throws with the refusals when the project cannot be exported. */
export function trainingProjectConfig(input: TrainingProjectInput): ProjectConfig {
  const refusals = trainingProjectRefusals(input);
  if (refusals.length) throw new Error(refusals.join(' '));
  const { config, mode, note } = tokenizerFor(input);
  const notes = [
    'Weights start from the same initializers as in the studio (Glorot uniform, embedding U(-0.05, 0.05)) but another random stream, and DistributedSampler shuffles differently from the studio: metrics agree closely, not bit for bit.',
    'The split (validation, test) is the studio\'s: stratified and seeded, the same rows for the same file and seed.',
  ];
  if (note) notes.push(note);
  if ((input.training.augment?.copies ?? 0) > 0) {
    notes.push('Augmentation (extra changed copies of the training texts) is a studio setting: train.py trains on the original texts only, and config.json leaves it out.');
  }
  if (input.training.backend !== 'auto' || input.training.fused !== undefined || input.training.engineWorkers !== undefined) {
    notes.push('Backend, fused-step and engine settings are about the browser; train.py uses gloo on CPUs and NCCL on GPUs.');
  }
  return {
    format: PROJECT_FORMAT,
    studioVersion: input.studioVersion,
    createdAt: input.createdAt,
    spec: input.spec,
    // train.py does not augment: its bundle's metadata must not say it did (see the note).
    training: withoutAugmentation(input.training),
    labels: input.labels!,
    data: input.data!,
    tokenizer: config,
    tokenizerMode: mode,
    preprocessing: preprocessingMetadata(config, input.spec.sequenceLength),
    notes,
  };
}

function withoutAugmentation(training: TrainConfig): TrainConfig {
  const { augment: _augment, ...rest } = training;
  return rest;
}

/** The project's files (path → text); tokenizer.json only when a tokenizer is fitted. */
export function trainingProjectFiles(input: TrainingProjectInput): Record<string, string> {
  const config = trainingProjectConfig(input);
  const files: Record<string, string> = { ...input.sources };
  files['config.json'] = `${JSON.stringify(config, null, 2)}\n`;
  if (input.tokenizerJson !== null) files['tokenizer.json'] = input.tokenizerJson;
  files['requirements.txt'] = REQUIREMENTS;
  files['README.md'] = trainingProjectReadme(config, input.tokenizerJson !== null, Object.keys(input.sources));
  return files;
}

const REQUIREMENTS = `# PyTorch 1.13 or newer (Debian 12: apt install python3-torch python3-numpy python3-icu)
torch>=1.13
numpy
# Only for Unicode word mode (ICU word segmentation, like the browser's Intl.Segmenter)
PyICU
`;

/** The project's README: what it is, and the commands for one machine, several, CPU and GPU. */
export function trainingProjectReadme(config: ProjectConfig, hasTokenizer: boolean, sources: string[]): string {
  const { spec, training, data, labels } = config;
  const textIndexes = data.textColumns ?? [data.textColumn];
  const textNames = data.textColumnNames ?? [data.textColumnName];
  const several = textIndexes.length > 1;
  const joined = several ? ', joined with a space in that order' : '';
  const columns =
    data.format === 'jsonl' || data.format === 'json'
      ? `objects with the keys ${textNames.map((n) => `"${n}"`).join(' and ')} (text${joined}) and "${data.labelColumnName}" (label)`
      : `${data.format} ${data.format === 'csv' ? `(delimiter ${JSON.stringify(data.delimiter)}) ` : ''}with the text in column${several ? 's' : ''} ${textIndexes.map((c) => c + 1).join(' and ')}${data.hasHeader ? ` (${textNames.map((n) => `"${n}"`).join(' and ')})` : ''}${joined} and the label in column ${data.labelColumn + 1}${data.hasHeader ? ` ("${data.labelColumnName}")` : ''}${data.hasHeader ? ', first line = column names' : ', no header line'}`;
  return `# Training project: ${data.name}

The experiment from Text Classifier Studio, ready for PyTorch's distributed engine
(\`torch.distributed\`, DistributedDataParallel, started by \`torchrun\`), for data that outgrew the
browser. It trains the same model (${spec.layers.length + 2} layers, vocabulary ${spec.vocabSize}, ${spec.sequenceLength} tokens per text)
with the same preprocessing (${config.tokenizerMode} tokenizer) and the same split, and writes a bundle that the
studio's **Export → Import model** reads unchanged.

Files: ${[...sources, 'config.json', ...(hasTokenizer ? ['tokenizer.json'] : []), 'requirements.txt'].map((f) => `\`${f}\``).join(', ')}.

## Install

    pip install -r requirements.txt          # or, on Debian 12: apt install python3-torch python3-numpy python3-icu

## The data

\`--data\` is read like the file the studio mapped: ${columns}, ${data.encoding}.
Classes, in output order: ${labels.map((l) => `"${l}"`).join(', ')}; rows with another label are skipped and counted.
Validation split ${training.validationSplit}, test split ${training.testSplit}, seed ${training.seed} (stratified, as in the studio).

## One machine

    torchrun --standalone --nproc_per_node=N train.py --data big.csv

N processes (one per GPU, or a few per machine on CPUs). Without CUDA it uses the \`gloo\` backend
on the CPU; with CUDA each process takes one GPU and uses \`nccl\`. Force one with
\`--backend gloo\` or \`--backend nccl\`. \`python train.py --data big.csv\` runs one process.

## Several machines

Start the same command on every machine (the file at the same path on each; nothing else is shared):

    torchrun --nnodes=2 --nproc_per_node=8 --rdzv-backend c10d --rdzv-endpoint host0:29400 --rdzv-id my-run \\
             train.py --data big.csv

\`host0:29400\` is a machine and free port all of them reach. GPUs: NCCL (the default with CUDA);
CPU clusters: add \`--backend gloo\`.

## Checkpoints, restarts, progress

After every epoch process 0 writes \`out/checkpoint.pt\`; a new start resumes after the last
finished epoch (\`--no-resume\` starts over). With \`torchrun --max-restarts=3 ...\` a killed worker
restarts the group, which carries on from that checkpoint. Progress lines every \`--log-every\`
steps; loss and accuracy on the validation split after every epoch.

## Back into the studio

At the end \`out/bundle/\` (and \`out/bundle.zip\`) holds model.json + weights (TensorFlow.js layers
format), tokenizer.json and metadata.json: in the studio, **Export → Import model** and choose
\`out/bundle.zip\`. \`python predict.py out/bundle.zip "some text"\` gives PyTorch's probabilities.

## Preprocessing

${hasTokenizer ? 'tokenizer.json is the tokenizer of the model in the studio. By default train.py fits a new one on the big file (same algorithm: Keras\' Tokenizer, words counted over the training split); `--use-tokenizer` applies this one instead, so token ids mean what they meant in the studio.' : 'train.py fits the tokenizer on the training split of the big file with the studio\'s algorithm (Keras\' Tokenizer with the settings in config.json).'}

## Differences from the studio

${config.notes.map((n) => `- ${n}`).join('\n')}
- PyTorch 1.13 with Python 3.11 (Debian 12's python3-torch): its \`torchrun\` fails with
  "'NoneType' object has no attribute 'get'"; run \`python3 launch.py\` with the same arguments instead.
`;
}
