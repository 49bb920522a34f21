import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { studioClient } from '../../client/studioClient';
import { useStudio } from '../../store/store';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ExportStatus } from './ExportStatus';
import { percent } from '../../core/format';
import { modelNameFor } from './modelName';

/** The model the worker holds now, its name, and "Save to browser" (asking before replacing). */
export function SaveCard() {
  const { active, modelName, busy, saved } = useStudio(
    useShallow((s) => ({ active: s.exporting.active, modelName: s.exporting.modelName, busy: s.exporting.busy, saved: s.exporting.saved })),
  );
  const datasetName = useStudio((s) => s.data.table?.name);
  const setModelName = useStudio((s) => s.setModelName);
  const [replacing, setReplacing] = useState<string | null>(null);
  const name = modelNameFor(modelName, active?.name, datasetName);
  const canSave = active !== null && busy === null && name !== '';
  // Name clashes are decided on the latest list: another tab may have saved this name.
  const save = async () => {
    if (saved.some((m) => m.name === name) || (await studioClient().library.nameTaken(name))) setReplacing(name);
    else void studioClient().library.save(name);
  };
  return (
    <div className="card">
      <h3>Save the current model</h3>
      {active ? (
        <p className="lead">
          Current model: {active.name ? `“${active.name}”` : 'trained in this session, not saved yet'} · {active.classes.length} classes · validation accuracy{' '}
          {percent(active.valAccuracy)}
        </p>
      ) : (
        <p className="empty">No model yet: train one (Train step), or load or import one below.</p>
      )}
      <div className="row">
        <div className="field">
          <label htmlFor="model-name">Model name</label>
          <input
            id="model-name"
            type="text"
            value={modelName || name}
            maxLength={120}
            aria-describedby="model-name-hint"
            onChange={(e) => setModelName(e.target.value)}
          />
          <span id="model-name-hint" className="hint">
            Used for the saved model and the downloaded .zip.
          </span>
        </div>
        <button type="button" className="primary" disabled={!canSave} onClick={() => void save()}>
          Save to browser
        </button>
      </div>
      <ExportStatus scope="save" />
      <ConfirmDialog
        request={replacing ? { title: `Replace “${replacing}”?`, body: `A model named “${replacing}” is already saved in this browser. Saving replaces it; the old weights are removed only after the new ones are stored.`, confirmLabel: 'Replace' } : null}
        onConfirm={() => {
          const target = replacing;
          setReplacing(null);
          if (target) void studioClient().library.save(target, true);
        }}
        onCancel={() => setReplacing(null)}
      />
    </div>
  );
}
