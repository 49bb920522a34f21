import * as tf from '@tensorflow/tfjs';
import { stratifiedSplit } from '../../core/data/split';
import { fitTokenizer } from '../../core/text/tokenizer';
import { resolveTokenizer } from '../../core/text/tokenizerMode';
import { encodeTexts } from '../../core/text/padSequences';
import { validateModelSpec } from '../../core/model/modelSpec';
import type { FromWorker, TfjsBackendName, TrainRequest } from '../../protocol/messages';
import { chooseTrainer } from '../backends/trainerChoice';
import { autoEngineWorkers, enginePlan } from '../../core/train/enginePlan';
import { EngineTeam } from './engine/engineTeam';
import { engineTrainee, readWeights, writeWeights } from './engine/engineTrainee';
import { buildModel, makeOptimizer, setLearningRate, weightedCrossEntropy } from './buildModel';
import { balancedClassWeights, defaultEarlyStopping, learningRateAt, validateTrainConfig } from '../../core/train/trainConfig';
import { scoreRows, tfjsTrainee, trainLoop, type Encoded, type Trainee } from './trainer';
import { postEvaluation } from '../predict/evaluate';
import { fusedChoice, makeFusedStep } from './fused/fusedStep';
import { fingerprint, session } from '../session';

/** Minimum time between two per-batch events, so the page's charts stay smooth. */
const BATCH_EVENT_MS = 100;

