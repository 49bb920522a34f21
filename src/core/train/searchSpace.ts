/**
 * The hyperparameter search space the user declares: for each setting, a list of values or a
 * range, typed as text in the Search form ("16, 32, 64", "0.0001 to 0.1") and parsed here.
 * Pure data and checks; searchPlan.ts turns a space into trials.
 */
import { OPTIMIZERS, type OptimizerName } from './trainConfig';

/** The settings a search can vary, in the order trials list them (grid: the last varies fastest). */
export const SEARCH_PARAMS = [
  'learningRate',
  'epochs',
  'batchSize',
  'optimizer',
  'dropout',
  'filters',
  'kernelSizes',
  'embeddingDim',
  'sequenceLength',
  'vocabSize',
] as const;

export type SearchParam = (typeof SEARCH_PARAMS)[number];

/**
 * One value of a setting: a number, an optimizer's name, or a set of kernel sizes written
 * "3,4,5" (several kernel sizes side by side, Kim 2014).
 */
export type SearchValue = number | string;

/** A setting's declared values: an explicit list, or a range (sampled, or spread on a grid). */
export type Domain = { kind: 'list'; values: readonly SearchValue[] } | { kind: 'range'; min: number; max: number };

/** The varied settings and their domains; a setting not here keeps the current value. */
export type SearchSpace = Partial<Record<SearchParam, Domain>>;

interface ParamInfo {
  /** The setting's name in the user's words (form labels, leaderboard columns). */
  label: string;
  /** Whole numbers only. */
  integer: boolean;
  /** Smallest and largest allowed value (numbers only). */
  min: number;
  max: number;
  /** Ranges are sampled and spread on a log scale (learning rate). */
  log: boolean;
  /** A range is possible (not for optimizers and kernel-size sets). */
  rangeable: boolean;
  /** How a bad value is explained. */
  rule: string;
}

export const PARAM_INFO: Readonly<Record<SearchParam, ParamInfo>> = {
  learningRate: { label: 'Learning rate', integer: false, min: 1e-7, max: 10, log: true, rangeable: true, rule: 'above 0 and at most 10' },
  epochs: { label: 'Epochs', integer: true, min: 1, max: 1000, log: false, rangeable: true, rule: 'whole numbers from 1 to 1000' },
  batchSize: { label: 'Batch size', integer: true, min: 1, max: 4096, log: false, rangeable: true, rule: 'whole numbers from 1 to 4096' },
  optimizer: { label: 'Optimizer', integer: false, min: 0, max: 0, log: false, rangeable: false, rule: `one of ${OPTIMIZERS.join(', ')}` },
  dropout: { label: 'Dropout', integer: false, min: 0, max: 0.95, log: false, rangeable: true, rule: 'from 0 to 0.95' },
  filters: { label: 'Filters', integer: true, min: 1, max: 4096, log: false, rangeable: true, rule: 'whole numbers from 1 to 4096' },
  kernelSizes: { label: 'Kernel sizes', integer: true, min: 1, max: 64, log: false, rangeable: false, rule: 'sets of whole numbers from 1 to 64, like 3 or 3,4,5' },
  embeddingDim: { label: 'Embedding size', integer: true, min: 1, max: 1024, log: false, rangeable: true, rule: 'whole numbers from 1 to 1024' },
  sequenceLength: { label: 'Sequence length', integer: true, min: 1, max: 10000, log: false, rangeable: true, rule: 'whole numbers from 1 to 10000' },
  vocabSize: { label: 'Vocabulary size', integer: true, min: 2, max: 1_000_000, log: false, rangeable: true, rule: 'whole numbers from 2 to 1000000' },
};

/** A problem with the search settings, located at the setting (or "budget", "method", "space"). */
export interface SearchIssue {
  path: SearchParam | 'budget' | 'method' | 'space' | 'seed' | 'eta' | 'parallel';
  message: string;
}

