import { useShallow } from 'zustand/react/shallow';
import { studioClient } from '../../client/studioClient';
import { useStudio } from '../../store/store';
import { TaskLines } from '../components/TaskLines';

/** Upload a file of texts, download a CSV of predictions and probabilities. */
export function BatchPredict() {
  const { file, busy, error, active } = useStudio(
    useShallow((s) => ({ file: s.evaluate.filePrediction, busy: s.evaluate.fileBusy, error: s.evaluate.fileError, active: s.exporting.active })),
  );
  return (
    <section aria-label="Classify a file" className="card">
      <h3>Classify a file</h3>
      <div className="field">
        <label htmlFor="predict-file">Predict a file</label>
        <input
          id="predict-file"
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/plain"
          disabled={!active || busy !== null}
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void studioClient().predictions.predictFile(f);
            e.target.value = '';
          }}
        />
        <span className="hint">A CSV/TSV with a text column (a model trained on several text columns needs each of them, by name: they are joined as in training), or plain text with one text per line. Cells that a spreadsheet would run as formulas are neutralised.</span>
      </div>
      <TaskLines busy={busy} error={error} />
      {file && (
        <p role="status">
          Predicted {file.rows.toLocaleString('en-US')} texts from {file.textColumn.includes(' + ') ? 'columns' : 'column'} “{file.textColumn}”
          {file.skipped ? ` (${file.skipped} empty rows skipped)` : ''}: {file.classes.map((c, i) => `${c} ${file.counts[i].toLocaleString('en-US')}`).join(', ')}.{' '}
          <a href={file.url} download={file.name}>
            Download predictions (CSV)
          </a>
        </p>
      )}
    </section>
  );
}
