/**
 * Augmentation for small data (EDA-style, Wei & Zou 2019, plus word dropout): every training
 * text gets `copies` changed copies — random deletion, random swap, random insertion of a word
 * from another training text of the same class, token dropout — seeded, so the same seed makes
 * the same copies.
 *
 * It works on the encoded id rows, not on the words before tokenizing: the tokenizer stays
 * fitted on the original training texts only (its vocabulary and counts are not skewed by the
 * copies, and the saved tokenizer.json is the one a plain run would have), nothing is tokenized
 * twice, and an inserted word from another text is already an id of the same vocabulary.
 * Rows are laid out as the run encodes them (encodeTexts' defaults, Keras' pad_sequences):
 * padding 0 in front ('pre'), the first tokens cut when too long ('pre'), real ids ≥ 1.
 * Only rows listed as training rows are read; held-out rows are never read nor written.
 */
import { mulberry32 } from '../random';
import type { TokenizerState } from '../text/tokenizer';

/** The augmentation settings, part of TrainConfig (absent there: off). */
export interface AugmentConfig {
  /** Changed copies added per training text; 0 turns augmentation off. */
  copies: number;
  /** Random deletion: chance that each token of a copy is dropped, 0–0.9. */
  deletion: number;
  /** Random swap: swaps of two random positions per copy. */
  swaps: number;
  /** Random insertion: tokens inserted per copy, each from another training text of the same class. */
  insertions: number;
  /** Token dropout: chance that each token of a copy becomes the unknown id, 0–0.9. */
  dropout: number;
}

export function defaultAugment(): AugmentConfig {
  return { copies: 0, deletion: 0.1, swaps: 1, insertions: 1, dropout: 0.1 };
}

/** Most copies per text the setting takes. */
export const MAX_COPIES = 20;
/** Most texts augmentation may add to one run. */
export const MAX_AUGMENTED_ROWS = 2_000_000;
/** Most memory the added id rows may take, bytes (int32 per token slot). */
export const MAX_AUGMENTED_BYTES = 512 * 1024 * 1024;

/** One problem with the settings: which one, and what to do. */
export interface AugmentProblem {
  field: keyof AugmentConfig;
  message: string;
}

/** Problems with the settings, one sentence each (empty when valid). */
export function augmentProblems(a: AugmentConfig): AugmentProblem[] {
  const problems: AugmentProblem[] = [];
  const whole = (n: number, max: number) => Number.isInteger(n) && n >= 0 && n <= max;
  const share = (p: number) => p >= 0 && p <= 0.9;
  const add = (field: keyof AugmentConfig, message: string) => problems.push({ field, message });
  if (!whole(a.copies, MAX_COPIES)) add('copies', `Extra copies per text must be a whole number from 0 (off) to ${MAX_COPIES}.`);
  if (!share(a.deletion)) add('deletion', 'Word deletion must be a chance from 0 to 0.9 (typical: 0.1).');
  if (!whole(a.swaps, 50)) add('swaps', 'Word swaps must be a whole number from 0 to 50 per copy.');
  if (!whole(a.insertions, 50)) add('insertions', 'Word insertions must be a whole number from 0 to 50 per copy.');
  if (!share(a.dropout)) add('dropout', 'Word dropout must be a chance from 0 to 0.9 (typical: 0.1).');
  return problems;
}

/** Why augmenting `trainRows` texts would take too much memory, or null when it fits. */
export function augmentSizeProblem(trainRows: number, copies: number, sequenceLength: number): string | null {
  const rows = trainRows * copies;
  const bytes = rows * sequenceLength * 4;
  if (rows <= MAX_AUGMENTED_ROWS && bytes <= MAX_AUGMENTED_BYTES) return null;
  const mb = (b: number) => `${Math.round(b / (1024 * 1024)).toLocaleString('en-US')} MB`;
  return (
    `Augmentation would add ${rows.toLocaleString('en-US')} training texts (${mb(bytes)} of token ids); the limit is ` +
    `${MAX_AUGMENTED_ROWS.toLocaleString('en-US')} texts and ${mb(MAX_AUGMENTED_BYTES)}. Lower "Extra copies per text" (Train, Advanced settings) ` +
    'or set it to 0: augmentation is meant for small datasets.'
  );
}

/**
 * The id that stands for an unknown word: the OOV token's index (1) when the tokenizer has one;
 * otherwise 0, the padding id, which is what the model sees where there is no word (Keras drops
 * unknown words when there is no OOV token, so "unknown" and "absent" are the same then).
 */
export function unknownTokenId(tokenizer: Pick<TokenizerState, 'config' | 'wordIndex'>): number {
  const oov = tokenizer.config.oovToken;
  return oov === null ? 0 : (tokenizer.wordIndex.get(oov) ?? 0);
}

type Random = () => number;
const pick = (n: number, random: Random) => Math.floor(random() * n);

/** Each token dropped with chance `p`; when all would go, one random token stays (as in EDA). */
export function randomDeletion(tokens: readonly number[], p: number, random: Random): number[] {
  if (p <= 0 || tokens.length === 0) return tokens.slice();
  const kept = tokens.filter(() => random() >= p);
  return kept.length > 0 ? kept : [tokens[pick(tokens.length, random)]];
}

