import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { studioClient } from '../../client/studioClient';
import type { WeightQuantization } from '../../core/export/quantize';
import { useStudio } from '../../store/store';
import { ExportStatus } from './ExportStatus';
import { modelNameFor } from './modelName';
import { CompareFormats } from './CompareFormats';
import { QuantizationTable } from './QuantizationTable';

const FORMATS: { mode: WeightQuantization; label: string; hint: string }[] = [
  { mode: 'none', label: 'float32', hint: 'exact weights' },
  { mode: 'float16', label: 'float16', hint: 'half the size' },
  { mode: 'uint8', label: '8-bit', hint: 'a quarter of the size' },
];

/** "Download model": one .zip with the model, tokenizer, metadata, model card and predict.html. */
export function DownloadCard() {
  const { active, busy, modelName, quantization, comparing } = useStudio(
    useShallow((s) => ({
      active: s.exporting.active,
      busy: s.exporting.busy,
      modelName: s.exporting.modelName,
      quantization: s.exporting.quantization,
      comparing: s.exporting.comparing !== null,
    })),
  );
  const datasetName = useStudio((s) => s.data.table?.name);
  const [mode, setMode] = useState<WeightQuantization>('none');
  const name = modelNameFor(modelName, active?.name, datasetName);
  // Measured for the model the worker holds now (saving it during the comparison keeps it the same).
  const report = quantization && active && quantization.model?.id === active.id ? quantization.report : null;
  const client = studioClient();
  const choose = (next: WeightQuantization) => {
    setMode(next);
    // Measure before the user decides: size and accuracy change come with the choice.
    if (next !== 'none' && !report && !comparing) void client.library.previewQuantization();
  };
  return (
    <div className="card">
      <h3>Download</h3>
      <p className="lead">
        One .zip: <code>model.json</code> and weights (TensorFlow.js layers format), <code>tokenizer.json</code> (Keras layout), <code>metadata.json</code>, a{' '}
        <code>README.md</code> model card and <code>predict.html</code>, a page that classifies texts offline.
      </p>
      <fieldset className="formats" disabled={!active}>
        <legend>Weights</legend>
        {FORMATS.map((f) => (
          <label key={f.mode}>
            <input type="radio" name="weights-format" value={f.mode} checked={mode === f.mode} onChange={() => choose(f.mode)} /> {f.label}{' '}
            <span className="hint">({f.hint})</span>
          </label>
        ))}
      </fieldset>
      {report ? (
        <QuantizationTable report={report} selected={mode} />
      ) : (
        <CompareFormats disabled={!active} />
      )}
      <div className="row">
        <button type="button" className="primary" disabled={!active || busy !== null} onClick={() => void client.library.downloadModel(name, mode)}>
          Download model
        </button>
        <span className="hint">Saved as “{name}.zip”.</span>
      </div>
      <ExportStatus scope="download" />
    </div>
  );
}
