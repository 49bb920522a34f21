/**
 * From a declared search space to trials: grid enumeration (with its size), seeded random
 * sampling (log-uniform for the learning rate), the budget in trials and minutes, and one
 * trial's values applied to the model and training settings.
 */
import { mulberry32 } from '../random';
import { validateModelSpec, type DropoutLayer, type ModelSpec } from '../model/modelSpec';
import { presetChanges } from './presets';
import { validateTrainConfig, type OptimizerName, type TrainConfig } from './trainConfig';
import { kernelSet, PARAM_INFO, SEARCH_PARAMS, validateSearchSettings, type Domain, type SearchIssue, type SearchParam, type SearchSettings, type SearchSpace, type SearchValue } from './searchSpace';

/** One trial's settings: a value for each varied setting. */
export type TrialValues = Partial<Record<SearchParam, SearchValue>>;

/** `n` rounded to `digits` significant digits (1234.5, 3 → 1230; 0.000123456, 3 → 0.000123). */
export function roundSignificant(n: number, digits: number): number {
  return n === 0 ? 0 : Number(n.toPrecision(digits));
}

/**
 * The values a grid takes from a domain: a list as given; a range spread over `points` values,
 * evenly on a log scale for the learning rate, rounded to whole numbers where the setting is one
 * (repeats after rounding are dropped).
 */
export function gridValues(param: SearchParam, domain: Domain, points: number): readonly SearchValue[] {
  if (domain.kind === 'list') return domain.values;
  const { min, max } = domain;
  const info = PARAM_INFO[param];
  const out: number[] = [];
  for (let i = 0; i < points; i++) {
    const t = points === 1 ? 0 : i / (points - 1);
    const raw = info.log ? min * (max / min) ** t : min + (max - min) * t;
    const value = info.integer ? Math.round(raw) : roundSignificant(raw, 3);
    if (!out.includes(value)) out.push(value);
  }
  return out;
}

/** The varied settings in trial order, with the values a grid takes from each. */
function gridAxes(space: SearchSpace, points: number): [SearchParam, readonly SearchValue[]][] {
  return SEARCH_PARAMS.filter((p) => space[p]).map((p) => [p, gridValues(p, space[p]!, points)]);
}

/** Number of combinations in the grid (1 when nothing is varied). */
export function gridSize(space: SearchSpace, points: number): number {
  return gridAxes(space, points).reduce((n, [, values]) => n * values.length, 1);
}

/** Every combination, the first setting varying slowest and the last fastest (like itertools.product). */
export function gridTrials(space: SearchSpace, points: number): TrialValues[] {
  let trials: TrialValues[] = [{}];
  for (const [param, values] of gridAxes(space, points)) {
    trials = trials.flatMap((t) => values.map((v) => ({ ...t, [param]: v })));
  }
  return trials;
}

/** One value drawn from a domain: uniform over a list or range; log-uniform for the learning rate. */
export function sampleValue(param: SearchParam, domain: Domain, random: () => number): SearchValue {
  if (domain.kind === 'list') return domain.values[Math.min(domain.values.length - 1, Math.floor(random() * domain.values.length))];
  const { min, max } = domain;
  const info = PARAM_INFO[param];
  if (info.integer) return Math.min(max, min + Math.floor(random() * (max - min + 1)));
  const raw = info.log ? Math.exp(Math.log(min) + random() * (Math.log(max) - Math.log(min))) : min + random() * (max - min);
  return Math.min(max, Math.max(min, roundSignificant(raw, 3)));
}

const key = (t: TrialValues) => JSON.stringify(SEARCH_PARAMS.map((p) => t[p] ?? null));

/**
 * `n` distinct trials drawn with the seed: the same seed and space give the same trials. Fewer
 * come back when the space has fewer distinct combinations (lists only).
 */
export function randomTrials(space: SearchSpace, n: number, seed: number): TrialValues[] {
  const random = mulberry32(seed);
  const params = SEARCH_PARAMS.filter((p) => space[p]);
  const seen = new Set<string>();
  const trials: TrialValues[] = [];
  for (let draws = 0; trials.length < n && draws < n * 20; draws++) {
    const trial: TrialValues = {};
    for (const p of params) trial[p] = sampleValue(p, space[p]!, random);
    if (seen.has(key(trial))) continue;
    seen.add(key(trial));
    trials.push(trial);
  }
  return trials;
}

/** The trials a search will run, or why it cannot start. */
export interface PlannedTrials {
  trials: TrialValues[];
  issues: SearchIssue[];
  /** Plain words about the plan, e.g. "27 combinations" or "6 distinct combinations exist: 6 trials". */
  note: string;
}

/** Plans a grid or random draw (successive halving draws its configurations at random too). */
export function planTrials(s: SearchSettings): PlannedTrials {
  const issues = validateSearchSettings(s);
  if (issues.length) return { trials: [], issues, note: '' };
  if (s.method === 'grid') {
    const size = gridSize(s.space, s.gridPoints);
    if (size > s.maxTrials) {
      const message = `The grid has ${size} combinations, more than the budget of ${s.maxTrials} trials: raise Trials to ${size}, give fewer values, or choose Random.`;
      return { trials: [], issues: [{ path: 'budget', message }], note: '' };
    }
    return { trials: gridTrials(s.space, s.gridPoints), issues: [], note: `${size} combination${size === 1 ? '' : 's'}` };
  }
  const trials = randomTrials(s.space, s.maxTrials, s.seed);
  const note = trials.length < s.maxTrials ? `only ${trials.length} distinct combinations exist: ${trials.length} trials` : `${trials.length} trials drawn with seed ${s.seed}`;
  return { trials, issues: [], note };
}

