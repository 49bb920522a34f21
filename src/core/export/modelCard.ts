/**
 * The README.md model card of a downloaded bundle: what the model was trained on, how well it
 * did, what it is for and not for, and how to use it in TF.js, Keras and the bundled page.
 */
import type { BundleMetadata } from './bundle';
import type { WeightQuantization } from './quantize';

/** Markdown-safe inline text: no line breaks, table pipes and emphasis characters escaped. */
export function mdText(s: string): string {
  return s.replace(/[\r\n]+/g, ' ').replace(/([\\`*_[\]|<>#])/g, '\\$1');
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

const QUANTIZATION_TEXT: Record<WeightQuantization, string> = {
  none: 'float32 (not quantized)',
  float16: 'float16 (half precision; tfjs turns them back into float32 when loading)',
  uint8: '8-bit (uint8 with a scale and minimum per weight; tfjs turns them back into float32 when loading)',
};

export interface ModelCardInput {
  /** The model's name in the studio. */
  name: string;
  metadata: BundleMetadata;
  /** Bytes of the weights file(s) as exported. */
  weightsBytes: number;
  /** Weights file names in model.json's manifest. */
  weightFiles: string[];
}

export function modelCard({ name, metadata: m, weightsBytes, weightFiles }: ModelCardInput): string {
  const q = m.quantization ?? 'none';
  const lines: string[] = [];
  const add = (...more: string[]) => lines.push(...more);
  add(`# ${mdText(name)}`, '');
  add(
    `A convolutional text classifier trained in the browser with Text Classifier Studio ${mdText(m.versions.studio)} ` +
      `(TensorFlow.js ${mdText(m.versions.tfjs)}, ${m.backend} backend) on ${new Date(m.savedAt).toISOString().slice(0, 10)}. ` +
      `It sorts a text into one of ${m.labels.length} classes: ${m.labels.map((l) => `“${mdText(l)}”`).join(', ')}.`,
    '',
  );

  add('## Data', '');
  add(`- Dataset: ${mdText(m.dataset.name)}, ${m.dataset.examples.toLocaleString('en-US')} labeled examples.`);
  add(`- Fingerprint: \`${mdText(m.dataset.fingerprint)}\` (FNV-1a over texts and labels; identifies the exact data).`);
  const textColumns = m.dataset.textColumns ?? [];
  if (textColumns.length) {
    const names = textColumns.map((c) => `“${mdText(c)}”`).join(' + ');
    const label = m.dataset.labelColumn ? `; label from “${mdText(m.dataset.labelColumn)}”` : '';
    add(`- Text from ${textColumns.length > 1 ? `the columns ${names}, joined in this order with a space (predict.html asks for each)` : `the column ${names}`}${label}.`);
  }
  add(
    `- Split: ${pct(m.training.validationSplit)} of each class held out for validation` +
      (m.training.testSplit > 0 ? `, ${pct(m.training.testSplit)} for testing` : '') +
      `, seed ${m.training.seed}. The tokenizer was fitted on the training split only.`,
    '',
  );

  add('## Model', '');
  add(
    `${tokenizerText(m)} → \`pad_sequences(maxlen=${m.spec.sequenceLength}, padding='pre', truncating='pre')\` → ` +
      `Embedding ${m.spec.vocabSize}×${m.spec.embeddingDim} → ${m.spec.layers.map(layerText).join(' → ')} → Dense ${m.labels.length} softmax.`,
  );
  add(
    `Trained with ${m.training.optimizer} (learning rate ${m.training.learningRate}), batch size ${m.training.batchSize}, ${m.training.epochs} epochs asked` +
      (m.metrics ? `, ${m.metrics.epochs.length} run` : '') +
      '.',
  );
  const aug = m.training.augment;
  if (aug && aug.copies > 0) {
    add(
      `Augmented: ${aug.copies} changed ${aug.copies === 1 ? 'copy' : 'copies'} of each training text (word deletion ${aug.deletion}, ${aug.swaps} swaps, ` +
        `${aug.insertions} insertions of same-class words, word dropout ${aug.dropout}; seed ${m.training.seed}). Validation and test texts were not augmented.`,
    );
  }
  add(`Weights: ${QUANTIZATION_TEXT[q]}, ${weightsBytes.toLocaleString('en-US')} bytes.`, '');

  add('## Metrics', '');
  if (!m.metrics) {
    add('No metrics: this model was not trained in this session of the studio.', '');
  } else {
    add(`Validation accuracy ${pct(m.metrics.valAccuracy)}, validation loss ${m.metrics.valLoss.toFixed(4)} (categorical cross-entropy), float32 weights.`, '');
    const report = m.metrics.validation;
    if (report) {
      add('| class | precision | recall | F1 | support |', '|---|---|---|---|---|');
      report.perClass.forEach((c, i) => add(`| ${mdText(m.labels[i] ?? String(i))} | ${pct(c.precision)} | ${pct(c.recall)} | ${pct(c.f1)} | ${c.support} |`));
      add(`| macro average | ${pct(report.macro.precision)} | ${pct(report.macro.recall)} | ${pct(report.macro.f1)} | ${report.total} |`, '');
    }
    if (m.metrics.epochs.length) {
      add('| epoch | loss | accuracy | validation loss | validation accuracy |', '|---|---|---|---|---|');
      for (const e of m.metrics.epochs) add(`| ${e.epoch} | ${e.loss.toFixed(4)} | ${pct(e.accuracy)} | ${e.valLoss.toFixed(4)} | ${pct(e.valAccuracy)} |`);
      add('');
    }
  }

  add('## Intended use', '');
  add(
    `Sorting short texts like those of “${mdText(m.dataset.name)}” into the classes above, as a demo, a baseline or a first filter that a person checks.`,
    'Not for decisions about people (hiring, credit, moderation without review) or for texts unlike the training data.',
    '',
  );

  add('## Limits', '');
  add(
    `- It knows only the ${m.spec.vocabSize.toLocaleString('en-US')} most frequent words of its training split; other words are dropped and texts are cut to their last ${m.spec.sequenceLength} tokens.`,
    '- It always answers one of its classes, even for a text that belongs to none; low top probabilities are a hint, not a guarantee.',
    '- The metrics come from a validation split of the same dataset: expect lower accuracy on texts from elsewhere, and check for bias against groups the data under-represents.',
  );
  if (m.preprocessing.tokenizer === 'keras') {
    add('- Words are split on spaces and punctuation as Keras does: languages written without spaces (Chinese, Japanese, Thai) are not tokenized into words.');
  }
  if (q !== 'none') add(`- The weights are ${q}: predictions can differ slightly from the float32 model the metrics describe.`);
  add('');

  add('## Files', '');
  add(
    `- \`model.json\` and ${weightFiles.map((f) => `\`${mdText(f)}\``).join(', ')}: the model in TensorFlow.js layers format.`,
    "- `tokenizer.json`: the tokenizer in Keras `Tokenizer.to_json()` layout.",
    '- `metadata.json`: labels, preprocessing, model spec, training settings, metrics, dataset fingerprint, versions.',
    '- `predict.html` and `tf.min.js`: a page that classifies texts with this bundle, offline.',
    '',
  );

  add('## Try it: predict.html', '');
  add(
    'Browsers do not let a page read files next to it from `file://`, so serve the folder over HTTP and open the page:',
    '',
    '```sh',
    'python3 -m http.server 8000   # then open http://localhost:8000/predict.html',
    '```',
    '',
  );

  add('## Load it in TensorFlow.js', '');
  add(
    '```js',
    "const model = await tf.loadLayersModel('model.json');",
    "const meta = await (await fetch('metadata.json')).json();",
    "// Turn a text into ids as Keras' Tokenizer + pad_sequences('pre') do (see predict.html),",
    `// then: model.predict(tf.tensor2d([ids], [1, ${m.spec.sequenceLength}], 'int32')) gives one probability per meta.labels entry.`,
    '```',
    '',
  );

  add('## Convert it for Keras', '');
  add(
    'With the `tensorflowjs` Python package (`pip install tensorflowjs`):',
    '',
    '```sh',
    'tensorflowjs_converter --input_format=tfjs_layers_model --output_format=keras model.json model.h5',
    '```',
    '',
    '```python',
    'import json',
    'from tensorflow import keras',
    'from tensorflow.keras.preprocessing.text import tokenizer_from_json',
    'from tensorflow.keras.preprocessing.sequence import pad_sequences',
    '',
    "model = keras.models.load_model('model.h5')",
    "tokenizer = tokenizer_from_json(open('tokenizer.json').read())",
    "labels = json.load(open('metadata.json'))['labels']",
    `ids = pad_sequences(tokenizer.texts_to_sequences(['your text']), maxlen=${m.spec.sequenceLength}, padding='pre', truncating='pre')`,
    'print(labels[model.predict(ids).argmax()])',
    '```',
    '',
  );
  if (m.preprocessing.kerasCompatible === false) {
    add(
      `Keras alone does not read texts as this model does: tokenizer.json's \`studio\` key (${studioText(m)}) must be applied to each text before \`texts_to_sequences\`; predict.html does it.`,
      '',
    );
  }
  return lines.join('\n');
}

function tokenizerText(m: BundleMetadata): string {
  const p = m.preprocessing;
  const words = p.tokenizer === 'char' ? 'characters' : p.tokenizer === 'unicode' ? 'Unicode words (ICU word boundaries)' : 'words';
  const keras = `Keras \`Tokenizer(num_words=${m.spec.vocabSize}${p.tokenizer === 'char' ? ', char_level=True' : ''}${p.lower === false ? ', lower=False' : ''})\``;
  return p.kerasCompatible === false ? `${keras} on ${words} (${studioText(m)})` : keras;
}

function studioText(m: BundleMetadata): string {
  const p = m.preprocessing;
  const parts = [p.tokenizer === 'unicode' ? 'Unicode word segmentation' : null, p.normalize === 'NFKC' ? 'NFKC normalization' : null, p.stopWords && p.stopWords !== 'none' ? `${p.stopWords} stop words removed` : null];
  return parts.filter((x) => x !== null).join(', ') || 'studio preprocessing';
}

function layerText(layer: BundleMetadata['spec']['layers'][number]): string {
  switch (layer.kind) {
    case 'conv1d':
      return `Conv1D ${layer.filters}×${layer.kernelSizes.join('/')} ${layer.activation}`;
    case 'maxPool':
      return `MaxPooling1D ${layer.poolSize}`;
    case 'batchNorm':
      return 'BatchNormalization';
    case 'globalMaxPool':
      return 'GlobalMaxPooling1D';
    case 'globalAvgPool':
      return 'GlobalAveragePooling1D';
    case 'dropout':
      return `Dropout ${layer.rate}`;
    case 'dense':
      return `Dense ${layer.units} ${layer.activation}`;
    default:
      return 'unknown layer';
  }
}
