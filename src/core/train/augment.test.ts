import { describe, expect, it } from 'vitest';
import { stratifiedSplit } from '../data/split';
import { padSequences } from '../text/padSequences';
import { fitTokenizer, defaultTokenizerConfig } from '../text/tokenizer';
import {
  augmentProblems,
  augmentRows,
  augmentSizeProblem,
  defaultAugment,
  randomDeletion,
  randomInsertion,
  randomSwap,
  rowTokens,
  tokenDropout,
  unknownTokenId,
  writeRowTokens,
  type AugmentConfig,
} from './augment';
import { defaultTrainConfig, validateTrainConfig } from './trainConfig';

/** A scripted random stream: the hand-worked examples below name every draw. */
function stream(values: number[]): () => number {
  let i = 0;
  return () => {
    if (i >= values.length) throw new Error('the example drew more numbers than scripted');
    return values[i++];
  };
}

describe('the four operations, hand-worked', () => {
  it('random deletion drops each token whose draw is below p', () => {
    // 0.5 ≥ 0.3 keeps 5, 0.1 drops 6, 0.9 keeps 7, 0.29 drops 8.
    expect(randomDeletion([5, 6, 7, 8], 0.3, stream([0.5, 0.1, 0.9, 0.29]))).toEqual([5, 7]);
  });
  it('random deletion keeps one random token when every token would go', () => {
    // All three draws are below 0.5; then floor(0.7 × 3) = 2 keeps the third token.
    expect(randomDeletion([5, 6, 7], 0.5, stream([0.1, 0.2, 0.3, 0.7]))).toEqual([7]);
  });
  it('random swap trades the tokens at two drawn positions, n times', () => {
    // Swap 1: i = floor(0 × 4) = 0, j = floor(0.99 × 4) = 3 → [4, 2, 3, 1].
    // Swap 2: i = floor(0.5 × 4) = 2, j = floor(0.25 × 4) = 1 → [4, 3, 2, 1].
    expect(randomSwap([1, 2, 3, 4], 2, stream([0, 0.99, 0.5, 0.25]))).toEqual([4, 3, 2, 1]);
    expect(randomSwap([7], 3, stream([]))).toEqual([7]);
  });
  it('random insertion puts each drawn token at a drawn position from 0 to the length', () => {
    const drawn = [9, 8];
    // 9 at floor(0 × 4) = 0 → [9, 1, 2, 3]; 8 at floor(0.99 × 5) = 4 → [9, 1, 2, 3, 8].
    expect(randomInsertion([1, 2, 3], 2, () => drawn.shift() ?? null, stream([0, 0.99]))).toEqual([9, 1, 2, 3, 8]);
    expect(randomInsertion([1], 2, () => null, stream([]))).toEqual([1]);
  });
  it('token dropout replaces each token whose draw is below p by the unknown id', () => {
    expect(tokenDropout([4, 5, 6], 0.5, 1, stream([0.6, 0.4, 0.5]))).toEqual([4, 1, 6]);
    expect(tokenDropout([4, 5], 0, 1, stream([]))).toEqual([4, 5]);
  });
});

describe('rows as the run encodes them (pre padding, pre truncation)', () => {
  it('reads the tokens after the padding and writes them back as padSequences does', () => {
    const ids = Int32Array.from([0, 0, 7, 3, 1, 2, 3, 4]);
    expect(rowTokens(ids, 0, 4)).toEqual([7, 3]);
    expect(rowTokens(ids, 1, 4)).toEqual([1, 2, 3, 4]);
    const out = new Int32Array(12).fill(-1);
    writeRowTokens(out, 0, [1, 2, 3, 4, 5], 4);
    writeRowTokens(out, 1, [9], 4);
    writeRowTokens(out, 2, [], 4);
    expect(Array.from(out)).toEqual(Array.from(padSequences([[1, 2, 3, 4, 5], [9], []], { maxlen: 4 })));
    expect(Array.from(out)).toEqual([2, 3, 4, 5, 0, 0, 0, 9, 0, 0, 0, 0]);
  });
  it('the unknown id is the OOV token’s index, else the padding id 0', () => {
    expect(unknownTokenId(fitTokenizer(['a b'], defaultTokenizerConfig({ oovToken: '<OOV>' })))).toBe(1);
    expect(unknownTokenId(fitTokenizer(['a b'], defaultTokenizerConfig()))).toBe(0);
  });
});

/**
 * Ten rows, two classes, length 6. Training rows' tokens are unique to their row (class 0: 10s,
 * class 1: 20s and 30s); held-out rows use 90s, so a token from a held-out row is easy to spot.
 */