/** Why no further trial may start: the trial budget is used, or the minutes are up; null while both last. */
export function budgetSpent(b: { trialsStarted: number; maxTrials: number; elapsedMs: number; maxMinutes: number }): 'trials' | 'time' | null {
  if (b.elapsedMs >= b.maxMinutes * 60_000) return 'time';
  if (b.trialsStarted >= b.maxTrials) return 'trials';
  return null;
}

/** A trial's settings applied: the spec and config to train, what changed, and why they cannot train. */
export interface AppliedTrial {
  spec: ModelSpec;
  config: TrainConfig;
  /** In the user's words: "learning rate 0.01 → 0.00316". */
  changes: string[];
  issues: string[];
}

const show = (v: unknown) => (Array.isArray(v) ? v.join(',') : String(v));

/**
 * The model and training settings with a trial's values: training settings on the config; model
 * sizes on the spec; filters and kernel sizes on the first convolution, dropout on the first
 * dropout layer (added right after the global pooling when the model has none). Checked with the
 * same validation as a training run.
 */
export function applyTrial(baseSpec: ModelSpec, baseConfig: TrainConfig, values: TrialValues, classCount = 2): AppliedTrial {
  const spec: ModelSpec = structuredClone(baseSpec);
  const config: TrainConfig = { ...baseConfig };
  const changes: string[] = [];
  const issues: string[] = [];
  const note = (param: SearchParam, before: unknown, after: unknown) => {
    if (show(before) !== show(after)) changes.push(`${PARAM_INFO[param].label.toLowerCase()} ${before === undefined ? 'none' : show(before)} → ${show(after)}`);
  };
  const conv = spec.layers.find((l) => l.kind === 'conv1d');
  for (const param of SEARCH_PARAMS) {
    const value = values[param];
    if (value === undefined) continue;
    switch (param) {
      case 'learningRate':
      case 'epochs':
      case 'batchSize':
        note(param, config[param], value);
        config[param] = Number(value);
        break;
      case 'optimizer':
        note(param, config.optimizer, value);
        config.optimizer = value as OptimizerName;
        break;
      case 'embeddingDim':
      case 'sequenceLength':
      case 'vocabSize':
        note(param, spec[param], value);
        spec[param] = Number(value);
        break;
      case 'filters':
      case 'kernelSizes':
        if (!conv) {
          issues.push(`${PARAM_INFO[param].label}: the model has no convolution to change.`);
        } else if (param === 'filters') {
          note(param, conv.filters, value);
          conv.filters = Number(value);
        } else {
          const sizes = kernelSet(value) ?? [];
          note(param, conv.kernelSizes, sizes);
          conv.kernelSizes = sizes;
        }
        break;
      case 'dropout':
        applyDropout(spec, Number(value), issues, (before) => note(param, before, value));
        break;
    }
  }
  issues.push(...validateModelSpec(spec, classCount).map((i) => i.message), ...validateTrainConfig(config).map((i) => i.message));
  return { spec, config, changes, issues };
}

function applyDropout(spec: ModelSpec, rate: number, issues: string[], noted: (before: number | undefined) => void): void {
  const layer = spec.layers.find((l): l is DropoutLayer => l.kind === 'dropout');
  if (layer) {
    noted(layer.rate);
    layer.rate = rate;
    return;
  }
  const pool = spec.layers.findIndex((l) => l.kind === 'globalMaxPool' || l.kind === 'globalAvgPool');
  if (pool < 0) {
    issues.push('Dropout: the model has no global pooling layer to put a dropout layer after.');
    return;
  }
  noted(undefined);
  spec.layers.splice(pool + 1, 0, { kind: 'dropout', rate });
}

/** The model settings a search varies, as the Model step shows them ("none" for a missing dropout layer). */
function modelValues(spec: ModelSpec): [SearchParam, string][] {
  const conv = spec.layers.find((l) => l.kind === 'conv1d');
  const dropout = spec.layers.find((l): l is DropoutLayer => l.kind === 'dropout');
  return [
    ['vocabSize', String(spec.vocabSize)],
    ['sequenceLength', String(spec.sequenceLength)],
    ['embeddingDim', String(spec.embeddingDim)],
    ['filters', conv ? String(conv.filters) : 'none'],
    ['kernelSizes', conv ? conv.kernelSizes.join(',') : 'none'],
    ['dropout', dropout ? String(dropout.rate) : 'none'],
  ];
}

/** What going from one pair of settings to another changes, in the user's words: training settings, then the model's. */
export function describeChanges(beforeSpec: ModelSpec, beforeConfig: TrainConfig, afterSpec: ModelSpec, afterConfig: TrainConfig): string[] {
  const model = modelValues(afterSpec);
  const modelChanges = modelValues(beforeSpec).flatMap(([param, before], i) => (before === model[i][1] ? [] : [`${PARAM_INFO[param].label.toLowerCase()} ${before} → ${model[i][1]}`]));
  return [...presetChanges(beforeConfig, afterConfig), ...modelChanges];
}
