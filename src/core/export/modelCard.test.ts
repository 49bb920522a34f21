import { describe, expect, it } from 'vitest';
import { fixtureMetadata } from '../testFixtures/bundleFixture';
import { mdText, modelCard } from './modelCard';

const card = (overrides: Parameters<typeof fixtureMetadata>[0] = {}) =>
  modelCard({ name: 'Topics v1', metadata: fixtureMetadata(overrides), weightsBytes: 143_000, weightFiles: ['group1-shard1of1.bin'] });

describe('modelCard', () => {
  it.each([
    ['title', '# Topics v1'],
    ['classes', 'one of 4 classes: “sport”, “business”, “tech”, “politics”'],
    ['data', '- Dataset: Demo topics, 240 labeled examples.'],
    ['fingerprint', '`fnv1a32:0badf00d:240`'],
    ['architecture', "Keras `Tokenizer(num_words=2000)` → `pad_sequences(maxlen=40, padding='pre', truncating='pre')` → Embedding 2000×16 → Conv1D 32×3 relu → GlobalMaxPooling1D → Dense 32 relu → Dense 4 softmax."],
    ['metrics', 'Validation accuracy 87.5%, validation loss 0.4321'],
    ['epoch table', '| 2 | 0.6000 | 80.0% | 0.4321 | 87.5% |'],
    ['intended use', '## Intended use'],
    ['limits', '## Limits'],
    ['TF.js loading', "tf.loadLayersModel('model.json')"],
    ['Keras conversion', 'tensorflowjs_converter --input_format=tfjs_layers_model --output_format=keras model.json model.h5'],
    ['Keras tokenizer', "tokenizer_from_json(open('tokenizer.json').read())"],
    ['serving predict.html', 'python3 -m http.server 8000'],
    ['weights', 'Weights: float32 (not quantized), 143,000 bytes.'],
  ])('has the %s', (_part, text) => {
    expect(card()).toContain(text);
  });

  it.each([
    ['float16', 'Weights: float16 (half precision'],
    ['uint8', 'Weights: 8-bit (uint8 with a scale and minimum per weight'],
  ] as const)('describes %s weights and warns that predictions can differ', (quantization, text) => {
    const md = card({ quantization });
    expect(md).toContain(text);
    expect(md).toContain(`- The weights are ${quantization}: predictions can differ slightly`);
  });

  it('names the text columns joined for each text, and says nothing of them for older bundles', () => {
    const dataset = { ...fixtureMetadata().dataset, textColumns: ['title', 'description'], labelColumn: 'class' };
    expect(card({ dataset })).toContain('- Text from the columns “title” + “description”, joined in this order with a space (predict.html asks for each); label from “class”.');
    expect(card({ dataset: { ...dataset, textColumns: ['text'], labelColumn: 'label' } })).toContain('- Text from the column “text”; label from “label”.');
    expect(card()).not.toContain('- Text from');
  });

  it('explains the studio tokenizer extensions Keras does not apply', () => {
    const m = fixtureMetadata();
    const md = card({ preprocessing: { ...m.preprocessing, tokenizer: 'unicode', stopWords: 'english', kerasCompatible: false } });
    expect(md).toContain('on Unicode words (ICU word boundaries) (Unicode word segmentation, english stop words removed)');
    expect(md).toContain("tokenizer.json's `studio` key (Unicode word segmentation, english stop words removed) must be applied");
    expect(md).not.toContain('languages written without spaces');
  });

  it('says how the training texts were augmented, and only when they were', () => {
    const m = fixtureMetadata();
    const augment = { copies: 2, deletion: 0.1, swaps: 1, insertions: 1, dropout: 0.15 };
    expect(card({ training: { ...m.training, augment } })).toContain(
      'Augmented: 2 changed copies of each training text (word deletion 0.1, 1 swaps, 1 insertions of same-class words, word dropout 0.15; seed 42). Validation and test texts were not augmented.',
    );
    expect(card({ training: { ...m.training, augment: { ...augment, copies: 0 } } })).not.toContain('Augmented');
    expect(card()).not.toContain('Augmented');
  });

  it('says so when there are no metrics', () => {
    expect(card({ metrics: null })).toContain('No metrics: this model was not trained in this session');
  });

  it('lists per-class metrics when the validation report is there', () => {
    const m = fixtureMetadata();
    const perClass = [0.9, 0.8, 0.7, 0.6].map((f1, i) => ({ precision: f1, recall: f1, f1, support: 10 + i }));
    const md = card({
      metrics: { ...m.metrics!, validation: { accuracy: 0.8, perClass, macro: { precision: 0.75, recall: 0.75, f1: 0.75 }, weighted: { precision: 0.75, recall: 0.75, f1: 0.75 }, total: 46 } },
    });
    expect(md).toContain('| tech | 70.0% | 70.0% | 70.0% | 12 |');
    expect(md).toContain('| macro average | 75.0% | 75.0% | 75.0% | 46 |');
  });

  it('keeps user strings from breaking the markdown', () => {
    const md = card({ labels: ['a|b', '**bold**', 'line\nbreak', '<script>'], dataset: { name: '# heading', fingerprint: 'x', examples: 1 } });
    expect(md).toContain('“a\\|b”');
    expect(md).toContain('“\\*\\*bold\\*\\*”');
    expect(md).toContain('“line break”');
    expect(md).not.toContain('<script>');
    expect(md).toContain('- Dataset: \\# heading');
  });
});

describe('mdText', () => {
  it.each([
    ['plain words', 'plain words'],
    ['a_b*c', 'a\\_b\\*c'],
    ['[link](x)', '\\[link\\](x)'],
  ])('%j → %j', (input, output) => {
    expect(mdText(input)).toBe(output);
  });
});
