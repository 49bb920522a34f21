import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { decide } from '../../core/eval/evaluation';
import { confusionMatrix, metricsFromConfusion } from '../../core/eval/metrics';
import { useStudio } from '../../store/store';

/** The selected split's decisions, confusion matrix and metrics, recomputed when the threshold moves. */
export function useSplitReport() {
  const { evaluation, split, threshold } = useStudio(
    useShallow((s) => ({ evaluation: s.evaluate.evaluation, split: s.evaluate.split, threshold: s.evaluate.threshold })),
  );
  return useMemo(() => {
    if (!evaluation) return null;
    const data = evaluation.splits.find((s) => s.name === split) ?? evaluation.splits[0];
    const K = evaluation.classes.length;
    const predicted = decide(data.probs, K, threshold);
    const confusion = confusionMatrix(data.truth, predicted, K);
    return { classes: evaluation.classes, data, predicted, confusion, report: metricsFromConfusion(confusion) };
  }, [evaluation, split, threshold]);
}

export type SplitReport = NonNullable<ReturnType<typeof useSplitReport>>;
