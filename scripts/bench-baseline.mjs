// The linear baseline (TF-IDF + logistic regression, src/core/eval/baseline.ts) in Node, on the
// studio's own core code: fit + score time and accuracy on 10,000 texts and on each corpus at
// hand, with the split the studio uses (stratified, seeded: 80 % train, 20 % validation).
// Run by `npm run bench` first, or alone: `node scripts/bench-baseline.mjs`. Figures, not pass/fail.
//
// 10,000 texts: the UCI SMS Spam Collection (/work/shared/data or $SMS_PATH, 5,574 texts) plus the
// SpamAssassin sample (public/datasets, 5,906 e-mails), both ham/spam, shuffled with seed 42 and
// cut to 10,000; without the SMS corpus, the SpamAssassin sample repeated to 10,000 (then the
// accuracy is inflated by duplicates across the split: only the time means something).
// scikit-learn (TfidfVectorizer ngram (1,2) + LogisticRegression, lbfgs and saga, the best kept)
// runs on the same rows and split when /usr/bin/python3 can import it.
import { importCoreForNode } from './lib/coreForNode.mjs';
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { mulberry32 } from './lib/mulberry32.mjs';

const SEED = 42;
const SMS = process.env.SMS_PATH ?? resolve('../../shared/data/sms_spam_collection/SMSSpamCollection');
const SMS_FALLBACK = '/work/shared/data/sms_spam_collection/SMSSpamCollection';
const PYTHON = process.env.BENCH_PYTHON ?? '/usr/bin/python3';

const core = await importCoreForNode('bench-baseline', { baseline: 'src/core/eval/baseline.ts', split: 'src/core/data/split.ts' });
const { fitBaseline, scoreBaseline } = core.baseline;
const { stratifiedSplit } = core.split;

if (!existsSync('public/datasets/manifest.json')) execSync('node scripts/build-datasets.mjs', { stdio: 'inherit' });

/** texts and class indices from rows of [text, label]. */
function corpus(name, pairs) {
  const classes = [...new Set(pairs.map((p) => p[1]))].sort();
  return { name, texts: pairs.map((p) => p[0]), labels: Int32Array.from(pairs, (p) => classes.indexOf(p[1])), classes };
}

function readCsv(file) {
  const { data } = Papa.parse(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true });
  return data.map((row) => [row.text, row.label]);
}

function readSms() {
  const file = [SMS, SMS_FALLBACK].find((f) => existsSync(f));
  if (!file) return null;
  // label<TAB>text per line; literal quotes are not quotes here.
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.includes('\t'))
    .map((line) => {
      const tab = line.indexOf('\t');
      return [line.slice(tab + 1), line.slice(0, tab)];
    });
}

function shuffled(pairs, seed) {
  const out = [...pairs];
  const rnd = mulberry32(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function measure(data) {
  const split = stratifiedSplit(data.labels, { validation: 0.2, test: 0, seed: SEED });
  const input = { texts: data.texts, labels: data.labels, classCount: data.classes.length, trainRows: split.train, seed: SEED };
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const model = fitBaseline(input);
  const t1 = performance.now();
  const score = scoreBaseline(model, input, split.validation);
  const t2 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  return { split, model, score, fitS: (t1 - t0) / 1000, scoreS: (t2 - t1) / 1000, cpuS: (cpu.user + cpu.system) / 1e6 };
}

/** scikit-learn on the same rows and split: JSON in, one JSON line out; null when it is not installed. */
function sklearn(data, split) {
  try {
    execFileSync(PYTHON, ['-c', 'import sklearn'], { stdio: 'ignore' });
  } catch {
    return null;
  }
  const dir = mkdtempSync(join(tmpdir(), 'bench-baseline-'));
  const file = join(dir, 'data.json');
  writeFileSync(file, JSON.stringify({ texts: data.texts, labels: Array.from(data.labels), train: Array.from(split.train), test: Array.from(split.validation) }));
  const out = execFileSync(PYTHON, ['scripts/bench_baseline_sklearn.py', file], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(out.trim().split('\n').at(-1));
}

const sms = readSms();
const spam = readCsv('public/datasets/spam-assassin.csv');
const tenK = sms
  ? corpus('10,000 texts: SMS Spam Collection + SpamAssassin, shuffled (seed 42)', shuffled([...sms, ...spam], SEED).slice(0, 10_000))
  : corpus('10,000 texts: SpamAssassin sample repeated (SMS corpus not found; accuracy inflated by duplicates)', Array.from({ length: 10_000 }, (_, i) => spam[i % spam.length]));
const sets = [tenK];
if (sms) sets.push(corpus('SMS Spam Collection (5,574)', sms));
else console.log(`SMS Spam Collection: not found at ${SMS} (set SMS_PATH), so it is left out.`);
const manifest = JSON.parse(readFileSync('public/datasets/manifest.json', 'utf8'));
for (const entry of manifest.datasets) sets.push(corpus(`${entry.name.split(' (')[0]} sample (${entry.rows.toLocaleString('en-US')})`, readCsv(`public/datasets/${entry.file}`)));

const pct = (x) => `${(x * 100).toFixed(2)} %`;
const load = os.loadavg()[0];
console.log(`Linear baseline (TF-IDF + logistic regression), Node ${process.version}, one thread, ${os.cpus()[0]?.model ?? 'CPU'} × ${os.cpus().length}, load ${load.toFixed(1)}; split 80/20 stratified, seed ${SEED}`);
console.log('(cpu s: CPU time of fit + score, the work itself; wall s is longer when other processes share the cores)');
console.log('data                                                           analyzer  features  iters  fit s  score s  cpu s  accuracy  macro F1');
for (const data of sets) {
  const { split, model, score, fitS, scoreS, cpuS } = measure(data);
  console.log(
    `${data.name.slice(0, 62).padEnd(63)}${score.analyzer.padEnd(10)}${String(score.features).padStart(8)}${String(model.iterations).padStart(7)}${fitS.toFixed(2).padStart(7)}${scoreS.toFixed(2).padStart(9)}${cpuS.toFixed(2).padStart(7)}${pct(score.accuracy).padStart(10)}${pct(score.macroF1).padStart(10)}`,
  );
  const peer = sklearn(data, split);
  if (peer) {
    console.log(
      `  scikit-learn ${peer.version}, best of ${peer.tried.join(', ')}: ${peer.best} — fit ${peer.fitS.toFixed(2)} s, accuracy ${pct(peer.accuracy)}, macro F1 ${pct(peer.macroF1)}`,
    );
  } else if (data === tenK) {
    console.log(`  scikit-learn: not installed for ${PYTHON}, so no comparison this run.`);
  }
}
