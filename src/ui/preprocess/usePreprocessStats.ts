import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { studioClient } from '../../client/studioClient';
import { useStudio } from '../../store/store';

/** Wait after the last change before asking the worker, so typing a number sends one request. */
const DEBOUNCE_MS = 250;

/**
 * Keeps the Preprocess statistics in step with what they depend on: the dataset, the tokenizer
 * options, the vocabulary size, the largest kernel size and the split. The work runs in the
 * worker; the page only asks.
 */
export function usePreprocessStats(): void {
  const deps = useStudio(
    useShallow((s) => ({
      summary: s.data.summary,
      options: s.preprocess.options,
      vocabSize: s.model.spec.vocabSize,
      kernels: s.model.spec.layers.flatMap((l) => (l.kind === 'conv1d' ? l.kernelSizes : [])).join(','),
      validationSplit: s.train.config.validationSplit,
      testSplit: s.train.config.testSplit,
      seed: s.train.config.seed,
    })),
  );
  useEffect(() => {
    if (!deps.summary) return;
    const timer = setTimeout(() => void studioClient().preprocessStats.refresh(), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [deps.summary, deps.options, deps.vocabSize, deps.kernels, deps.validationSplit, deps.testSplit, deps.seed]);
}
