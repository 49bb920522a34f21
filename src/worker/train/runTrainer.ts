import * as tf from '@tensorflow/tfjs';
import type { ModelSpec } from '../../core/model/modelSpec';
import { enginePlan } from '../../core/train/enginePlan';
import { balancedClassWeights, type TrainConfig } from '../../core/train/trainConfig';
import type { BackendInfo, TfjsBackendName, TrainRequest } from '../../protocol/messages';
import { buildModel, disposeOptimizer, makeOptimizer, weightedCrossEntropy } from './buildModel';
import { chooseEngineWorkers } from './engine/chooseWorkers';
import { EngineTeam } from './engine/engineTeam';
import { engineTrainee, readWeights, writeWeights } from './engine/engineTrainee';
import { fusedChoice, makeFusedStep, type FusedKernels } from './fused/fusedStep';
import { wgslKernelsRefusal } from './fused/wgsl/wgslReady';
import type { Conv1DLayer } from '../../core/model/modelSpec';
import type { RunData } from './runData';
import { tfjsTrainee, type Encoded, type Trainee } from './trainer';

/** What trains the run's tfjs model, and what to do with it once the loop is over. */
export interface RunTrainer {
  trainee: Trainee;
  /** null when the fused convolution + max-pool step trains; otherwise why the standard path does (null for the engine). */
  fused: string | null;
  /** What the fused step runs on, in words ('fused WGSL kernels', or tfjs ops and why); null when it does not train. */
  fusedKernels?: string | null;
  /** Leaves the trained weights in the tfjs model, which evaluates and saves them. */
  settle(): void;
  /** Frees what the model does not own: tfjs' optimizer slots (Adam moments), or the engine's helper worker. */
  dispose(): void;
  /** CPU threads it keeps busy: the engine's workers (absent: 1). */
  threads?: number;
}

/**
 * Sets up what the chosen backend trains with: the WASM engine, or tfjs on the model itself.
 * Both read the request's TrainConfig as it came; only the class weights come from the data.
 */
export async function makeTrainer(backend: BackendInfo, model: tf.LayersModel, request: TrainRequest, run: RunData): Promise<RunTrainer> {
  const { spec, config } = request;
  const classCount = run.dataset.classes.length;
  const classWeights = config.classWeights === 'balanced' ? balancedClassWeights(run.data.labels, run.trainRows, classCount) : null;
  if (backend.name === 'engine') {
    const runSteps = config.epochs * Math.ceil(run.trainRows.length / config.batchSize);
    return engineTrainer(backend, model, spec, config, run.data, classWeights, runSteps);
  }
  return await tfjsTrainer(backend.name, model, spec, config, classCount, classWeights);
}

/**
 * The run's model (seeded weights) and what trains it; the model is freed again when the
 * trainer cannot start. The caller owns both: `trainer.dispose()` and `model.dispose()`.
 */
export async function modelAndTrainer(backend: BackendInfo, request: TrainRequest, run: RunData): Promise<{ model: tf.LayersModel; trainer: RunTrainer }> {
  const model = buildModel(request.spec, run.dataset.classes.length, request.config.seed);
  try {
    return { model, trainer: await makeTrainer(backend, model, request, run) };
  } catch (error) {
    model.dispose();
    throw error;
  }
}

/**
 * The engine starts from the tfjs model's seeded weights (the same start as tfjs would train
 * from) and hands its weights back at the end; its optimizer state lives in its own memory.
 */
async function engineTrainer(
  backend: BackendInfo,
  model: tf.LayersModel,
  spec: ModelSpec,
  config: TrainConfig,
  data: Encoded,
  classWeights: number[] | null,
  runSteps: number,
): Promise<RunTrainer> {
  const plan = enginePlan(spec, data.classCount);
  const weights = await readWeights(model, plan);
  const start = { weights, ids: data.ids, labels: data.labels, classWeights };
  const choice = config.engineWorkers
    ? { workers: config.engineWorkers, note: null }
    : await chooseEngineWorkers(plan, config, start, runSteps, navigator.hardwareConcurrency);
  const team = await EngineTeam.start(plan, config, { ...start, workers: choice.workers });
  const split = team.workers === 2 ? `batches split between 2 workers, ${team.exchangeNote}` : '1 worker';
  backend.adapter = `${backend.adapter}, ${split}${choice.note ? `; Automatic ${choice.note}` : ''}`;
  return { trainee: engineTrainee(team), fused: null, settle: () => writeWeights(model, team.lead.getWeights()), dispose: () => team.dispose(), threads: team.workers };
}

/** tfjs trains the model itself: compiled with the run's optimizer and loss, fused where it pays. */
async function tfjsTrainer(
  backend: TfjsBackendName,
  model: tf.LayersModel,
  spec: ModelSpec,
  config: TrainConfig,
  classCount: number,
  classWeights: number[] | null,
): Promise<RunTrainer> {
  const optimizer = makeOptimizer(config.optimizer, config.learningRate);
  const loss = classWeights ? weightedCrossEntropy(classWeights) : tf.metrics.categoricalCrossentropy;
  model.compile({ optimizer, loss: classWeights ? loss : 'categoricalCrossentropy', metrics: ['accuracy'] });
  let fused = fusedChoice(backend, spec, classCount, config.batchSize, config.fused, backend === 'webgpu' && config.fusedWgsl !== false);
  // On WebGPU the fused step runs the studio's WGSL kernels once they prove right on this device.
  const wanted = fused === null && backend === 'webgpu';
  const refusal = !wanted ? 'not on WebGPU' : config.fusedWgsl === false ? 'turned off' : await wgslKernelsRefusal((spec.layers[0] as Conv1DLayer).activation);
  // Refused on this device: the tfjs ops path's own rule decides again (small models: standard layers).
  if (wanted && refusal !== null) fused = fusedChoice(backend, spec, classCount, config.batchSize, config.fused, false);
  const kernels: FusedKernels = refusal === null ? 'wgsl' : 'ops';
  const fusedKernels = fused !== null ? null : kernels === 'wgsl' ? 'fused WGSL kernels' : backend === 'webgpu' ? `tfjs ops (fused WGSL kernels not used: ${refusal})` : 'tfjs ops';
  const trainee = tfjsTrainee(model, fused === null ? makeFusedStep(model, spec, optimizer, loss, kernels) : undefined);
  return { trainee, fused, fusedKernels, settle: () => undefined, dispose: () => disposeOptimizer(optimizer) };
}
