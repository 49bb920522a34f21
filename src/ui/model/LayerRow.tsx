import { useState } from 'react';
import type { Activation, LayerSpec } from '../../core/model/modelSpec';
import type { LayerSummary } from '../../core/model/modelShapes';
import { parseKernelSizes } from '../../core/model/layerStack';
import { NumberField } from '../components/NumberField';
import { SelectField } from '../components/SelectField';

const ACTIVATIONS: readonly Activation[] = ['relu', 'tanh', 'sigmoid', 'linear'];

interface Props {
  layer: LayerSpec;
  index: number;
  count: number;
  /** Whether this is the first layer of its kind: its fields carry the UI contract's exact names. */
  firstOfKind: boolean;
  summary: LayerSummary | undefined;
  problem: (path: string) => string | undefined;
  onChange: (layer: LayerSpec) => void;
  onMove: (delta: number) => void;
  onDuplicate: () => void;
  onRemove: () => void;
}

const TITLES: Record<LayerSpec['kind'], string> = {
  conv1d: 'Conv1D',
  globalMaxPool: 'Global max pooling',
  globalAvgPool: 'Global average pooling',
  dropout: 'Dropout',
  dense: 'Dense',
  maxPool: 'Max pooling',
  batchNorm: 'Batch normalization',
};

/** One editable layer: its fields, output shape, parameters, and move / duplicate / remove. */
export function LayerRow({ layer, index, count, firstOfKind, summary, problem, onChange, onMove, onDuplicate, onRemove }: Props) {
  const n = index + 1;
  const name = (contract: string) => (firstOfKind ? contract : `${contract} (layer ${n})`);
  const at = `layers.${index}`;
  const shapes = summary?.outputShapes.map((s) => `(${['None', ...s].join(', ')})`).join(' ‖ ') ?? '';
  return (
    <li className="layer" aria-label={`Layer ${n}: ${TITLES[layer.kind]}`}>
      <div className="layer-head">
        <span className="layer-index">{n}</span>
        <strong>{TITLES[layer.kind]}</strong>
        <span className="hint">
          → {shapes} · {summary ? summary.params.toLocaleString('en-US') : 0} params
        </span>
        <span className="layer-actions">
          <button type="button" aria-label={`Move layer ${n} up`} disabled={index === 0} onClick={() => onMove(-1)}>
            ↑
          </button>
          <button type="button" aria-label={`Move layer ${n} down`} disabled={index === count - 1} onClick={() => onMove(1)}>
            ↓
          </button>
          <button type="button" aria-label={`Duplicate layer ${n}`} onClick={onDuplicate}>
            Duplicate
          </button>
          <button type="button" aria-label={`Remove layer ${n}`} onClick={onRemove}>
            Remove
          </button>
        </span>
      </div>
      <div className="layer-fields">
        {layer.kind === 'conv1d' && (
          <>
            <NumberField label={name('Filters')} value={layer.filters} min={1} hint="per kernel size" problem={problem(`${at}.filters`)} onChange={(filters) => onChange({ ...layer, filters })} />
            <NumberField
              label={name('Kernel size')}
              value={layer.kernelSizes[0] ?? 1}
              min={1}
              hint="tokens per window"
              problem={problem(`${at}.kernelSizes`)}
              onChange={(k) => onChange({ ...layer, kernelSizes: [k, ...layer.kernelSizes.slice(1)] })}
            />
            <KernelSizesField label={`Parallel kernel sizes (layer ${n})`} sizes={layer.kernelSizes} problem={problem(`${at}.kernelSizes`)} onChange={(kernelSizes) => onChange({ ...layer, kernelSizes })} />
            <SelectField
              label={`Activation (layer ${n})`}
              value={layer.activation}
              options={ACTIVATIONS.map((a) => ({ value: a, label: a }))}
              onChange={(activation) => onChange({ ...layer, activation })}
            />
            <SelectField
              label={`Padding (layer ${n})`}
              value={layer.padding ?? 'valid'}
              options={[
                { value: 'valid', label: 'valid (shortens)' },
                { value: 'same', label: 'same (keeps length)' },
              ]}
              onChange={(padding) => onChange({ ...layer, padding })}
            />
            <NumberField label={`Stride (layer ${n})`} value={layer.strides ?? 1} min={1} hint="tokens between windows" problem={problem(`${at}.strides`)} onChange={(strides) => onChange({ ...layer, strides })} />
          </>
        )}
        {layer.kind === 'maxPool' && (
          <NumberField label={`Pool size (layer ${n})`} value={layer.poolSize} min={1} hint="steps per window" problem={problem(`${at}.poolSize`)} onChange={(poolSize) => onChange({ ...layer, poolSize })} />
        )}
        {layer.kind === 'dense' && (
          <>
            <NumberField label={name('Dense units')} value={layer.units} min={1} hint="neurons" problem={problem(`${at}.units`)} onChange={(units) => onChange({ ...layer, units })} />
            <SelectField
              label={`Activation (layer ${n})`}
              value={layer.activation}
              options={ACTIVATIONS.map((a) => ({ value: a, label: a }))}
              onChange={(activation) => onChange({ ...layer, activation })}
            />
            <NumberField label={`L1 (layer ${n})`} value={layer.l1 ?? 0} min={0} step="any" hint="weight penalty" problem={problem(`${at}.l2`)} onChange={(l1) => onChange({ ...layer, l1 })} />
            <NumberField label={`L2 (layer ${n})`} value={layer.l2 ?? 0} min={0} step="any" hint="weight penalty" onChange={(l2) => onChange({ ...layer, l2 })} />
          </>
        )}
        {layer.kind === 'dropout' && (
          <NumberField
            label={name('Dropout rate')}
            value={layer.rate}
            min={0}
            max={0.95}
            step={0.05}
            hint="share of units dropped while training"
            problem={problem(`${at}.rate`)}
            onChange={(rate) => onChange({ ...layer, rate })}
          />
        )}
        {(layer.kind === 'globalMaxPool' || layer.kind === 'globalAvgPool') && (
          <SelectField
            label={`Pooling (layer ${n})`}
            value={layer.kind}
            options={[
              { value: 'globalMaxPool', label: 'max over time' },
              { value: 'globalAvgPool', label: 'average over time' },
            ]}
            onChange={(kind) => onChange({ kind })}
          />
        )}
      </div>
      {problem(at) && <p className="problem">{problem(at)}</p>}
    </li>
  );
}