/** A parsed domain, or why the text is not one. */
export type ParsedDomain = { domain: Domain; error?: undefined } | { domain?: undefined; error: string };

const RANGE = /^\s*(\S+)\s*(?:\bto\b|\.\.|–|—|\s-\s)\s*(\S+)\s*$/i;

/** "3,4,5" or "3 4 5" → [3, 4, 5]; null when any part is not a number. */
export function kernelSet(value: SearchValue): number[] | null {
  const parts = String(value).split(/[\s,+]+/).filter(Boolean);
  const sizes = parts.map(Number);
  return sizes.length > 0 && sizes.every(Number.isFinite) ? sizes : null;
}

/** Why one value is not allowed for the setting; null when it is. */
export function valueProblem(param: SearchParam, value: SearchValue): string | null {
  const info = PARAM_INFO[param];
  if (param === 'optimizer') return OPTIMIZERS.includes(value as OptimizerName) ? null : `${info.label}: “${value}” is not ${info.rule}.`;
  if (param === 'kernelSizes') {
    const sizes = kernelSet(value);
    const ok = sizes !== null && sizes.every((k) => Number.isInteger(k) && k >= info.min && k <= info.max);
    return ok ? null : `${info.label}: “${value}” is not ${info.rule}.`;
  }
  const n = typeof value === 'number' ? value : Number.NaN;
  const fits = Number.isFinite(n) && n >= info.min && n <= info.max && (!info.integer || Number.isInteger(n));
  if (param === 'learningRate' && n === 0) return `${info.label}: 0 is not ${info.rule}.`;
  return fits ? null : `${info.label}: ${Number.isNaN(n) ? `“${value}”` : n} is not ${info.rule}.`;
}

/**
 * Parses a setting's text: "0.0001 to 0.1" (also "a..b", "a – b") is a range; otherwise a
 * comma-separated list ("16, 32, 64"; kernel sizes by ";" or "|": "3; 3,4,5").
 */
export function parseDomain(param: SearchParam, text: string): ParsedDomain {
  const info = PARAM_INFO[param];
  const trimmed = text.trim();
  if (!trimmed) return { error: `${info.label}: give values (like ${example(param)}) or turn it off.` };
  const range = info.rangeable ? RANGE.exec(trimmed) : null;
  if (range) {
    const [min, max] = [Number(range[1]), Number(range[2])];
    for (const raw of [range[1], range[2]]) {
      const problem = Number.isFinite(Number(raw)) ? valueProblem(param, Number(raw)) : `${info.label}: “${raw}” is not a number.`;
      if (problem) return { error: problem };
    }
    if (min > max) return { error: `${info.label}: the range ${min} to ${max} runs backwards; write the smaller number first.` };
    return { domain: min === max ? { kind: 'list', values: [min] } : { kind: 'range', min, max } };
  }
  const separator = param === 'kernelSizes' ? /[;|]/ : /[,;\s]+/;
  const parts = trimmed.split(separator).map((p) => p.trim()).filter(Boolean);
  const values: SearchValue[] = [];
  for (const part of parts) {
    const value: SearchValue = param === 'optimizer' ? part.toLowerCase() : param === 'kernelSizes' ? (kernelSet(part)?.join(',') ?? part) : Number(part);
    const numeric = param !== 'optimizer' && param !== 'kernelSizes';
    const problem = numeric && !Number.isFinite(value) ? `${info.label}: “${part}” is not a number.` : valueProblem(param, value);
    if (problem) return { error: problem };
    if (!values.includes(value)) values.push(value);
  }
  return { domain: { kind: 'list', values } };
}

/** What the form shows for a domain: the text parseDomain reads back to the same domain. */
export function domainText(param: SearchParam, domain: Domain): string {
  if (domain.kind === 'range') return `${domain.min} to ${domain.max}`;
  return domain.values.join(param === 'kernelSizes' ? '; ' : ', ');
}