function fixture() {
  const L = 6;
  const seqs = [[10, 11, 12], [20, 21], [90, 91, 92], [13, 14, 15, 16], [22, 23, 24], [93], [17, 18], [30, 31, 32, 33, 34, 35], [94, 95], [19]];
  const labels = Int32Array.from([0, 1, 0, 0, 1, 1, 0, 1, 1, 0]);
  const train = Int32Array.from([0, 1, 3, 4, 6, 7, 9]);
  const heldOut = [2, 5, 8];
  return { data: { ids: padSequences(seqs, { maxlen: L }), labels, sequenceLength: L }, train, heldOut, seqs, L };
}

const config = (changes: Partial<AugmentConfig>): AugmentConfig => ({ ...defaultAugment(), copies: 2, ...changes });

describe('augmentRows', () => {
  it('copies = 0 is the identity', () => {
    const { data, train } = fixture();
    const out = augmentRows(data, train, config({ copies: 0 }), { seed: 1, unknownId: 1 });
    expect(out.added).toBe(0);
    expect(Array.from(out.ids)).toEqual(Array.from(data.ids));
    expect(Array.from(out.labels)).toEqual(Array.from(data.labels));
    expect(Array.from(out.train)).toEqual(Array.from(train));
  });

  it('adds copies × training rows after the originals, made from training rows only', () => {
    const { data, train, heldOut, L } = fixture();
    const before = Int32Array.from(data.ids);
    const out = augmentRows(data, train, config({ copies: 3, insertions: 2 }), { seed: 7, unknownId: 1 });
    const rows = data.labels.length;
    expect(out.added).toBe(21);
    expect(out.train.length).toBe(28);
    expect(Array.from(out.train.subarray(0, 7))).toEqual(Array.from(train));
    expect(Array.from(out.train.subarray(7))).toEqual(Array.from({ length: 21 }, (_, k) => rows + k));
    // The input is left alone, and every original row keeps its index and its ids.
    expect(Array.from(data.ids)).toEqual(Array.from(before));
    expect(Array.from(out.ids.subarray(0, rows * L))).toEqual(Array.from(before));
    for (const r of heldOut) expect(Array.from(out.ids.subarray(r * L, r * L + L))).toEqual(Array.from(before.subarray(r * L, r * L + L)));
    // No added row comes from a held-out row, nor holds one of their tokens; each keeps its source's label.
    expect(Array.from(out.sources).every((s) => train.includes(s))).toBe(true);
    for (let k = 0; k < out.added; k++) {
      expect(out.labels[rows + k]).toBe(data.labels[out.sources[k]]);
      expect(rowTokens(out.ids, rows + k, L).every((t) => t < 90 || t === 1)).toBe(true);
    }
    // Copy-major: the first copy of every row, then the second ones.
    expect(Array.from(out.sources)).toEqual([...train, ...train, ...train]);
  });

  it('inserts only words of other training texts of the same class', () => {
    const { data, train, seqs, L } = fixture();
    const out = augmentRows(data, train, { copies: 4, deletion: 0, swaps: 0, insertions: 2, dropout: 0 }, { seed: 3, unknownId: 1 });
    const rows = data.labels.length;
    const classWords = (c: number) => new Set(Array.from(train).filter((r) => data.labels[r] === c).flatMap((r) => seqs[r]));
    for (let k = 0; k < out.added; k++) {
      const source = out.sources[k];
      const own = seqs[source];
      const tokens = rowTokens(out.ids, rows + k, L);
      const inserted = [...tokens];
      for (const t of own) inserted.splice(inserted.indexOf(t), 1);
      // Row 7 (six tokens) + 2 is cut to the last 6; the others keep all their tokens.
      if (own.length + 2 <= L) expect(inserted).toHaveLength(2);
      const sameClass = classWords(data.labels[source]);
      for (const t of inserted) {
        expect(sameClass.has(t)).toBe(true);
        expect(own.includes(t)).toBe(false);
      }
    }
  });

  it('a class with a single training text draws from that text itself', () => {
    const data = { ids: padSequences([[5, 6], [7, 8]], { maxlen: 4 }), labels: Int32Array.from([0, 1]), sequenceLength: 4 };
    const out = augmentRows(data, Int32Array.from([0, 1]), { copies: 1, deletion: 0, swaps: 0, insertions: 2, dropout: 0 }, { seed: 5, unknownId: 0 });
    expect(rowTokens(out.ids, 2, 4).every((t) => t === 5 || t === 6)).toBe(true);
    expect(rowTokens(out.ids, 3, 4).every((t) => t === 7 || t === 8)).toBe(true);
    expect(rowTokens(out.ids, 2, 4)).toHaveLength(4);
  });

  it('token dropout writes the unknown id; deletion and swap keep the row’s own tokens', () => {
    const { data, train, seqs, L } = fixture();
    const out = augmentRows(data, train, { copies: 5, deletion: 0.3, swaps: 2, insertions: 0, dropout: 0.3 }, { seed: 11, unknownId: 1 });
    const rows = data.labels.length;
    let unknown = 0;
    for (let k = 0; k < out.added; k++) {
      const tokens = rowTokens(out.ids, rows + k, L);
      unknown += tokens.filter((t) => t === 1).length;
      expect(tokens.length).toBeGreaterThan(0);
      expect(tokens.every((t) => t === 1 || seqs[out.sources[k]].includes(t))).toBe(true);
    }
    expect(unknown).toBeGreaterThan(0);
  });

  it('is deterministic: same seed, same rows; another seed, other rows', () => {
    const { data, train } = fixture();
    const a = augmentRows(data, train, config({}), { seed: 42, unknownId: 1 });
    const b = augmentRows(data, train, config({}), { seed: 42, unknownId: 1 });
    const c = augmentRows(data, train, config({}), { seed: 43, unknownId: 1 });
    expect(Array.from(a.ids)).toEqual(Array.from(b.ids));
    expect(Array.from(a.ids)).not.toEqual(Array.from(c.ids));
  });

  it('never touches the validation and test rows of a real stratified split', () => {
    const n = 60;
    const L = 5;
    const labels = Int32Array.from({ length: n }, (_, i) => i % 3);
    // Row i holds the tokens 100·(i+1) + 1..4: every token names its row.
    const seqs = Array.from({ length: n }, (_, i) => [1, 2, 3, 4].map((t) => 100 * (i + 1) + t));
    const data = { ids: padSequences(seqs, { maxlen: L }), labels, sequenceLength: L };
    const split = stratifiedSplit(labels, { validation: 0.2, test: 0.2, seed: 9 });
    const out = augmentRows(data, split.train, config({ copies: 3, insertions: 3 }), { seed: 9, unknownId: 0 });
    const heldOut = new Set([...split.validation, ...split.test]);
    for (const r of heldOut) expect(rowTokens(out.ids, r, L)).toEqual(seqs[r]);
    expect(out.train.length).toBe(split.train.length * 4);
    expect(Array.from(out.train).some((r) => heldOut.has(r))).toBe(false);
    for (let k = 0; k < out.added; k++) {
      expect(heldOut.has(out.sources[k])).toBe(false);
      for (const t of rowTokens(out.ids, n + k, L)) if (t !== 0) expect(heldOut.has(Math.floor(t / 100) - 1)).toBe(false);
    }
  });

  it('refuses to grow past the memory limit, with the numbers', () => {
    const data = { ids: new Int32Array(4), labels: new Int32Array(1), sequenceLength: 4 };
    expect(() => augmentRows(data, Int32Array.from({ length: 1 }), config({ copies: 1 }), { seed: 1, unknownId: 0 })).not.toThrow();
    expect(augmentSizeProblem(1_000_000, 3, 10)).toMatch(/would add 3,000,000 training texts \(114 MB of token ids\); the limit is 2,000,000 texts/);
    expect(augmentSizeProblem(300_000, 1, 500)).toMatch(/572 MB of token ids.*Lower "Extra copies per text"/);
    expect(augmentSizeProblem(1000, 4, 500)).toBeNull();
  });
});

