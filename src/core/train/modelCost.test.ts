import { describe, expect, it } from 'vitest';
import { estimateCost, estimateEpochSeconds } from './modelCost';
import { PRESETS } from './presets';

const keras = PRESETS.find((p) => p.id === 'keras-text-cnn')!.spec;

describe('estimateCost', () => {
  it('Keras text CNN, 2 classes, batch 32, Adam: hand-worked bytes and FLOPs', () => {
    const cost = estimateCost(keras, 2, 32, 'adam');
    // 187,138 weights × 4 bytes × (weights + gradients + 2 Adam slots)
    expect(cost.parameterBytes).toBe(187_138 * 4 * 4);
    // outputs per text: 500 + 500·16 + 496·128 + 128 + 128 + 2 = 72,246; × 32 texts × 4 bytes × 2
    expect(cost.activationBytes).toBe(72_246 * 32 * 4 * 2);
    // forward MACs: conv 496·5·16·128 + dense 128·128 + output 128·2 = 5,079,040 + 16,384 + 256
    expect(cost.forwardFlops).toBe(2 * (5_079_040 + 16_384 + 256));
    expect(cost.trainFlops).toBe(3 * cost.forwardFlops);
  });
  it.each([
    ['sgd', 3],
    ['rmsprop', 4],
  ] as const)('%s keeps %i copies of the weights', (optimizer, copies) => {
    expect(estimateCost(keras, 2, 32, optimizer).parameterBytes).toBe(187_138 * 4 * copies);
  });
});

describe('estimateEpochSeconds', () => {
  it('scales a measurement by FLOPs', () => {
    expect(estimateEpochSeconds(2e6, 1000, { backend: 'webgpu', samplesPerSecond: 100, trainFlops: 1e6 })).toBeCloseTo(20, 10);
  });
  it.each([
    ['no calibration', null],
    ['a zero measurement', { backend: 'cpu', samplesPerSecond: 0, trainFlops: 1 }],
  ])('%s → null', (_name, calibration) => {
    expect(estimateEpochSeconds(1e6, 10, calibration)).toBeNull();
  });
});
