import { useShallow } from 'zustand/react/shallow';
import { validateModelSpec, firstLayer, type ModelSpec } from '../../core/modelSpec';
import { summarizeModel, formatCount } from '../../core/modelShapes';
import { modelDiagram } from '../../core/mermaid';
import { findPreset, PRESETS } from '../../core/presets';
import { parseKernelSizes, setDenseUnits, setDropout, setFilters, setKernelSize, setKernelSizes } from '../../core/specEdits';
import { patch, useStudio } from '../../store/store';
import { NumberField } from '../components/NumberField';
import { SelectField } from '../components/SelectField';
import { MermaidFigure } from '../components/MermaidFigure';
import { NextStep } from '../components/NextStep';

const CUSTOM = 'custom';

/** Step 3: a preset, its fields, the live summary and the model diagram. */
export function ModelPanel() {
  const { presetId, spec, classes } = useStudio(
    useShallow((s) => ({ presetId: s.model.presetId, spec: s.model.spec, classes: s.data.summary?.classes ?? [] })),
  );
  const edit = (next: ModelSpec) => patch('model', { spec: next, presetId: CUSTOM });
  const issues = validateModelSpec(spec, Math.max(classes.length, 2));
  const problem = (path: string) => issues.filter((i) => i.path === path || i.path.startsWith(`${path}.`)).map((i) => i.message).join(' ') || undefined;
  const convIndex = spec.layers.findIndex((l) => l.kind === 'conv1d');
  const conv = firstLayer(spec, 'conv1d');
  const dense = firstLayer(spec, 'dense');
  const dropout = firstLayer(spec, 'dropout');
  const summary = summarizeModel(spec, Math.max(classes.length, 2));
  return (
    <section aria-labelledby="model-title">
      <h2 id="model-title">Model</h2>
      <p className="lead">A convolutional text classifier: embedding, convolution, global pooling, dense layers, softmax over your classes.</p>
      <div className="row">
        <SelectField
          label="Preset"
          value={presetId}
          options={[...PRESETS.map((p) => ({ value: p.id, label: p.name })), ...(presetId === CUSTOM ? [{ value: CUSTOM, label: 'Custom (edited)' }] : [])]}
          onChange={(id) => {
            const preset = findPreset(id);
            if (!preset) return;
            patch('model', { presetId: id, spec: structuredClone(preset.spec) });
            patch('train', { config: { ...structuredClone(preset.train), backend: useStudio.getState().train.config.backend } });
          }}
          hint={findPreset(presetId)?.description ?? 'Edited from a preset.'}
        />
      </div>
      <div className="grid">
        <NumberField label="Vocabulary size" value={spec.vocabSize} min={2} hint="words (num_words)" problem={problem('vocabSize')} onChange={(vocabSize) => edit({ ...spec, vocabSize })} />
        <NumberField label="Sequence length" value={spec.sequenceLength} min={1} hint="tokens" problem={problem('sequenceLength')} onChange={(sequenceLength) => edit({ ...spec, sequenceLength })} />
        <NumberField label="Embedding dimension" value={spec.embeddingDim} min={1} hint="numbers per word" problem={problem('embeddingDim')} onChange={(embeddingDim) => edit({ ...spec, embeddingDim })} />
        {conv && (
          <>
            <NumberField label="Filters" value={conv.filters} min={1} hint="per kernel size" problem={problem(`layers.${convIndex}.filters`)} onChange={(n) => edit(setFilters(spec, n))} />
            <NumberField label="Kernel size" value={conv.kernelSizes[0] ?? 1} min={1} hint="tokens per window" problem={problem(`layers.${convIndex}.kernelSizes`)} onChange={(k) => edit(setKernelSize(spec, k))} />
            <KernelSizesField sizes={conv.kernelSizes} onChange={(sizes) => edit(setKernelSizes(spec, sizes))} />
          </>
        )}
        <NumberField label="Dense units" value={dense?.units ?? 0} min={0} hint="0 = no hidden dense layer" onChange={(n) => edit(setDenseUnits(spec, n))} />
        <NumberField label="Dropout rate" value={dropout?.rate ?? 0} min={0} max={0.95} step={0.05} hint="0 = none; 0.5 is typical" problem={dropout ? problem(`layers.${spec.layers.indexOf(dropout)}.rate`) : undefined} onChange={(r) => edit(setDropout(spec, r))} />
      </div>
      {issues.length > 0 && (
        <div role="alert" className="error">
          <p>This model cannot train yet:</p>
          <ul>
            {issues.map((i) => (
              <li key={i.path + i.message}>{i.message}</li>
            ))}
          </ul>
        </div>
      )}
      <div>
        <section aria-label="Model summary" className="card">
          <h3>Model summary</h3>
          <table aria-label="Layers">
            <thead>
              <tr>
                <th scope="col">Layer</th>
                <th scope="col">Output shape</th>
                <th scope="col" className="num">Parameters</th>
              </tr>
            </thead>
            <tbody>
              {summary.layers.map((l) => (
                <tr key={l.id}>
                  <td>{l.label}</td>
                  <td>{l.outputShapes.map((s) => `(${['None', ...s].join(', ')})`).join(' ‖ ')}</td>
                  <td className="num">{formatCount(l.params)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="stats">
            Total parameters: <strong>{formatCount(summary.totalParams)}</strong> · {(summary.totalParams * 4 / 1e6).toFixed(2)} MB of float32 weights ·{' '}
            {(summary.flopsPerSample / 1e6).toFixed(1)} MFLOP per text (forward)
          </p>
        </section>
        <MermaidFigure
          label="Model diagram"
          source={modelDiagram(spec, classes)}
          description={`Layers: ${summary.layers.map((l) => l.label).join(', then ')}.`}
        />
      </div>
      <NextStep to="train" disabled={issues.length > 0} why="Fix the model first." />
    </section>
  );
}

function KernelSizesField({ sizes, onChange }: { sizes: number[]; onChange: (sizes: number[]) => void }) {
  const text = sizes.join(', ');
  return (
    <div className="field">
      <label htmlFor="kernel-sizes">Parallel kernel sizes</label>
      <input
        id="kernel-sizes"
        type="text"
        defaultValue={text}
        key={text}
        aria-describedby="kernel-sizes-hint"
        onBlur={(e) => {
          const parsed = parseKernelSizes(e.target.value);
          if (parsed) onChange(parsed);
          else e.target.value = text;
        }}
        onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
      />
      <span id="kernel-sizes-hint" className="hint">
        e.g. 3, 4, 5 for side-by-side branches (Kim 2014)
      </span>
    </div>
  );
}
