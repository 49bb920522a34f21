import { describe, expect, it } from 'vitest';
import { defaultModelSpec } from '../model/modelSpec';
import { PRESETS } from './presets';
import { halvingEpochs, halvingRungs, SuccessiveHalving } from './searchHalving';
import { applyTrial, budgetSpent, gridSize, gridTrials, gridValues, planTrials, randomTrials, sampleValue } from './searchPlan';
import { defaultSearchSettings, domainText, parseDomain, validateSearchSettings, type SearchSettings } from './searchSpace';
import { defaultTrainConfig } from './trainConfig';

describe('parseDomain', () => {
  it.each([
    ['learningRate', '0.0001 to 0.1', { kind: 'range', min: 0.0001, max: 0.1 }],
    ['learningRate', '1e-4..1e-1', { kind: 'range', min: 0.0001, max: 0.1 }],
    ['filters', '16, 32,64 32', { kind: 'list', values: [16, 32, 64] }],
    ['filters', '8 – 128', { kind: 'range', min: 8, max: 128 }],
    ['optimizer', 'Adam, sgd', { kind: 'list', values: ['adam', 'sgd'] }],
    ['kernelSizes', '3; 3,4,5 | 5', { kind: 'list', values: ['3', '3,4,5', '5'] }],
    ['dropout', '0.5 to 0.5', { kind: 'list', values: [0.5] }],
  ] as const)('%s “%s”', (param, text, domain) => {
    expect(parseDomain(param, text)).toEqual({ domain });
  });

  it.each([
    ['filters', '', 'Filters: give values (like 16, 32, 64) or turn it off.'],
    ['filters', '16, 2.5', 'Filters: 2.5 is not whole numbers from 1 to 4096.'],
    ['filters', '16, lots', 'Filters: “lots” is not a number.'],
    ['learningRate', '0.1 to 0.001', 'Learning rate: the range 0.1 to 0.001 runs backwards; write the smaller number first.'],
    ['learningRate', '0 to 0.1', 'Learning rate: 0 is not above 0 and at most 10.'],
    ['dropout', '0.2, 1', 'Dropout: 1 is not from 0 to 0.95.'],
    ['optimizer', 'adam, lion', 'Optimizer: “lion” is not one of adam, sgd, rmsprop.'],
    ['kernelSizes', '3; 3,x', 'Kernel sizes: “3,x” is not sets of whole numbers from 1 to 64, like 3 or 3,4,5.'],
    ['optimizer', 'adam to sgd', 'Optimizer: “to” is not one of adam, sgd, rmsprop.'],
  ] as const)('%s “%s” is refused', (param, text, error) => {
    expect(parseDomain(param, text)).toEqual({ error });
  });

  it('reads back what domainText writes', () => {
    for (const [param, text] of [['learningRate', '0.001 to 0.1'], ['kernelSizes', '3; 3,4,5'], ['batchSize', '16, 32']] as const) {
      const { domain } = parseDomain(param, text);
      expect(domainText(param, domain!)).toBe(text);
    }
  });
});

describe('validateSearchSettings', () => {
  const settings = (changes: Partial<SearchSettings>): SearchSettings => ({ ...defaultSearchSettings(), space: { filters: { kind: 'list', values: [16, 32] } }, ...changes });
  it('accepts a sound search', () => expect(validateSearchSettings(settings({}))).toEqual([]));
  it('needs something varied, a budget and halving without epochs', () => {
    expect(validateSearchSettings(settings({ space: {} })).map((i) => i.path)).toEqual(['space']);
    expect(validateSearchSettings(settings({ maxTrials: 0, maxMinutes: 0 })).map((i) => i.message)).toEqual([
      'Trials must be a whole number from 1 to 200.',
      'Minutes must be above 0 and at most 1440 (a day).',
    ]);
    const halving = settings({ method: 'halving', eta: 1, space: { epochs: { kind: 'list', values: [1, 2] } } });
    expect(validateSearchSettings(halving).map((i) => i.path)).toEqual(['eta', 'epochs']);
  });
  it('refuses values outside a setting’s bounds even when built by hand', () => {
    expect(validateSearchSettings(settings({ space: { dropout: { kind: 'range', min: 0, max: 2 } } }))[0].message).toBe('Dropout: 2 is not from 0 to 0.95.');
  });
});

