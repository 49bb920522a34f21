import { describe, expect, it } from 'vitest';
import { balancedClassWeights, baselineOn, defaultTrainConfig, EarlyStopper, learningRateAt, validateTrainConfig, type TrainConfig } from './trainConfig';

describe('learningRateAt', () => {
  const base = { learningRate: 0.1, epochs: 10 };
  it.each([
    ['constant', 1, 0.1],
    ['constant', 9, 0.1],
    ['step', 5, 0.1],
    ['step', 6, 0.05],
    ['step', 11, 0.025],
    ['exponential', 1, 0.1],
    ['exponential', 3, 0.1 * 0.81],
    ['cosine', 1, 0.1],
    ['cosine', 6, 0.05],
  ] as const)('%s at epoch %i → %f', (schedule, epoch, expected) => {
    expect(learningRateAt({ ...base, schedule }, epoch)).toBeCloseTo(expected, 12);
  });
  it('no schedule means constant', () => expect(learningRateAt(base, 7)).toBe(0.1));
});

describe('balancedClassWeights', () => {
  it('n / (k · count) over the given rows only; absent classes get 0', () => {
    const labels = [0, 0, 0, 1, 2, 0];
    expect(balancedClassWeights(labels, [0, 1, 2, 3], 3)).toEqual([4 / 9, 4 / 3, 0]);
  });
});

describe('EarlyStopper', () => {
  it.each([
    ['valLoss, patience 2', { monitor: 'valLoss', patience: 2, restoreBest: true }, [0.9, 0.7, 0.8, 0.75], 2, [false, false, false, true]],
    ['valAccuracy, patience 1', { monitor: 'valAccuracy', patience: 1, restoreBest: true }, [0.5, 0.6, 0.6], 2, [false, false, true]],
    ['patience 0 never stops', { monitor: 'valLoss', patience: 0, restoreBest: false }, [0.5, 0.6, 0.7, 0.8], 1, [false, false, false, false]],
  ] as const)('%s', (_name, config, values, bestEpoch, stops) => {
    const stopper = new EarlyStopper(config);
    const seen = values.map((v, i) => {
      stopper.update(i + 1, { valLoss: v, valAccuracy: v });
      return stopper.shouldStop;
    });
    expect(seen).toEqual(stops);
    expect(stopper.bestEpoch).toBe(bestEpoch);
  });
});

describe('validateTrainConfig', () => {
  it('accepts the defaults', () => expect(validateTrainConfig(defaultTrainConfig())).toEqual([]));
  it('refuses a negative patience', () => {
    expect(validateTrainConfig({ ...defaultTrainConfig(), earlyStopping: { monitor: 'valLoss', patience: -1, restoreBest: true } })[0].path).toBe('earlyStopping');
  });
});

describe('the baseline setting', () => {
  it('is on unless turned off', () => {
    expect(baselineOn(defaultTrainConfig())).toBe(true);
    expect(baselineOn({ baseline: true })).toBe(true);
    expect(baselineOn({ baseline: false })).toBe(false);
  });
  it('must be a boolean when present', () => {
    expect(validateTrainConfig({ ...defaultTrainConfig(), baseline: false })).toEqual([]);
    const wrong = { ...defaultTrainConfig(), baseline: 'yes' } as unknown as TrainConfig;
    expect(validateTrainConfig(wrong).map((i) => i.path)).toEqual(['baseline']);
  });
});
