import { useShallow } from 'zustand/react/shallow';
import { studioClient } from '../../client/studioClient';
import { patch, useStudio } from '../../store/store';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const size = (bytes: number) => (bytes > 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${(bytes / 1e3).toFixed(1)} kB`);

/** Step 6: keep the model in this browser, and the library of saved models. */
export function ExportPanel() {
  const ex = useStudio(useShallow((s) => s.exporting));
  const datasetName = useStudio((s) => s.data.table?.name ?? 'model');
  const client = studioClient();
  const defaultName = `${datasetName.replace(/\.[a-z]+$/i, '')} classifier`;
  const name = ex.modelName || defaultName;
  const canSave = ex.active !== null && ex.busy === null && name.trim() !== '';
  return (
    <section aria-labelledby="export-title">
      <h2 id="export-title">Export</h2>
      <div className="card">
        <h3>Save the current model</h3>
        {ex.active ? (
          <p className="lead">
            Current model: {ex.active.name ? `“${ex.active.name}”` : 'trained in this session, not saved yet'} · {ex.active.classes.length} classes · validation
            accuracy {pct(ex.active.valAccuracy)}
          </p>
        ) : (
          <p className="empty">No model yet: train one (Train step) or load one from the list below.</p>
        )}
        <div className="row">
          <div className="field">
            <label htmlFor="model-name">Model name</label>
            <input id="model-name" type="text" value={name} maxLength={120} onChange={(e) => patch('exporting', { modelName: e.target.value })} />
          </div>
          <button type="button" className="primary" disabled={!canSave} onClick={() => void client.save(name.trim())}>
            Save to browser
          </button>
        </div>
        {ex.busy && (
          <p role="status" className="busy">
            {ex.busy}
          </p>
        )}
        {ex.message && (
          <p role="status" className="good">
            {ex.message}
          </p>
        )}
        {ex.error && (
          <p role="alert" className="error">
            {ex.error}
          </p>
        )}
      </div>
      <div className="card">
        <h3 id="saved-title">Saved models</h3>
        {ex.saved.length === 0 ? (
          <p className="empty">No saved models in this browser yet. Saved models stay here after a reload.</p>
        ) : (
          <ul aria-label="Saved models" className="library">
            {ex.saved.map((m) => (
              <li key={m.name} aria-label={m.name}>
                <div>
                  <strong>{m.name}</strong>
                  <span className="hint">
                    {new Date(m.savedAt).toLocaleString()} · {m.dataset} · {m.classes.length} classes · val. accuracy {pct(m.valAccuracy)} · {m.backend} ·{' '}
                    {m.totalParams.toLocaleString('en-US')} parameters · {size(m.sizeBytes)}
                  </span>
                </div>
                <div className="item-actions">
                  <button type="button" disabled={ex.busy !== null} onClick={() => void client.loadModel(m.name)}>
                    Load
                  </button>
                  <button
                    type="button"
                    disabled={ex.busy !== null}
                    onClick={() => {
                      if (window.confirm(`Delete “${m.name}” from this browser? This cannot be undone.`)) void client.deleteModel(m.name);
                    }}
                  >
                    Delete
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