describe('grid', () => {
  const space = { learningRate: { kind: 'range', min: 0.001, max: 0.1 }, filters: { kind: 'list', values: [16, 32] } } as const;
  it('spreads a learning-rate range on a log scale and integer ranges on whole numbers', () => {
    expect(gridValues('learningRate', space.learningRate, 3)).toEqual([0.001, 0.01, 0.1]);
    expect(gridValues('filters', { kind: 'range', min: 8, max: 10 }, 4)).toEqual([8, 9, 10]);
    expect(gridValues('dropout', { kind: 'range', min: 0, max: 0.5 }, 3)).toEqual([0, 0.25, 0.5]);
  });
  it('enumerates every combination, the last setting fastest', () => {
    expect(gridSize(space, 3)).toBe(6);
    expect(gridTrials(space, 3)).toEqual([
      { learningRate: 0.001, filters: 16 },
      { learningRate: 0.001, filters: 32 },
      { learningRate: 0.01, filters: 16 },
      { learningRate: 0.01, filters: 32 },
      { learningRate: 0.1, filters: 16 },
      { learningRate: 0.1, filters: 32 },
    ]);
  });
  it('is refused with its size when larger than the trial budget', () => {
    const plan = planTrials({ ...defaultSearchSettings(), method: 'grid', space, maxTrials: 4 });
    expect(plan.trials).toEqual([]);
    expect(plan.issues[0].message).toBe('The grid has 6 combinations, more than the budget of 4 trials: raise Trials to 6, give fewer values, or choose Random.');
    expect(planTrials({ ...defaultSearchSettings(), method: 'grid', space, maxTrials: 6 })).toMatchObject({ note: '6 combinations', issues: [] });
  });
});

describe('random sampling', () => {
  const space = { learningRate: { kind: 'range', min: 0.0001, max: 0.1 }, batchSize: { kind: 'range', min: 16, max: 20 }, optimizer: { kind: 'list', values: ['adam', 'sgd'] } } as const;
  it('repeats exactly for the same seed and differs for another', () => {
    expect(randomTrials(space, 5, 7)).toEqual(randomTrials(space, 5, 7));
    expect(randomTrials(space, 5, 7)).not.toEqual(randomTrials(space, 5, 8));
  });
  it('stays within bounds: whole batch sizes, learning rates log-uniform', () => {
    const trials = randomTrials(space, 200, 3);
    const rates = trials.map((t) => t.learningRate as number);
    expect(Math.min(...rates)).toBeGreaterThanOrEqual(0.0001);
    expect(Math.max(...rates)).toBeLessThanOrEqual(0.1);
    expect(trials.every((t) => Number.isInteger(t.batchSize) && (t.batchSize as number) >= 16 && (t.batchSize as number) <= 20)).toBe(true);
    // Log-uniform over three decades: about a third of the draws in each decade (uniform would put 90% in the last).
    const decades = [0.001, 0.01, 0.1].map((top, i, all) => rates.filter((r) => r < top && r >= (i ? all[i - 1] : 0)).length / rates.length);
    for (const share of decades) expect(share).toBeGreaterThan(0.22);
    expect(new Set(trials.map((t) => t.optimizer))).toEqual(new Set(['adam', 'sgd']));
  });
  it('maps the generator’s draws to values as hand-computed', () => {
    const draws = [0, 0.5, 0.999];
    const next = () => draws.shift()!;
    expect(sampleValue('learningRate', { kind: 'range', min: 0.001, max: 0.1 }, next)).toBe(0.001);
    expect(sampleValue('learningRate', { kind: 'range', min: 0.001, max: 0.1 }, next)).toBe(0.01);
    expect(sampleValue('epochs', { kind: 'range', min: 1, max: 3 }, next)).toBe(3);
  });
  it('draws distinct trials, fewer when the space is smaller than the budget', () => {
    const plan = planTrials({ ...defaultSearchSettings(), space: { optimizer: space.optimizer }, maxTrials: 8 });
    expect(plan.trials).toHaveLength(2);
    expect(plan.note).toBe('only 2 distinct combinations exist: 2 trials');
  });
});

