import { describe, expect, it } from 'vitest';
import { PRESETS, findPreset, presetChanges, presetTrainConfig } from './presets';
import { defaultTrainConfig } from './trainConfig';

describe('presetTrainConfig', () => {
  it.each(PRESETS.map((p) => [p.id, p] as const))('%s keeps the backend, test split and seed and the advanced settings it does not carry', (_, preset) => {
    const current = { ...defaultTrainConfig(), backend: 'wasm' as const, testSplit: 0.15, seed: 7, schedule: 'cosine' as const, epochs: 99 };
    const next = presetTrainConfig(current, preset);
    expect(next).toEqual({ ...current, ...preset.train, backend: 'wasm', testSplit: 0.15, seed: 7 });
    expect(next.schedule).toBe('cosine');
  });
});

describe('presetChanges', () => {
  it('names each changed setting with its old and new value', () => {
    const before = { ...defaultTrainConfig(), epochs: 3, learningRate: 0.01, testSplit: 0.1 };
    const after = presetTrainConfig(before, findPreset('keras-text-cnn')!);
    expect(presetChanges(before, after)).toEqual(['epochs 3 → 10', 'learning rate 0.01 → 0.001']);
  });

  it('is empty when nothing changed, and names tokenizer changes', () => {
    const config = defaultTrainConfig();
    expect(presetChanges(config, config)).toEqual([]);
    expect(presetChanges(config, config, { mode: 'auto', lower: true }, { mode: 'char' })).toEqual(['tokenizer mode auto → char']);
  });
});
