/**
 * The studio's one zustand store, built from one slice per pipeline step (zustand's "slices
 * pattern"): each slice file holds its state type, its initial state and its named actions;
 * actions that span steps are in pipelineActions.ts. Components and the client change state
 * only through these actions. `useStudio.getInitialState()` is the whole store as it starts;
 * tests reset with `useStudio.setState(useStudio.getInitialState(), true)`.
 */
import { create } from 'zustand';
import type { Stage } from '../core/model/mermaid';
import { createDataSlice } from './dataSlice';
import { createEvaluateSlice } from './evaluateSlice';
import { createExportSlice } from './exportSlice';
import { createModelSlice } from './modelSlice';
import { createPipelineActions, type PipelineActions, type StepSlices } from './pipelineActions';
import { createPreprocessSlice } from './preprocessSlice';
import { createSearchSlice } from './searchSlice';
import { createTrainSlice } from './trainSlice';
import { createCrossValidationSlice } from './crossValidationSlice';

export type { DataState, SampleDataset } from './dataSlice';
export type { PreprocessState } from './preprocessSlice';
export type { ModelState, SpecVersion } from './modelSlice';
export type { BatchPoint, RunHistoryEntry, TrainProgress, TrainState, TrainStatus } from './trainSlice';
export type { CrossValidationState, CrossValidationStatus } from './crossValidationSlice';
export type { SearchState, SearchStatus, TrialRow } from './searchSlice';
export type { EvaluateState, FilePrediction, Prediction } from './evaluateSlice';
export type { ActiveModel, ExportScope, ExportState } from './exportSlice';

/** Which step's panel is open. */
export interface Navigation {
  step: Stage;
  setStep(step: Stage): void;
}

export type StudioState = Navigation & StepSlices & PipelineActions;

export const useStudio = create<StudioState>()((...api) => ({
  step: 'data',
  setStep: (step) => api[0]({ step }),
  ...createDataSlice(...api),
  ...createPreprocessSlice(...api),
  ...createModelSlice(...api),
  ...createTrainSlice(...api),
  ...createCrossValidationSlice(...api),
  ...createSearchSlice(...api),
  ...createEvaluateSlice(...api),
  ...createExportSlice(...api),
  ...createPipelineActions(...api),
}));