function example(param: SearchParam): string {
  const info = PARAM_INFO[param];
  if (param === 'optimizer') return 'adam, sgd';
  if (param === 'kernelSizes') return '3; 5; 3,4,5';
  if (info.log) return '0.0001 to 0.1';
  return info.integer ? '16, 32, 64' : '0, 0.25, 0.5';
}

/** How a search picks its trials. */
export type SearchMethod = 'grid' | 'random' | 'halving';
export const SEARCH_METHODS: readonly SearchMethod[] = ['grid', 'random', 'halving'];

/** Everything that defines a search besides the model and training settings it starts from. */
export interface SearchSettings {
  method: SearchMethod;
  space: SearchSpace;
  /** Most trials (trainings) the search starts; for successive halving, the configurations drawn. */
  maxTrials: number;
  /** Wall-clock budget, minutes: no trial starts after it, and the running one stops at its next epoch. */
  maxMinutes: number;
  /** Seeds the random draws (the trials' own seed stays the Train step's, so scores compare). */
  seed: number;
  /** Successive halving keeps the top 1/eta of each rung. */
  eta: number;
  /** Points a range is spread over in a grid (log-spaced for the learning rate). */
  gridPoints: number;
  /**
   * Trials that may train at once (2: one in the studio's worker, one in a trial worker, each on
   * one engine worker). Two run only when the trials train on the CPU engine and the browser has
   * at least 2 cores; WebGPU trials run one at a time (they would share one GPU). Absent: 1 in
   * the worker; the form's default is defaultTrialsAtOnce's.
   */
  parallel?: 1 | 2;
}

/** "Trials at once" unless the user chose: 2 when trials train on the CPU engine and there are at least 2 cores, else 1. */
export function defaultTrialsAtOnce(onCpuEngine: boolean, cores: number): 1 | 2 {
  return onCpuEngine && cores >= 2 ? 2 : 1;
}

export function defaultSearchSettings(): SearchSettings {
  return { method: 'random', space: {}, maxTrials: 8, maxMinutes: 10, seed: 1, eta: 3, gridPoints: 3 };
}

/** Most trials one search may start. */
export const MAX_TRIALS = 200;

/** Every reason the settings cannot start a search (besides the grid's size, see searchPlan). */
export function validateSearchSettings(s: SearchSettings): SearchIssue[] {
  const issues: SearchIssue[] = [];
  const varied = SEARCH_PARAMS.filter((p) => s.space[p]);
  if (varied.length === 0) issues.push({ path: 'space', message: 'Vary at least one setting: tick it and give its values.' });
  for (const param of varied) {
    const domain = s.space[param]!;
    const values = domain.kind === 'list' ? domain.values : [domain.min, domain.max];
    if (values.length === 0) issues.push({ path: param, message: `${PARAM_INFO[param].label}: give at least one value.` });
    const problem = values.map((v) => valueProblem(param, v)).find((p) => p !== null);
    if (problem) issues.push({ path: param, message: problem });
    if (domain.kind === 'range' && !PARAM_INFO[param].rangeable) issues.push({ path: param, message: `${PARAM_INFO[param].label}: list the values; a range is not possible.` });
  }
  if (!Number.isInteger(s.maxTrials) || s.maxTrials < 1 || s.maxTrials > MAX_TRIALS) {
    issues.push({ path: 'budget', message: `Trials must be a whole number from 1 to ${MAX_TRIALS}.` });
  }
  if (!(s.maxMinutes > 0 && s.maxMinutes <= 24 * 60)) issues.push({ path: 'budget', message: 'Minutes must be above 0 and at most 1440 (a day).' });
  if (s.parallel !== undefined && s.parallel !== 1 && s.parallel !== 2) issues.push({ path: 'parallel', message: 'Trials at once must be 1 or 2.' });
  if (!Number.isInteger(s.seed)) issues.push({ path: 'seed', message: 'Search seed must be a whole number.' });
  if (s.method === 'halving') {
    if (!Number.isInteger(s.eta) || s.eta < 2 || s.eta > 10) issues.push({ path: 'eta', message: 'Successive halving keeps 1/η of each rung: η must be a whole number from 2 to 10.' });
    if (s.space.epochs) issues.push({ path: 'epochs', message: 'Successive halving gives each rung its epochs itself: turn Epochs off (the Train step’s Epochs is the most a trial gets).' });
    if (s.maxTrials < 2) issues.push({ path: 'budget', message: 'Successive halving needs at least 2 trials to compare.' });
  }
  if (s.method === 'grid' && (!Number.isInteger(s.gridPoints) || s.gridPoints < 2 || s.gridPoints > 10)) {
    issues.push({ path: 'method', message: 'A grid spreads each range over 2 to 10 points.' });
  }
  return issues;
}

