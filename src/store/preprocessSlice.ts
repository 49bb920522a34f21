import type { StateCreator } from 'zustand';
import type { PreprocessStats } from '../core/text/preprocessReport';
import { defaultTokenizerOptions, type TokenizerOptions } from '../core/text/tokenizerMode';

/** The Preprocess step: the tokenizer options (sent with every training run) and their statistics. */
export interface PreprocessState {
  options: TokenizerOptions;
  /** Statistics of the last answered request; kept on screen while a newer one runs. */
  stats: PreprocessStats | null;
  /** Worker time of those statistics, ms. */
  statsMs: number | null;
  loading: boolean;
  error: string | null;
}

export interface PreprocessActions {
  /** Changes some tokenizer options, keeping the others. */
  setTokenizerOptions(changes: Partial<TokenizerOptions>): void;
  /** A statistics request went to the worker: the last statistics stay on screen meanwhile. */
  statsRequested(): void;
  /** `elapsedMs`: worker time for the statistics, ms. */
  statsArrived(stats: PreprocessStats, elapsedMs: number): void;
  statsFailed(message: string): void;
}

export type PreprocessSlice = { preprocess: PreprocessState } & PreprocessActions;

export function initialPreprocessState(): PreprocessState {
  return { options: defaultTokenizerOptions(), stats: null, statsMs: null, loading: false, error: null };
}

export const createPreprocessSlice: StateCreator<PreprocessSlice, [], [], PreprocessSlice> = (set) => {
  const update = (changes: Partial<PreprocessState>) => set((s) => ({ preprocess: { ...s.preprocess, ...changes } }));
  return {
    preprocess: initialPreprocessState(),
    setTokenizerOptions: (changes) => set((s) => ({ preprocess: { ...s.preprocess, options: { ...s.preprocess.options, ...changes } } })),
    statsRequested: () => update({ loading: true, error: null }),
    statsArrived: (stats, statsMs) => update({ stats, statsMs, loading: false }),
    statsFailed: (error) => update({ loading: false, error }),
  };
};
