/**
 * predict.html: a standalone page shipped in the downloaded bundle. It loads tf.min.js,
 * model.json, tokenizer.json and metadata.json from its own folder (no CDN, works offline
 * when served) and reimplements Keras' Tokenizer.texts_to_sequences and pad_sequences('pre')
 * in plain JavaScript (with the studio's Unicode words, NFKC and stop words when tokenizer.json
 * asks for them), so it predicts exactly as the studio does.
 */

/** Text safe to place in HTML element content or a double-quoted attribute. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The page script, plain ES2017 so it runs in any current browser without a build step.
 * Exported for tests, which run its tokenizer against the studio's.
 */
export const PREDICT_SCRIPT = String.raw`
'use strict';
/** Keras Tokenizer state from tokenizer.json (Tokenizer.to_json() layout, plus the studio's extensions). */
function readTokenizer(json) {
  var c = json.config;
  var studio = json.studio || {};
  return {
    unicode: studio.segmentation === 'unicode',
    nfkc: studio.normalize === 'NFKC',
    stopWords: new Set(studio.stop_words || []),
    numWords: c.num_words || null,
    filters: new Set(Array.from(c.filters == null ? '!"#$%&()*+,-./:;<=>?@[\\]^_${'`'}{|}~\t\n' : c.filters)),
    lower: c.lower !== false,
    split: c.split == null ? ' ' : c.split,
    charLevel: c.char_level === true,
    oovToken: c.oov_token == null ? null : c.oov_token,
    // A Map, so words like "constructor" never hit Object.prototype.
    wordIndex: new Map(Object.entries(JSON.parse(c.word_index)))
  };
}
/** Keras text_to_word_sequence (or characters when char_level, or Unicode words), then stop words. */
function tokens(t, text) {
  if (t.nfkc) text = text.normalize('NFKC');
  if (t.lower) text = text.toLowerCase();
  if (t.charLevel) return Array.from(text);
  var words;
  if (t.unicode) {
    words = Array.from(new Intl.Segmenter('en', { granularity: 'word' }).segment(text))
      .filter(function (s) { return s.isWordLike; })
      .map(function (s) { return s.segment; });
  } else {
    var out = '';
    for (var ch of text) out += t.filters.has(ch) ? t.split : ch;
    words = out.split(t.split).filter(function (w) { return w.length > 0; });
  }
  return words.filter(function (w) { return !t.stopWords.has(w.toLowerCase()); });
}
/** Keras texts_to_sequences for one text: num_words cut-off and the oov token honoured. */
function textToIds(t, text) {
  var oov = t.oovToken === null ? undefined : t.wordIndex.get(t.oovToken);
  var ids = [];
  tokens(t, text).forEach(function (w) {
    var i = t.wordIndex.get(w);
    if (i !== undefined && (!t.numWords || i < t.numWords)) ids.push(i);
    else if (oov !== undefined) ids.push(oov);
  });
  return ids;
}
/** The text of several text columns, as the studio joins them: one cell as it is; several, the non-empty ones with one space. */
function joinCells(cells) {
  if (cells.length === 1) return cells[0];
  return cells.filter(function (c) { return c.trim() !== ''; }).join(' ');
}
/** Keras pad_sequences(maxlen, padding='pre', truncating='pre') for one sequence. */
function padPre(ids, maxlen) {
  var row = new Int32Array(maxlen);
  var kept = ids.slice(Math.max(0, ids.length - maxlen));
  row.set(kept, maxlen - kept.length);
  return row;
}
`;

const PAGE_SCRIPT = String.raw`
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var state = null;
  function fail(message) {
    $('error').textContent = message;
    $('error').hidden = false;
    $('status').textContent = 'Not ready.';
  }
  async function json(file) {
    var response = await fetch(file);
    if (!response.ok) throw new Error(file + ': HTTP ' + response.status);
    return response.json();
  }
  async function load() {
    if (location.protocol === 'file:') {
      throw new Error('Browsers do not let a page opened from file:// read the model files next to it. Serve this folder, e.g. "python3 -m http.server 8000", then open http://localhost:8000/predict.html.');
    }
    if (typeof tf === 'undefined') throw new Error('tf.min.js did not load: keep it in the same folder as predict.html.');
    // One text at a time is quick on the CPU, and float32 there everywhere: WebGL may compute in
    // half precision (seen: probabilities 0.004 off the studio's).
    await tf.setBackend('cpu');
    var parts = await Promise.all([tf.loadLayersModel('model.json'), json('tokenizer.json'), json('metadata.json')]);
    state = { model: parts[0], tokenizer: readTokenizer(parts[1]), meta: parts[2], fields: [] };
    showColumns((state.meta.dataset && state.meta.dataset.textColumns) || []);
    $('status').textContent = 'Ready: ' + state.meta.labels.length + ' classes, TensorFlow.js ' + tf.version.tfjs + ' on ' + tf.getBackend() + '.';
    $('classify').disabled = false;
  }
  /** Several text columns: one box per column (named by it), joined as the studio joined them in training. */
  function showColumns(columns) {
    if (columns.length < 2) return;
    $('single').hidden = true;
    var holder = $('columns');
    columns.forEach(function (name, i) {
      var label = document.createElement('label');
      label.htmlFor = 'column-' + i;
      label.textContent = name;
      var box = document.createElement('textarea');
      box.id = 'column-' + i;
      box.rows = 2;
      holder.appendChild(label);
      holder.appendChild(box);
      state.fields.push(box);
    });
    var note = document.createElement('p');
    note.textContent = 'Joined in this order with a space, as in training.';
    holder.appendChild(note);
    holder.hidden = false;
  }
  async function classify() {
    var text = state.fields.length ? joinCells(state.fields.map(function (f) { return f.value; })) : $('text').value;
    var maxlen = state.meta.preprocessing.sequenceLength;
    var ids = padPre(textToIds(state.tokenizer, text), maxlen);
    var input = tf.tensor2d(ids, [1, maxlen], 'int32');
    var output = state.model.predict(input);
    var probabilities = Array.from(await output.data());
    tf.dispose([input, output]);
    var best = probabilities.indexOf(Math.max.apply(null, probabilities));
    var result = $('result');
    result.replaceChildren();
    var head = document.createElement('p');
    head.textContent = 'Predicted: ' + state.meta.labels[best] + ' (' + (probabilities[best] * 100).toFixed(1) + '%)';
    result.appendChild(head);
    var list = document.createElement('ul');
    probabilities.forEach(function (p, i) {
      var item = document.createElement('li');
      item.textContent = state.meta.labels[i] + ': ' + (p * 100).toFixed(2) + '%';
      item.dataset.probability = String(p);
      list.appendChild(item);
    });
    result.appendChild(list);
    result.dataset.topClass = state.meta.labels[best];
    result.dataset.probabilities = JSON.stringify(probabilities);
  }
  $('classify').addEventListener('click', function () {
    classify().catch(function (e) { fail('Prediction failed: ' + e.message); });
  });
  load().catch(function (e) { fail('Could not load the model: ' + e.message); });
})();
`;

/** The whole predict.html for a model called `name`. */
export function predictPage(name: string): string {
  const title = escapeHtml(name);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · predict</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 40rem; padding: 0 1rem; color-scheme: light dark; }
  textarea { width: 100%; font: inherit; box-sizing: border-box; }
  #columns label { display: block; margin-top: .5rem; }
  button { font: inherit; margin-top: .5rem; padding: .3rem 1rem; }
  [role=alert] { color: #b00020; }
</style>
<script src="tf.min.js"></script>
</head>
<body>
<main>
<h1>${title}</h1>
<p id="status" role="status">Loading the model…</p>
<div id="single"><label for="text">Text to classify</label>
<textarea id="text" rows="4"></textarea></div>
<div id="columns" hidden></div>
<button id="classify" type="button" disabled>Classify</button>
<section id="result" aria-label="Prediction" aria-live="polite"></section>
<p id="error" role="alert" hidden></p>
</main>
<script>${PREDICT_SCRIPT}${PAGE_SCRIPT}</script>
</body>
</html>
`;
}