/** The Search form as typed: the search's settings and each setting's values as text, varied or not. */
export interface SearchForm extends Omit<SearchSettings, 'space'> {
  texts: Record<SearchParam, string>;
  varied: Record<SearchParam, boolean>;
}

const halfDoubled = (n: number, floor = 1) => [...new Set([Math.max(floor, Math.round(n / 2)), n, n * 2])].join(', ');

/**
 * The form's starting point, from the current model and training settings: the learning rate a
 * decade either side (log scale), filters halved and doubled, dropout 0 to 0.5 varied; the other
 * settings filled in around their current values but not varied.
 */
export function defaultSearchForm(
  spec: { vocabSize: number; sequenceLength: number; embeddingDim: number; layers: readonly { kind: string; filters?: number; kernelSizes?: number[] }[] },
  config: { learningRate: number; epochs: number; batchSize: number },
): SearchForm {
  const conv = spec.layers.find((l) => l.kind === 'conv1d');
  const lr = config.learningRate;
  const sig = (n: number) => Number(n.toPrecision(3));
  const texts: Record<SearchParam, string> = {
    learningRate: `${sig(lr / 10)} to ${sig(Math.min(10, lr * 10))}`,
    epochs: [...new Set([Math.max(1, Math.round(config.epochs / 2)), config.epochs])].join(', '),
    batchSize: halfDoubled(config.batchSize),
    optimizer: 'adam, sgd, rmsprop',
    dropout: '0, 0.25, 0.5',
    filters: halfDoubled(conv?.filters ?? 64),
    kernelSizes: [...new Set([conv?.kernelSizes?.join(',') ?? '3', '3', '5', '3,4,5'])].join('; '),
    embeddingDim: halfDoubled(spec.embeddingDim),
    sequenceLength: [...new Set([Math.max(1, Math.round(spec.sequenceLength / 2)), spec.sequenceLength])].join(', '),
    vocabSize: [...new Set([Math.max(2, Math.round(spec.vocabSize / 2)), spec.vocabSize])].join(', '),
  };
  const varied = Object.fromEntries(SEARCH_PARAMS.map((p) => [p, p === 'learningRate' || p === 'dropout' || (p === 'filters' && conv !== undefined)])) as Record<SearchParam, boolean>;
  const { space: _space, ...settings } = defaultSearchSettings();
  return { ...settings, texts, varied };
}

/** The search the form describes, with every problem of its texts and numbers (empty: it can start). */
export function settingsFromForm(form: SearchForm): { settings: SearchSettings; issues: SearchIssue[] } {
  const { texts, varied, ...rest } = form;
  const space: SearchSpace = {};
  const issues: SearchIssue[] = [];
  for (const param of SEARCH_PARAMS) {
    if (!varied[param]) continue;
    const parsed = parseDomain(param, texts[param]);
    if (parsed.error !== undefined) issues.push({ path: param, message: parsed.error });
    else space[param] = parsed.domain;
  }
  const settings: SearchSettings = { ...rest, space };
  const parsedParams = new Set(issues.map((i) => i.path));
  const more = validateSearchSettings(settings).filter((i) => !(i.path === 'space' && parsedParams.size > 0));
  return { settings, issues: [...issues, ...more] };
}
