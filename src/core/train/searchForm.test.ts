import { describe, expect, it } from 'vitest';
import { PRESETS } from './presets';
import { bestTrial, rankTrials } from './searchResults';
import { defaultSearchForm, defaultTrialsAtOnce, settingsFromForm } from './searchSpace';

describe('the Search form', () => {
  const tiny = PRESETS[0];
  it('starts around the current settings: learning rate a decade either side, filters halved and doubled', () => {
    const form = defaultSearchForm(tiny.spec, tiny.train);
    expect(form.texts).toMatchObject({ learningRate: '0.001 to 0.1', filters: '16, 32, 64', kernelSizes: '3; 5; 3,4,5', epochs: '5, 10', vocabSize: '1000, 2000' });
    expect(Object.entries(form.varied).filter(([, on]) => on).map(([p]) => p)).toEqual(['learningRate', 'dropout', 'filters']);
    const { settings, issues } = settingsFromForm(form);
    expect(issues).toEqual([]);
    expect(settings.space).toEqual({
      learningRate: { kind: 'range', min: 0.001, max: 0.1 },
      dropout: { kind: 'list', values: [0, 0.25, 0.5] },
      filters: { kind: 'list', values: [16, 32, 64] },
    });
    expect(settings).toMatchObject({ method: 'random', maxTrials: 8, maxMinutes: 10, seed: 1, eta: 3 });
  });
  it('reports each varied setting’s text problem, and ignores the texts of settings not varied', () => {
    const form = defaultSearchForm(tiny.spec, tiny.train);
    form.texts.filters = '16, x';
    form.texts.vocabSize = 'nonsense';
    form.maxTrials = 0;
    expect(settingsFromForm(form).issues).toEqual([
      { path: 'filters', message: 'Filters: “x” is not a number.' },
      { path: 'budget', message: 'Trials must be a whole number from 1 to 200.' },
    ]);
    form.varied = { ...form.varied, learningRate: false, dropout: false, filters: false };
    expect(settingsFromForm(form).issues.map((i) => i.path)).toEqual(['space', 'budget']);
  });
});

describe('ranking trials', () => {
  const t = (trial: number, accuracy: number, macroF1: number, status = 'finished') => ({ trial, accuracy, macroF1, status });
  it('orders by accuracy, then macro F1, then trial; unscored last', () => {
    const ranked = rankTrials([t(1, 0.8, 0.7), t(2, Number.NaN, Number.NaN, 'failed'), t(3, 0.9, 0.8), t(4, 0.8, 0.75), t(5, 0.8, 0.75)]);
    expect(ranked.map((r) => r.trial)).toEqual([3, 4, 5, 1, 2]);
  });
  it('applies the best trial that trained its full budget, else the best scored', () => {
    expect(bestTrial([t(1, 0.95, 0.9, 'stopped'), t(2, 0.9, 0.9)])?.trial).toBe(2);
    expect(bestTrial([t(1, 0.7, 0.6, 'stopped'), t(2, 0.8, 0.7, 'stopped')])?.trial).toBe(2);
    expect(bestTrial([t(1, Number.NaN, Number.NaN, 'failed')])).toBeNull();
    expect(bestTrial([t(1, 0.99, 0.99, 'running'), t(2, 0.5, 0.5, 'stopped')])?.trial).toBe(2);
  });

  it('Trials at once: 2 by default only on the CPU engine with 2 cores or more; 1 or 2 accepted, nothing else', () => {
    expect(defaultTrialsAtOnce(true, 2)).toBe(2);
    expect(defaultTrialsAtOnce(true, 1)).toBe(1);
    expect(defaultTrialsAtOnce(false, 16)).toBe(1);
    const form = defaultSearchForm(PRESETS[0].spec, PRESETS[0].train);
    expect(settingsFromForm({ ...form, parallel: 2 }).settings.parallel).toBe(2);
    expect(settingsFromForm({ ...form, parallel: 2 }).issues).toEqual([]);
    expect(settingsFromForm({ ...form, parallel: 3 as 2 }).issues).toEqual([{ path: 'parallel', message: 'Trials at once must be 1 or 2.' }]);
  });
});