describe('settings', () => {
  it('names the field of each problem', () => {
    expect(augmentProblems({ copies: -1, deletion: 1, swaps: 0, insertions: 0, dropout: 0 }).map((p) => p.field)).toEqual(['copies', 'deletion']);
  });
  it('defaults are off and valid', () => {
    expect(defaultAugment().copies).toBe(0);
    expect(augmentProblems(defaultAugment())).toEqual([]);
  });
  it.each([
    [{ copies: 1.5 }, 'Extra copies per text must be a whole number from 0 (off) to 20.'],
    [{ copies: 21 }, 'Extra copies per text must be a whole number from 0 (off) to 20.'],
    [{ deletion: 0.95 }, 'Word deletion must be a chance from 0 to 0.9 (typical: 0.1).'],
    [{ swaps: -1 }, 'Word swaps must be a whole number from 0 to 50 per copy.'],
    [{ insertions: 2.5 }, 'Word insertions must be a whole number from 0 to 50 per copy.'],
    [{ dropout: Number.NaN }, 'Word dropout must be a chance from 0 to 0.9 (typical: 0.1).'],
  ])('%o → %s', (changes, message) => {
    expect(validateTrainConfig({ ...defaultTrainConfig(), augment: { ...defaultAugment(), ...changes } })).toEqual([{ path: 'augment', message }]);
  });
});
