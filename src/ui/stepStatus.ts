import { useShallow } from 'zustand/react/shallow';
import type { Stage } from '../core/model/mermaid';
import { validateModelSpec } from '../core/model/modelSpec';
import { validateTrainConfig } from '../core/train/trainConfig';
import { useStudio, type StudioState } from '../store/store';

export type StepState = 'done' | 'attention' | 'todo';

/** Done / needs attention / not yet, per step, derived from the store (never stored). */
export function stepStates(s: StudioState): Record<Stage, StepState> {
  const classes = s.data.summary?.classes.length ?? 2;
  const modelOk = validateModelSpec(s.model.spec, classes).length === 0;
  const trainOk = validateTrainConfig(s.train.config).length === 0;
  return {
    data: s.data.error ? 'attention' : s.data.summary ? 'done' : 'todo',
    preprocess: s.data.summary ? 'done' : 'todo',
    model: !modelOk ? 'attention' : s.data.summary ? 'done' : 'todo',
    train: s.train.status === 'error' || !trainOk ? 'attention' : s.train.status === 'done' ? 'done' : 'todo',
    evaluate: s.evaluate.prediction ? 'done' : 'todo',
    export: s.exporting.error ? 'attention' : s.exporting.active?.name ? 'done' : 'todo',
  };
}

export const useStepStates = () => useStudio(useShallow(stepStates));