/**
 * Several kernel sizes as text ("3, 4, 5"). What is typed stays on screen; something that is
 * not a list of whole numbers above 0 gets an inline message like every other field, and the
 * model keeps its last valid sizes until it is fixed. A valid list applies on Enter or leaving
 * the field (one undo step).
 */
function KernelSizesField({ label, sizes, problem, onChange }: { label: string; sizes: number[]; problem?: string; onChange: (sizes: number[]) => void }) {
  const text = sizes.join(', ');
  const id = `kernels-${label.replace(/\W+/g, '-')}`;
  const [typed, setTyped] = useState(text);
  // A change from outside (undo, a preset) replaces what is typed; adjusted while rendering.
  const [shown, setShown] = useState(text);
  if (shown !== text) {
    setShown(text);
    setTyped(text);
  }
  const invalid = parseKernelSizes(typed) === null;
  const message = invalid ? 'Kernel sizes must be whole numbers above 0, separated by commas, e.g. 3, 4, 5.' : problem;
  return (
    <div className={`field${message ? ' field-problem' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        value={typed}
        aria-invalid={message ? true : undefined}
        aria-describedby={`${id}-hint ${id}-problem`}
        onChange={(e) => setTyped(e.target.value)}
        onBlur={() => {
          const parsed = parseKernelSizes(typed);
          if (parsed && parsed.join(', ') !== text) onChange(parsed);
        }}
        onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
      />
      <span id={`${id}-hint`} className="hint">
        e.g. 3, 4, 5: side-by-side branches (Kim 2014)
      </span>
      <span id={`${id}-problem`} className="problem">
        {message}
      </span>
    </div>
  );
}
