/**
 * Worker answers described as data, for the store's and the client's unit tests (not imported
 * by the app). Each builder takes overrides, so a test names only what it checks.
 */
import { metricsFromConfusion } from '../core/eval/metrics';
import type { DatasetSummary, SavedModelInfo, TableInfo, TrainResult } from '../protocol/messages';
import { useStudio } from './store';

/** Puts the whole store back as the page starts, actions included. */
export function resetStore(): void {
  useStudio.setState(useStudio.getInitialState(), true);
}

export function fixtureResult(overrides: Partial<TrainResult> = {}): TrainResult {
  const confusion = [
    [8, 2],
    [1, 9],
  ];
  return {
    classes: ['ham', 'spam'],
    epochs: [{ epoch: 1, loss: 0.6, accuracy: 0.7, valLoss: 0.5, valAccuracy: 0.85 }],
    valAccuracy: 0.85,
    valLoss: 0.5,
    valMajorityRate: 0.5,
    validation: metricsFromConfusion(confusion),
    confusion,
    durationMs: 1200,
    samplesPerSecond: 400,
    backend: 'webgpu',
    stopReason: 'completed',
    restoredEpoch: null,
    trainCount: 80,
    valCount: 20,
    testCount: 0,
    ...overrides,
  };
}

export function fixtureTable(overrides: Partial<TableInfo> = {}): TableInfo {
  const detected = { format: 'csv', delimiter: ',' } as const;
  return {
    name: 'spam.csv',
    columns: ['id', 'label', 'text'],
    rowCount: 3,
    hasHeader: true,
    preview: [
      ['1', 'ham', 'see you at noon'],
      ['2', 'spam', 'you won a prize'],
    ],
    guess: { text: 2, label: 1 },
    notices: [],
    format: detected,
    detected,
    options: { format: 'auto', delimiter: 'auto', header: 'auto' },
    encoding: 'utf-8',
    rowCounts: null,
    previewRows: [2, 3],
    ...overrides,
  };
}

export function fixtureSummary(overrides: Partial<DatasetSummary> = {}): DatasetSummary {
  return {
    examples: 3,
    classes: ['ham', 'spam'],
    classCounts: [2, 1],
    majorityRate: 2 / 3,
    problems: [],
    meanChars: 15,
    checks: [],
    lengths: { bins: [], overflow: 0, mean: 15, p50: 15, p95: 15, p99: 15, max: 15 },
    preview: [{ row: 2, text: 'see you at noon', label: 'ham' }],
    dropped: 0,
    ...overrides,
  };
}

export function fixtureSavedModel(overrides: Partial<SavedModelInfo> = {}): SavedModelInfo {
  return {
    name: 'spam filter',
    savedAt: '2024-05-01T12:00:00.000Z',
    dataset: 'spam.csv',
    classes: ['ham', 'spam', 'phishing'],
    valAccuracy: 0.91,
    backend: 'webgpu',
    totalParams: 12345,
    sizeBytes: 49380,
    ...overrides,
  };
}