/** Runs one training run end to end and reports through `post`. */
export async function runTraining(
  runId: number,
  request: TrainRequest,
  post: (m: FromWorker, transfer?: Transferable[]) => void,
): Promise<void> {
  const { spec, config } = request;
  // The page enables Train when a run reports "done"; its evaluation may still be on its way.
  await session.evaluating;
  const dataset = session.dataset;
  if (!dataset) throw new Error('Load a dataset and choose its columns before training.');
  if (session.run) throw new Error('A training run is already in progress: stop it before starting another.');
  const problems = [...validateModelSpec(spec, dataset.classes.length), ...validateTrainConfig(config)];
  if (problems.length) throw new Error(problems.map((p) => p.message).join(' '));

  const backend = await chooseTrainer(config.backend, spec, dataset.classes.length);
  session.backend = backend;
  post({ type: 'backend', info: backend });

  const labels = dataset.labels;
  const split = stratifiedSplit(labels, { validation: config.validationSplit, test: config.testSplit, seed: config.seed });
  if (split.validation.length === 0) throw new Error('The validation split is empty: add more rows or raise the validation split.');
  // Fitted on the training rows only: the validation texts must stay unseen.
  const trainTexts = Array.from(split.train, (i) => dataset.texts[i]);
  // The Preprocess step's options; 'auto' is decided on these same training texts.
  const tokenizer = fitTokenizer(trainTexts, resolveTokenizer(request.tokenizer, spec.vocabSize, trainTexts).config);
  const data: Encoded = {
    ids: encodeTexts(tokenizer, dataset.texts, { maxlen: spec.sequenceLength }),
    labels,
    sequenceLength: spec.sequenceLength,
    classCount: dataset.classes.length,
  };

  const model = buildModel(spec, dataset.classes.length, config.seed);
  // tfjs' optimizer, when tfjs trains (the engine keeps its optimizer state in its own memory).
  let optimizer: tf.Optimizer | null = null;
  const classWeights = config.classWeights === 'balanced' ? balancedClassWeights(labels, split.train, dataset.classes.length) : null;
  let trainee: Trainee;
  let fusedReason: string | null;
  let onEpochStart: (epoch: number) => void;
  let team: EngineTeam | null = null;
  if (backend.name === 'engine') {
    // The engine starts from the tfjs model's seeded weights and hands its weights back at the end.
    const plan = enginePlan(spec, dataset.classes.length);
    team = await EngineTeam.start(
      plan,
      {
        batchSize: config.batchSize,
        optimizer: config.optimizer,
        learningRate: config.learningRate,
        classWeights,
        seed: config.seed,
        workers: config.engineWorkers ?? autoEngineWorkers(spec, dataset.classes.length, config.batchSize, navigator.hardwareConcurrency),
      },
      await readWeights(model, plan),
      data.ids,
      labels,
    ).catch((error: unknown) => {
      model.dispose();
      throw error;
    });
    trainee = engineTrainee(team);
    backend.adapter = `${backend.adapter}, ${team.workers === 2 ? 'batches split between 2 workers' : '1 worker'}`;
    fusedReason = null;
    onEpochStart = (epoch) => (team!.learningRate = learningRateAt(config, epoch));
  } else {
    const tfOptimizer = (optimizer = makeOptimizer(config.optimizer, config.learningRate));
    const loss = classWeights ? weightedCrossEntropy(classWeights) : tf.metrics.categoricalCrossentropy;
    model.compile({ optimizer: tfOptimizer, loss: classWeights ? loss : 'categoricalCrossentropy', metrics: ['accuracy'] });
    fusedReason = fusedChoice(backend.name as TfjsBackendName, spec, dataset.classes.length, config.batchSize, config.fused);
    trainee = tfjsTrainee(model, fusedReason === null ? makeFusedStep(model, spec, tfOptimizer, loss) : undefined);
    onEpochStart = (epoch) => setLearningRate(tfOptimizer, learningRateAt(config, epoch));
  }
  const control = { paused: false, stopRequested: false, wake: null };
  session.run = { id: runId, control };
  post({
    type: 'trainStarted',
    runId,
    backend,
    trainCount: split.train.length,
    valCount: split.validation.length,
    batchesPerEpoch: Math.ceil(split.train.length / config.batchSize),
    fused: fusedReason,
  });

  const started = performance.now();
  let lastBatchEvent = 0;
  try {
    const loop = await trainLoop(trainee, data, split.train, split.validation, control, {
      epochs: config.epochs,
      batchSize: config.batchSize,
      seed: config.seed,
      onBatch: (info) => {
        const now = performance.now();
        if (now - lastBatchEvent < BATCH_EVENT_MS) return;
        lastBatchEvent = now;
        post({ type: 'batch', runId, ...info });
      },
      onEpoch: (metrics) => post({ type: 'epoch', runId, metrics }),
      onPause: () => post({ type: 'paused', runId }),
      onResume: () => post({ type: 'resumed', runId }),
      onEpochStart,
      earlyStopping: config.earlyStopping ?? defaultEarlyStopping(),
    });
    if (team) writeWeights(model, team.lead.getWeights());
    const val = scoreRows(await trainee.predict(data, split.validation), data, split.validation);
    const result = {
      classes: dataset.classes,
      epochs: loop.epochs,
      valAccuracy: val.accuracy,
      valLoss: val.loss,
      valMajorityRate: val.majorityRate,
      validation: val.report,
      confusion: val.confusion,
      durationMs: performance.now() - started,
      samplesPerSecond: loop.trainingMs > 0 ? loop.samplesSeen / (loop.trainingMs / 1000) : 0,
      backend: backend.name,
      stopReason: loop.stopReason,
      restoredEpoch: loop.restoredEpoch,
      trainCount: split.train.length,
      valCount: split.validation.length,
      testCount: split.test.length,
    };
    session.active?.model.dispose();
    session.active = {
      model,
      tokenizer,
      classes: dataset.classes,
      spec,
      config,
      result,
      datasetName: session.sourceName,
      datasetFingerprint: fingerprint(dataset),
      examples: dataset.texts.length,
      backend: backend.name,
      heldOut: { dataset, validation: split.validation, test: split.test },
    };
    post({ type: 'trainDone', runId, result });
    // Training is over: the evaluation below no longer needs the run's controls.
    if (session.run?.id === runId) session.run = null;
    const evaluating = postEvaluation(runId, session.active, data, split, val, post, (rows) => trainee.predict(data, rows));
    session.evaluating = evaluating.catch(() => undefined);
    await evaluating;
  } catch (error) {
    model.dispose();
    throw error;
  } finally {
    // The optimizer's slots (Adam moments) are not owned by the model: free them here.
    optimizer?.dispose();
    team?.dispose();
    if (session.run?.id === runId) session.run = null;
  }
}
