import type { TrainRequest } from '../../protocol/messages';
import { baselineOn } from '../../core/train/trainConfig';
import { baselineBesideCnn } from '../../core/eval/baselineRun';
import { chooseTrainer } from '../backends/trainerChoice';
import type { Post } from '../post';
import { session } from '../session';
import { startBaseline, type BaselineHandle } from './baseline/baselineRunner';
import { Checkpointer } from './checkpoint';
import { prepareData, readyToTrain } from './runData';
import { finishRun, loopEvents } from './runReport';
import { modelAndTrainer } from './runTrainer';
import { trainLoop, type RunControl } from './trainLoop';

/**
 * Runs one training run end to end and reports through `post`, in named steps: check the
 * request, choose what trains, prepare the data, build the model and its trainer, run the loop,
 * then evaluate and report. The request's TrainConfig travels unchanged to every step.
 */
export async function runTraining(runId: number, request: TrainRequest, post: Post): Promise<void> {
  const { spec, config } = request;
  const dataset = await readyToTrain(request);
  const backend = await chooseTrainer(config.backend, spec, dataset.classes.length);
  session.backend = backend;
  post({ type: 'backend', info: backend });
  const run = prepareData(dataset, request);
  const { model, trainer } = await modelAndTrainer(backend, request, run);
  let checkpoint: Checkpointer | null = null;
  let baseline: BaselineHandle | null = null;
  try {
    const { settle } = trainer;
    checkpoint = new Checkpointer(runId, model, run, request, backend, () => settle(), post);
    const control: RunControl = { paused: false, stopRequested: false, wake: null };
    session.run = { id: runId, control };
    const { split, trainRows } = run;
    post({
      type: 'trainStarted',
      runId,
      backend,
      trainCount: trainRows.length,
      augmented: run.augmented,
      valCount: split.validation.length,
      batchesPerEpoch: Math.ceil(trainRows.length / config.batchSize),
      fused: trainer.fused,
      fusedKernels: trainer.fusedKernels ?? null,
    });
    // The baseline starts once the trainer is chosen (its timing runs alone) and trains beside it,
    // or, without a core to spare, once the CNN's loop is over. It reads the run's rows: with a
    // separate test file, run.dataset holds its rows after the data's and split.test indexes them.
    const cores = navigator.hardwareConcurrency || 1;
    const beside = baselineBesideCnn(cores, trainer.threads ?? 1);
    session.baseline?.cancel();
    if (baselineOn(config)) {
      if (beside) baseline = startBaseline(runId, run.dataset, split, config.seed, post);
      else post({ type: 'baseline', runId, report: { state: 'waiting', cores } });
    }
    const started = performance.now();
    const events = loopEvents(runId, post);
    const keep = checkpoint;
    const onEpoch = events.onEpoch;
    events.onEpoch = (metrics) => {
      onEpoch(metrics);
      keep.epochEnded(metrics);
    };
    const loop = await trainLoop(trainer.trainee, run.data, trainRows, split.validation, control, config, events);
    // Stop stops everything the run started; a completed run lets its baseline finish.
    if (loop.stopReason === 'user') {
      baseline?.cancel();
      if (baselineOn(config) && !baseline) post({ type: 'baseline', runId, report: { state: 'cancelled' } });
    } else if (baselineOn(config) && !baseline) {
      baseline = startBaseline(runId, run.dataset, split, config.seed, post);
    }
    // The run ends here: its checkpoint goes before the page hears of the result (and lists its saved models).
    await keep.discard();
    trainer.settle();
    await finishRun({ runId, request, backend, run, model, trainee: trainer.trainee, loop, started }, post);
  } catch (error) {
    if (baseline) baseline.cancel();
    else if (baselineOn(config)) post({ type: 'baseline', runId, report: { state: 'cancelled' } });
    model.dispose();
    throw error;
  } finally {
    // Ended here (done, stopped or failed): the page has the result; only a run cut off keeps its checkpoint.
    void checkpoint?.discard();
    trainer.dispose();
    if (session.run?.id === runId) session.run = null;
  }
}
