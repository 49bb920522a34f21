import { useSyncExternalStore } from 'react';
import { useStudio, type BatchPoint } from '../../store/store';
import type { EpochMetrics } from '../../protocol/messages';

/** Charts redraw at most this often while training (ms): at most 5 updates a second. */
export const CHART_UPDATE_MS = 200;

/** What the training charts draw, as the store held it at the last sample. */
export interface TrainSeries {
  batches: BatchPoint[];
  epochs: EpochMetrics[];
  batchesPerEpoch: number;
}

function pick(): TrainSeries {
  const { train } = useStudio.getState();
  return { batches: train.batches, epochs: train.epochs, batchesPerEpoch: train.progress?.batchesPerEpoch ?? 1 };
}

const same = (a: TrainSeries, b: TrainSeries) => a.batches === b.batches && a.epochs === b.epochs && a.batchesPerEpoch === b.batchesPerEpoch;

/**
 * A throttled view of the store: the store changes on every batch event (ten a second), a chart
 * hears of it at most every CHART_UPDATE_MS. A change starts a timer; when it fires, the latest
 * series is sampled once and the listeners told. `delayMs` shifts a view's samples so that two
 * charts redraw in two tasks instead of one twice as long.
 */
function throttledSeries(delayMs: number) {
  let snapshot = pick();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastSample = 0;
  let unsubscribe: (() => void) | null = null;
  const listeners = new Set<() => void>();

  function sample() {
    timer = null;
    lastSample = performance.now();
    const next = pick();
    if (same(next, snapshot)) return;
    snapshot = next;
    for (const listener of listeners) listener();
  }

  function onStoreChange() {
    if (timer !== null) return;
    timer = setTimeout(sample, Math.max(delayMs, lastSample + CHART_UPDATE_MS - performance.now()));
  }

  function subscribe(listener: () => void): () => void {
    listeners.add(listener);
    unsubscribe ??= useStudio.subscribe(onStoreChange);
    return () => {
      listeners.delete(listener);
      if (listeners.size > 0) return;
      unsubscribe?.();
      unsubscribe = null;
      if (timer !== null) clearTimeout(timer);
      timer = null;
    };
  }

  function getSnapshot(): TrainSeries {
    // Not subscribed (first render of a chart): the store as it is now, kept stable if unchanged.
    if (unsubscribe === null) {
      const next = pick();
      if (!same(next, snapshot)) snapshot = next;
    }
    return snapshot;
  }
  return { subscribe, getSnapshot };
}

/** One throttled view per chart lane: lane 1 samples half a period after lane 0. */
const LANES = [throttledSeries(0), throttledSeries(CHART_UPDATE_MS / 2)] as const;

/** The training series, sampled from the store at most every CHART_UPDATE_MS, in lane 0 or 1. */
export function useThrottledTrainSeries(lane: 0 | 1 = 0): TrainSeries {
  const { subscribe, getSnapshot } = LANES[lane];
  return useSyncExternalStore(subscribe, getSnapshot);
}