describe('successive halving', () => {
  it('plans rungs by epochs: 9 trials, η = 3 → 9 × 1, 3 × 3, 1 × 9 epochs (27 epochs in all)', () => {
    const rungs = halvingRungs(9, 9, 3);
    expect(rungs).toEqual([
      { trials: 9, epochs: 1 },
      { trials: 3, epochs: 3 },
      { trials: 1, epochs: 9 },
    ]);
    expect(halvingEpochs(rungs)).toBe(27);
    expect(halvingRungs(8, 10, 2)).toEqual([
      { trials: 8, epochs: 1 },
      { trials: 4, epochs: 2 },
      { trials: 2, epochs: 5 },
      { trials: 1, epochs: 10 },
    ]);
    expect(halvingRungs(4, 2, 3)).toEqual([{ trials: 4, epochs: 2 }]);
  });

  it('keeps the top third at each rung and stops the rest', () => {
    const bracket = new SuccessiveHalving([1, 2, 3, 4, 5, 6, 7, 8, 9], halvingRungs(9, 9, 3));
    expect(bracket.current).toEqual({ rung: 0, epochs: 1, trials: [1, 2, 3, 4, 5, 6, 7, 8, 9] });
    const rung0 = [0.5, 0.9, 0.6, Number.NaN, 0.8, 0.6, 0.7, 0.55, 0.95];
    rung0.forEach((score, i) => bracket.report(i + 1, score));
    expect(bracket.advance()).toEqual({ rung: 0, continued: [9, 2, 5], stopped: [1, 3, 4, 6, 7, 8] });
    expect(bracket.current).toEqual({ rung: 1, epochs: 3, trials: [9, 2, 5] });
    bracket.report(2, 0.93);
    expect(bracket.waiting).toEqual([9, 5]);
    expect(() => bracket.advance()).toThrow('Trials 9, 5 have not reported yet.');
    bracket.report(5, 0.93);
    bracket.report(9, 0.91);
    // A tie goes to the trial earlier in the rung.
    expect(bracket.advance()).toEqual({ rung: 1, continued: [2], stopped: [9, 5] });
    expect(bracket.current).toEqual({ rung: 2, epochs: 9, trials: [2] });
    expect(() => bracket.report(9, 1)).toThrow('Trial 9 is not in the current rung.');
    bracket.report(2, 0.96);
    expect(bracket.advance()).toEqual({ rung: 2, continued: [], stopped: [] });
    expect(bracket.current).toBeNull();
  });

  it('ends when every trial of a rung failed', () => {
    const bracket = new SuccessiveHalving([1, 2], [{ trials: 2, epochs: 1 }, { trials: 1, epochs: 2 }]);
    bracket.report(1, Number.NaN);
    bracket.report(2, Number.NaN);
    expect(bracket.advance()).toEqual({ rung: 0, continued: [], stopped: [1, 2] });
    expect(bracket.current).toBeNull();
  });
});

describe('budget', () => {
  it.each([
    [{ trialsStarted: 3, maxTrials: 4, elapsedMs: 59_000, maxMinutes: 1 }, null],
    [{ trialsStarted: 4, maxTrials: 4, elapsedMs: 1000, maxMinutes: 1 }, 'trials'],
    [{ trialsStarted: 1, maxTrials: 4, elapsedMs: 60_000, maxMinutes: 1 }, 'time'],
  ] as const)('%o → %s', (budget, spent) => expect(budgetSpent(budget)).toBe(spent));
});

describe('applyTrial', () => {
  const tiny = PRESETS[0];
  it('sets training settings, model sizes, the first convolution, and adds a dropout layer after pooling', () => {
    const applied = applyTrial(tiny.spec, tiny.train, { learningRate: 0.003, optimizer: 'sgd', filters: 64, kernelSizes: '3,4', dropout: 0.25, vocabSize: 500 });
    expect(applied.issues).toEqual([]);
    expect(applied.config).toMatchObject({ learningRate: 0.003, optimizer: 'sgd', epochs: tiny.train.epochs });
    expect(applied.spec.vocabSize).toBe(500);
    expect(applied.spec.layers.map((l) => l.kind)).toEqual(['conv1d', 'globalMaxPool', 'dropout', 'dense']);
    expect(applied.spec.layers[0]).toMatchObject({ filters: 64, kernelSizes: [3, 4] });
    expect(applied.changes).toEqual([
      'learning rate 0.01 → 0.003',
      'optimizer adam → sgd',
      'dropout none → 0.25',
      'filters 32 → 64',
      'kernel sizes 3 → 3,4',
      'vocabulary size 2000 → 500',
    ]);
    expect(tiny.spec.layers).toHaveLength(3);
  });
  it('changes an existing dropout layer and reports settings that cannot train', () => {
    const kim = PRESETS.find((p) => p.id === 'kim-cnn')!;
    expect(applyTrial(kim.spec, kim.train, { dropout: 0.3 }).spec.layers[2]).toEqual({ kind: 'dropout', rate: 0.3 });
    const tooLong = applyTrial(defaultModelSpec(), defaultTrainConfig(), { sequenceLength: 3 });
    expect(tooLong.issues).toEqual(['Kernel size 5 is longer than the sequence (3 tokens): lower it or raise the sequence length.']);
  });
});