/** `n` times, two random positions (possibly the same one) trade tokens. */
export function randomSwap(tokens: readonly number[], n: number, random: Random): number[] {
  const out = tokens.slice();
  if (out.length < 2) return out;
  for (let k = 0; k < n; k++) {
    const i = pick(out.length, random);
    const j = pick(out.length, random);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** `n` times, a token from `draw` (null: none to draw) goes in at a random position (0..length). */
export function randomInsertion(tokens: readonly number[], n: number, draw: () => number | null, random: Random): number[] {
  const out = tokens.slice();
  for (let k = 0; k < n; k++) {
    const token = draw();
    if (token === null) break;
    out.splice(pick(out.length + 1, random), 0, token);
  }
  return out;
}

/** Each token replaced by `unknownId` with chance `p`; the length stays. */
export function tokenDropout(tokens: readonly number[], p: number, unknownId: number, random: Random): number[] {
  return p <= 0 ? tokens.slice() : tokens.map((t) => (random() < p ? unknownId : t));
}

/** The tokens of one encoded row: what follows the leading padding (real ids are ≥ 1). */
export function rowTokens(ids: Int32Array, row: number, sequenceLength: number): number[] {
  const start = row * sequenceLength;
  let from = start;
  const end = start + sequenceLength;
  while (from < end && ids[from] === 0) from++;
  return Array.from(ids.subarray(from, end));
}

/** Writes `tokens` as row `row` of `out`: padded with 0 in front, the first ones cut when too long. */
export function writeRowTokens(out: Int32Array, row: number, tokens: readonly number[], sequenceLength: number): void {
  const kept = Math.min(tokens.length, sequenceLength);
  const at = row * sequenceLength + (sequenceLength - kept);
  out.fill(0, row * sequenceLength, at);
  for (let i = 0; i < kept; i++) out[at + i] = tokens[tokens.length - kept + i];
}

/** Encoded rows as augmentation reads and writes them (row-major, rows × sequenceLength). */
export interface EncodedRows {
  ids: Int32Array;
  labels: Int32Array;
  sequenceLength: number;
}

export interface Augmented {
  /** The original rows, unchanged and at the same indices, followed by the added copies. */
  ids: Int32Array;
  labels: Int32Array;
  /** The training rows to train on: the original training rows, then every added row. */
  train: Int32Array;
  /** For each added row (index rows + k), the training row it was made from. */
  sources: Int32Array;
  /** Rows added. */
  added: number;
}

/**
 * `config.copies` changed copies of every training row, made in copy-major order (all rows'
 * first copies, then the second ones) with one seeded stream. Each copy starts from the
 * original row and goes through deletion, swap, insertion and dropout in that order.
 * Insertion draws from the other training rows of the same class (the row itself only when
 * its class has no other training text with tokens). Throws when the result would be too big.
 */
export function augmentRows(data: EncodedRows, train: Int32Array, config: AugmentConfig, options: { seed: number; unknownId: number }): Augmented {
  const L = data.sequenceLength;
  const rows = data.labels.length;
  const added = train.length * config.copies;
  const tooBig = augmentSizeProblem(train.length, config.copies, L);
  if (tooBig) throw new Error(tooBig);
  const ids = new Int32Array((rows + added) * L);
  ids.set(data.ids.subarray(0, rows * L));
  const labels = new Int32Array(rows + added);
  labels.set(data.labels.subarray(0, rows));
  const sources = new Int32Array(added);
  const trainOut = new Int32Array(train.length + added);
  trainOut.set(train);
  if (added === 0) return { ids, labels, train: trainOut, sources, added };

  const tokens = Array.from(train, (r) => rowTokens(data.ids, r, L));
  const { pools, slot } = sameClassPools(data.labels, train, tokens);
  const random = mulberry32(options.seed ^ 0x5eed_a11);
  let next = rows;
  for (let copy = 0; copy < config.copies; copy++) {
    for (let t = 0; t < train.length; t++) {
      const label = data.labels[train[t]];
      const draw = () => drawSameClass(pools.get(label) ?? [], t, slot[t], tokens, random);
      let seq = randomDeletion(tokens[t], config.deletion, random);
      seq = randomSwap(seq, config.swaps, random);
      seq = randomInsertion(seq, config.insertions, draw, random);
      seq = tokenDropout(seq, config.dropout, options.unknownId, random);
      writeRowTokens(ids, next, seq, L);
      labels[next] = label;
      sources[next - rows] = train[t];
      trainOut[train.length + next - rows] = next;
      next++;
    }
  }
  return { ids, labels, train: trainOut, sources, added };
}

/**
 * For each class, the positions (in `train`) of its training rows that have tokens; `slot[t]`:
 * where position t sits in its class' pool (-1: not there, it has no tokens).
 */
function sameClassPools(labels: Int32Array, train: Int32Array, tokens: number[][]): { pools: Map<number, number[]>; slot: Int32Array } {
  const pools = new Map<number, number[]>();
  const slot = new Int32Array(train.length).fill(-1);
  for (let t = 0; t < train.length; t++) {
    if (tokens[t].length === 0) continue;
    const label = labels[train[t]];
    let pool = pools.get(label);
    if (!pool) pools.set(label, (pool = []));
    slot[t] = pool.length;
    pool.push(t);
  }
  return { pools, slot };
}

/**
 * A random token of a random other row of `pool` (positions in train; `at`: where row `self`
 * sits in it, -1 if not), or of row `self` when no other row has tokens; null when none has.
 */
function drawSameClass(pool: readonly number[], self: number, at: number, tokens: number[][], random: Random): number | null {
  const others = at >= 0 ? pool.length - 1 : pool.length;
  let from: number;
  if (others > 0) {
    const k = pick(others, random);
    from = pool[at >= 0 && k >= at ? k + 1 : k];
  } else if (tokens[self].length > 0) {
    from = self;
  } else {
    return null;
  }
  const source = tokens[from];
  return source[pick(source.length, random)];
}
