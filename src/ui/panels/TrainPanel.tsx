import { useShallow } from 'zustand/react/shallow';
import { studioClient } from '../../client/studioClient';
import { validateModelSpec } from '../../core/model/modelSpec';
import { engineUnsupported } from '../../core/train/enginePlan';
import { BACKEND_CHOICES, OPTIMIZERS, validateTrainConfig, type TrainConfig } from '../../core/train/trainConfig';
import { patch, useStudio } from '../../store/store';
import { NumberField } from '../components/NumberField';
import { SelectField } from '../components/SelectField';
import { NextStep } from '../components/NextStep';
import { TrainingStatus } from './TrainingStatus';
import { TrainingSummary } from './TrainingSummary';
import { TrainingCharts } from '../charts/TrainingCharts';
import { AdvancedSettings } from '../train/AdvancedSettings';
import { RunHistory } from '../train/RunHistory';

const BACKEND_LABELS = {
  auto: 'Auto (GPU, else WASM engine, else fastest)',
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WASM',
  cpu: 'CPU',
  engine: 'WASM SIMD engine (CPU)',
} as const;
const OPTIMIZER_LABELS = { adam: 'Adam', sgd: 'SGD with momentum 0.9', rmsprop: 'RMSprop' } as const;

/** What the chosen backend will do with this model, before a run says so. */
function backendHint(choice: TrainConfig['backend'], engineRefusal: string | null): string {
  if (choice === 'engine') {
    return engineRefusal ? `Refused for this model: ${engineRefusal}. Auto's tfjs pick trains it instead.` : 'Trains on the CPU in WebAssembly SIMD; fastest without a GPU';
  }
  if (choice === 'auto') {
    return engineRefusal
      ? 'GPU if there is one, else the tfjs backend measured fastest on this model'
      : 'GPU if there is one, else the WASM engine';
  }
  if (choice === 'wasm') return "forced: tfjs' WebAssembly backend (XNNPACK SIMD) on the CPU; falls back with the reason if it cannot start";
  return 'forced; falls back with the reason if it cannot start';
}

/** Step 4: the training settings, the controls, live progress and charts. */
export function TrainPanel() {
  const { config, status, hasData, specOk, result, engineRefusal } = useStudio(
    useShallow((s) => ({
      config: s.train.config,
      status: s.train.status,
      hasData: (s.data.summary?.classes.length ?? 0) >= 2,
      specOk: validateModelSpec(s.model.spec, s.data.summary?.classes.length ?? 2).length === 0,
      result: s.train.result,
      engineRefusal: engineUnsupported(s.model.spec),
    })),
  );
  const client = studioClient();
  const set = (changes: Partial<TrainConfig>) => patch('train', { config: { ...config, ...changes } });
  const issues = validateTrainConfig(config);
  const problem = (path: keyof TrainConfig) => issues.find((i) => i.path === path)?.message;
  const running = status === 'starting' || status === 'training' || status === 'paused' || status === 'stopping';
  const blocked = !hasData ? 'Load a dataset with at least two classes first (Data step).' : !specOk ? 'Fix the model first (Model step).' : issues.length ? 'Fix the settings above.' : null;
  return (
    <section aria-labelledby="train-title">
      <h2 id="train-title">Train</h2>
      <div className="grid">
        <NumberField label="Epochs" value={config.epochs} min={1} max={1000} hint="passes over the training split" problem={problem('epochs')} disabled={running} onChange={(epochs) => set({ epochs })} />
        <NumberField label="Batch size" value={config.batchSize} min={1} hint="texts per step" problem={problem('batchSize')} disabled={running} onChange={(batchSize) => set({ batchSize })} />
        <NumberField label="Learning rate" value={config.learningRate} min={0} step="any" hint="step size" problem={problem('learningRate')} disabled={running} onChange={(learningRate) => set({ learningRate })} />
        <NumberField label="Validation split" value={config.validationSplit} min={0.05} max={0.85} step={0.05} hint="share held out, per class" problem={problem('validationSplit')} disabled={running} onChange={(validationSplit) => set({ validationSplit })} />
        <NumberField label="Test split" value={config.testSplit} min={0} max={0.5} step={0.05} hint="held out for Evaluate, never trained on" problem={problem('testSplit')} disabled={running} onChange={(testSplit) => set({ testSplit })} />
        <NumberField label="Seed" value={config.seed} hint="same seed, same split and start" problem={problem('seed')} disabled={running} onChange={(seed) => set({ seed })} />
        <SelectField label="Optimizer" value={config.optimizer} options={OPTIMIZERS.map((o) => ({ value: o, label: OPTIMIZER_LABELS[o] }))} disabled={running} onChange={(optimizer) => set({ optimizer })} />
        <SelectField label="Backend" value={config.backend} options={BACKEND_CHOICES.map((b) => ({ value: b, label: BACKEND_LABELS[b] }))} hint={backendHint(config.backend, engineRefusal)} disabled={running} onChange={(backend) => set({ backend })} />
      </div>
      <AdvancedSettings config={config} disabled={running} problem={problem('earlyStopping')} onChange={set} />
      <div className="controls">
        <button type="button" className="primary" disabled={running || blocked !== null} onClick={() => client.train()}>
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
        {blocked && <span className="hint">{blocked}</span>}
      </div>
      <TrainingStatus />
      <TrainingCharts />
      {result && <TrainingSummary result={result} />}
      <RunHistory />
      <NextStep to="evaluate" disabled={!result} why="Train a model first." />
    </section>
  );
}
