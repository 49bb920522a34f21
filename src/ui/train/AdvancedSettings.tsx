import { augmentProblems } from '../../core/train/augment';
import { baselineOn, defaultEarlyStopping, SCHEDULES, type TrainConfig } from '../../core/train/trainConfig';
import { NumberField } from '../components/NumberField';
import { SelectField } from '../components/SelectField';
import { AugmentSettings } from './AugmentSettings';

const SCHEDULE_LABELS = {
  constant: 'Constant',
  step: 'Step (halve every 5 epochs)',
  exponential: 'Exponential (× 0.9 per epoch)',
  cosine: 'Cosine (to 0 at the last epoch)',
} as const;

interface Props {
  config: TrainConfig;
  disabled: boolean;
  problem?: string;
  onChange: (changes: Partial<TrainConfig>) => void;
}

/** Learning-rate schedule, early stopping, class weights, the engine's options, augmentation and the baseline, collapsed until opened. */
export function AdvancedSettings({ config, disabled, problem, onChange }: Props) {
  const early = config.earlyStopping ?? defaultEarlyStopping();
  const setEarly = (changes: Partial<typeof early>) => onChange({ earlyStopping: { ...early, ...changes } });
  return (
    <details className="advanced-settings" open={problem || (config.augment && augmentProblems(config.augment).length) ? true : undefined}>
      <summary>Advanced settings</summary>
      <fieldset className="grid advanced" disabled={disabled}>
      <legend>Schedule, early stopping, class weights, engine and baseline</legend>
      <SelectField
        label="Learning-rate schedule"
        value={config.schedule ?? 'constant'}
        options={SCHEDULES.map((s) => ({ value: s, label: SCHEDULE_LABELS[s] }))}
        onChange={(schedule) => onChange({ schedule })}
      />
      <NumberField
        label="Early-stopping patience"
        value={early.patience}
        min={0}
        hint="epochs without improvement; 0 = off"
        problem={problem}
        onChange={(patience) => setEarly({ patience })}
      />
      <SelectField
        label="Monitor"
        value={early.monitor}
        options={[
          { value: 'valLoss', label: 'validation loss (lower is better)' },
          { value: 'valAccuracy', label: 'validation accuracy (higher is better)' },
        ]}
        onChange={(monitor) => setEarly({ monitor })}
      />
      <label className="check">
        <input type="checkbox" checked={early.restoreBest} onChange={(e) => setEarly({ restoreBest: e.target.checked })} />
        Keep the best epoch's weights (on Stop and after early stopping)
      </label>
      <SelectField
        label="Fused convolution + max-pool step"
        value={config.fused === undefined ? 'auto' : config.fused ? 'on' : 'off'}
        options={[
          { value: 'auto', label: 'Automatic (where measured faster)' },
          { value: 'on', label: 'On (sparse gradient, same model)' },
          { value: 'off', label: 'Off (standard layers)' },
        ]}
        hint="GPU and other backends; the WASM engine always uses the fast path"
        onChange={(v) => onChange({ fused: v === 'auto' ? undefined : v === 'on' })}
      />
      <SelectField
        label="Fused step on WebGPU"
        value={config.fusedWgsl === false ? 'ops' : 'wgsl'}
        options={[
          { value: 'wgsl', label: 'WGSL kernels (fast)' },
          { value: 'ops', label: 'tfjs ops (earlier path)' },
        ]}
        hint="What the fused step runs on WebGPU"
        onChange={(v) => onChange({ fusedWgsl: v === 'wgsl' ? undefined : false })}
      />
      <SelectField
        label="Engine workers"
        value={String(config.engineWorkers ?? 'auto')}
        options={[
          { value: 'auto', label: 'Automatic (measures 1 and 2, keeps the faster)' },
          { value: '1', label: '1 (one worker)' },
          { value: '2', label: '2 (each batch split between two workers)' },
        ]}
        hint="WASM engine only"
        onChange={(v) => onChange({ engineWorkers: v === 'auto' ? undefined : (Number(v) as 1 | 2) })}
      />
      <SelectField
        label="Class weights"
        value={config.classWeights ?? 'none'}
        options={[
          { value: 'none', label: 'None (every text counts the same)' },
          { value: 'balanced', label: 'Balanced (rare classes count more)' },
        ]}
        onChange={(classWeights) => onChange({ classWeights })}
      />
      <label className="check">
        <input type="checkbox" checked={baselineOn(config)} onChange={(e) => onChange({ baseline: e.target.checked })} />
        Train a baseline beside the CNN (TF-IDF + logistic regression, same split, its own worker)
      </label>
      </fieldset>
      <AugmentSettings config={config} disabled={disabled} onChange={onChange} />
    </details>
  );
}
