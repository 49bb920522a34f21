import { useShallow } from 'zustand/react/shallow';
import { studioClient } from '../../client/studioClient';
import { validateModelSpec } from '../../core/model/modelSpec';
import { BACKEND_CHOICES, OPTIMIZERS, validateTrainConfig, type BackendChoice, type TrainConfig } from '../../core/train/trainConfig';
import { badgeText } from '../../core/train/trainerLabel';
import { useTrainer } from '../components/useTrainer';
import { useStudio } from '../../store/store';
import { NumberField } from '../components/NumberField';
import { SelectField } from '../components/SelectField';
import { NextStep } from '../components/NextStep';
import { TrainingStatus } from './TrainingStatus';
import { TrainingSummary } from './TrainingSummary';
import { TrainingCharts } from '../charts/TrainingCharts';
import { AdvancedSettings } from '../train/AdvancedSettings';
import { BaselineView } from '../train/BaselineView';
import { RunHistory } from '../train/RunHistory';
import { CrossValidation } from '../train/CrossValidation';
import { SearchSection } from '../train/SearchSection';

const OPTIMIZER_LABELS = { adam: 'Adam', sgd: 'SGD with momentum 0.9', rmsprop: 'RMSprop' } as const;

/** Short enough to read whole in the field; what each choice trains on here is in the hint. */
const BACKEND_LABELS: Readonly<Record<BackendChoice, string>> = {
  auto: 'Auto (recommended)',
  engine: 'WASM engine (CPU)',
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WASM (CPU)',
  cpu: 'JavaScript (CPU)',
};

/** Step 4: the training settings, the controls, live progress and charts. */
export function TrainPanel() {
  const { config, status, hasData, specOk, result, testFile, baseline, crossValidating, searching } = useStudio(
    useShallow((s) => ({
      crossValidating: s.crossValidation.status !== 'idle',
      config: s.train.config,
      status: s.train.status,
      hasData: (s.data.summary?.classes.length ?? 0) >= 2,
      specOk: validateModelSpec(s.model.spec, s.data.summary?.classes.length ?? 2).length === 0,
      result: s.train.result,
      testFile: s.data.testSet === 'file' ? (s.data.testFile?.name ?? null) : null,
      baseline: s.train.baseline,
      searching: s.search.status === 'running' || s.search.status === 'cancelling',
    })),
  );
  const client = studioClient().training;
  const trainer = useTrainer();
  const set = useStudio((s) => s.setTrainConfig);
  const issues = validateTrainConfig(config);
  const problem = (path: keyof TrainConfig) => issues.find((i) => i.path === path)?.message;
  const running = status === 'starting' || status === 'training' || status === 'paused' || status === 'stopping';
  const blocked = !hasData ? 'Load a dataset with at least two classes first (Data step).' : !specOk ? 'Fix the model first (Model step).' : issues.length ? 'Fix the settings above.' : null;
  const searchingWhy = searching ? 'A search is running: cancel it or let it finish first.' : null;
  const trainBlocked = blocked ?? (crossValidating ? 'Cross-validation is running: cancel it or wait for it to finish.' : searchingWhy);
  return (
    <section aria-labelledby="train-title">
      <h2 id="train-title">Train</h2>
      <div className="grid">
        <NumberField label="Epochs" value={config.epochs} min={1} max={1000} hint="passes over the training split" problem={problem('epochs')} disabled={running} onChange={(epochs) => set({ epochs })} />
        <NumberField label="Batch size" value={config.batchSize} min={1} hint="texts per step" problem={problem('batchSize')} disabled={running} onChange={(batchSize) => set({ batchSize })} />
        <NumberField label="Learning rate" value={config.learningRate} min={0} step="any" hint="step size" problem={problem('learningRate')} disabled={running} onChange={(learningRate) => set({ learningRate })} />
        <NumberField label="Validation split" value={config.validationSplit} min={0.05} max={0.85} step={0.05} hint="share held out, per class" problem={problem('validationSplit')} disabled={running} onChange={(validationSplit) => set({ validationSplit })} />
        <NumberField label="Test split" value={config.testSplit} min={0} max={0.5} step={0.05} hint={testFile ? `not used: the test file “${testFile}” is the test set (Data step)` : 'held out for Evaluate, never trained on'} problem={problem('testSplit')} disabled={running || testFile !== null} onChange={(testSplit) => set({ testSplit })} />
        <NumberField label="Seed" value={config.seed} hint="same seed, same split and start" problem={problem('seed')} disabled={running} onChange={(seed) => set({ seed })} />
        <SelectField label="Optimizer" value={config.optimizer} options={OPTIMIZERS.map((o) => ({ value: o, label: OPTIMIZER_LABELS[o] }))} disabled={running} onChange={(optimizer) => set({ optimizer })} />
        <SelectField label="Backend" value={config.backend} options={BACKEND_CHOICES.map((b) => ({ value: b, label: BACKEND_LABELS[b] }))} hint={trainer ? `Trains on ${badgeText(trainer.label)}. ${trainer.reason}` : undefined} disabled={running} onChange={(backend) => set({ backend })} />
      </div>
      <AdvancedSettings config={config} disabled={running} problem={problem('earlyStopping')} onChange={set} />
      <div className="controls">
        <button type="button" className="primary" disabled={running || trainBlocked !== null} onClick={() => client.train()}>
          Train
        </button>
        <button type="button" disabled={status !== 'training'} onClick={() => client.pause()}>
          Pause
        </button>
        <button type="button" disabled={status !== 'paused'} onClick={() => client.resume()}>
          Resume
        </button>
        <button type="button" disabled={!running || status === 'stopping'} onClick={() => client.stop()}>
          Stop
        </button>
        {trainBlocked && <span className="hint">{trainBlocked}</span>}
      </div>
      <TrainingStatus />
      <TrainingCharts />
      {(result || baseline) && (
        <div className="two-col">
          {result && <TrainingSummary result={result} />}
          {baseline && <BaselineView report={baseline} cnn={result && { accuracy: result.valAccuracy, macroF1: result.validation.macro.f1 }} split="validation" />}
        </div>
      )}
      <CrossValidation blocked={blocked ?? searchingWhy} />
      <SearchSection />
      <RunHistory />
      <NextStep to="evaluate" disabled={!result} why="Train a model first." />
    </section>
  );
}
