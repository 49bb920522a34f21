import { baselineOn } from '../core/train/trainConfig';
import type { CrossValidationProgress, FoldResult } from '../core/eval/crossValidation';
import { useStudio } from '../store/store';
import type { WorkerPort } from './workerPort';

/**
 * The Train step's cross-validation: starts it with the Model, Preprocess and Train steps'
 * settings, passes its progress and folds to the store, cancels it, and (when asked) starts a
 * normal training run once it has finished.
 */
export class CrossValidationRuns {
  /**
   * `ready` settles when a restarted worker holds the dataset again; `retrain` starts a normal
   * training run (TrainingRuns.train).
   */
  constructor(
    private readonly port: WorkerPort,
    private readonly ready: () => Promise<void>,
    private readonly retrain: () => void,
  ) {}

  /** Runs a cross-validation to its end; failures and Cancel land in the store, never thrown. */
  async start(): Promise<void> {
    await this.ready();
    const store = useStudio.getState();
    if (store.crossValidation.status !== 'idle') return;
    const { model, train, preprocess, crossValidation } = store;
    const request = { spec: model.spec, config: train.config, tokenizer: preprocess.options, folds: crossValidation.folds, baseline: baselineOn(train.config) };
    const { requestId, answer } = this.port.startRequest({ type: 'crossValidate', request });
    store.cvStarted(requestId);
    try {
      const reply = await answer;
      if (reply.type !== 'crossValidated') throw new Error(`unexpected answer "${reply.type}"`);
      useStudio.getState().cvFinished(requestId, reply.result);
      if (useStudio.getState().crossValidation.retrain) this.retrain();
    } catch (error) {
      const { crossValidation: now } = useStudio.getState();
      const cancelled = now.cvId === requestId && now.status === 'cancelling';
      useStudio.getState().cvEnded(requestId, cancelled ? null : (error as Error).message);
    }
  }

  /** Stops the cross-validation in progress after its current batch; its last finished result stays. */
  cancel(): void {
    const { cvId, status } = useStudio.getState().crossValidation;
    if (cvId === null || status !== 'running') return;
    useStudio.getState().cvCancelRequested();
    this.port.send({ type: 'cancelCrossValidation', target: cvId });
  }

  progress(cvId: number, progress: CrossValidationProgress): void {
    useStudio.getState().cvProgressed(cvId, progress);
  }

  foldScored(cvId: number, fold: FoldResult): void {
    useStudio.getState().cvFoldScored(cvId, fold);
  }
}
