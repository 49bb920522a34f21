import { useShallow } from 'zustand/react/shallow';
import { studioClient } from '../../client/studioClient';
import { patch, useStudio } from '../../store/store';
import { SelectField } from '../components/SelectField';
import { NextStep } from '../components/NextStep';
import { DatasetSummaryView } from './DatasetSummaryView';

const formatBytes = (n: number) => (n > 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1e3))} kB`);

/** Step 1: choose a sample or upload a file, map its columns, read the summary. */
export function DataPanel() {
  const data = useStudio(useShallow((s) => s.data));
  const client = studioClient();
  const sample = data.samples.find((s) => s.id === data.sampleId);
  const columnOptions = (data.table?.columns ?? []).map((name, i) => ({ value: String(i), label: name }));
  return (
    <section aria-labelledby="data-title">
      <h2 id="data-title">Data</h2>
      <p className="lead">Bring labeled texts: a sample, or your own CSV/TSV file with a text column and a label column. Nothing leaves your browser.</p>
      <div className="row">
        <SelectField
          label="Sample dataset"
          value={data.sampleId}
          options={data.samples.map((s) => ({ value: s.id, label: `${s.name} (${s.rows.toLocaleString('en-US')} rows)` }))}
          onChange={(sampleId) => patch('data', { sampleId })}
          hint={sample ? `${sample.description} ${formatBytes(sample.sizeBytes)} · ${sample.license}` : 'No samples found'}
        />
        <button type="button" disabled={!sample || data.loading !== null} onClick={() => sample && void client.loadSample(sample)}>
          Load sample
        </button>
        <div className="field">
          <label htmlFor="upload">Upload dataset</label>
          <input
            id="upload"
            type="file"
            accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
            disabled={data.loading !== null}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void client.loadFile(file);
              e.target.value = '';
            }}
          />
          <span className="hint">CSV or TSV, header row optional, UTF-8 or UTF-16.</span>
        </div>
      </div>
      {data.loading && (
        <p role="status" className="busy">
          Reading “{data.loading}”…
        </p>
      )}
      {data.error && (
        <p role="alert" className="error">
          {data.error}
        </p>
      )}
      {data.table && (
        <>
          {data.table.notices.map((n) => (
            <p key={n} className="notice">
              {n}
            </p>
          ))}
          <div className="row">
            <SelectField
              label="Text column"
              value={String(data.textColumn)}
              options={columnOptions}
              onChange={(v) => void client.mapColumns(Number(v), data.labelColumn)}
            />
            <SelectField
              label="Label column"
              value={String(data.labelColumn)}
              options={columnOptions}
              onChange={(v) => void client.mapColumns(data.textColumn, Number(v))}
            />
          </div>
          <div className="table-scroll">
            <table aria-label="Data preview">
              <caption>
                First rows of “{data.table.name}” ({data.table.rowCount.toLocaleString('en-US')} rows{data.table.hasHeader ? ', header row detected' : ', no header row'})
              </caption>
              <thead>
                <tr>
                  {data.table.columns.map((c, i) => (
                    <th key={i} scope="col" className={i === data.textColumn ? 'col-text' : i === data.labelColumn ? 'col-label' : ''}>
                      {c}
                      {i === data.textColumn ? ' (text)' : i === data.labelColumn ? ' (label)' : ''}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.table.preview.map((row, r) => (
                  <tr key={r}>
                    {data.table!.columns.map((_, c) => (
                      <td key={c}>{row[c] ?? ''}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {data.summary && <DatasetSummaryView summary={data.summary} />}
      {!data.table && !data.loading && !data.error && <p className="empty">No dataset yet: load a sample or upload a file to begin.</p>}
      <NextStep to="preprocess" disabled={!data.summary || data.summary.classes.length < 2} why="Load a dataset with at least two classes first." />
    </section>
  );
}
