import { useShallow } from 'zustand/react/shallow';
import { studioClient } from '../../client/studioClient';
import { useStudio } from '../../store/store';
import { CheckboxField } from '../components/CheckboxField';
import { NextStep } from '../components/NextStep';
import { SelectField } from '../components/SelectField';
import { formatBytes, withUnit } from '../../core/format';
import { FormatOptions } from '../data/FormatOptions';
import { LoadProgress } from '../data/LoadProgress';
import { DataPreview } from '../data/DataPreview';
import { SplitPreview } from '../data/SplitPreview';
import { TestSetChoice } from '../data/TestSetChoice';
import { TextColumns } from '../data/TextColumns';
import { DatasetSummaryView } from './DatasetSummaryView';
import { DATA_FILE_ACCEPT as ACCEPT } from '../data/accept';

/**
 * A new label column is no text column: it leaves the text columns, and when it was the only
 * one the old label column takes its place (the two swap).
 */
function labelChosen(textColumns: number[], oldLabel: number, label: number): [number[], number] {
  const rest = textColumns.filter((c) => c !== label);
  return [rest.length ? rest : [oldLabel], label];
}

/** Step 1: choose a sample or upload a file, check how it was read, map its columns, read the summary. */
export function DataPanel() {
  // Everything but the reading progress, which LoadProgress follows on its own (10 updates a second).
  const data = useStudio(
    useShallow((s) => {
      const { progress: _progress, cancelling: _cancelling, ...rest } = s.data;
      return rest;
    }),
  );
  const selectSample = useStudio((s) => s.selectSample);
  const client = studioClient().data;
  const sample = data.samples.find((s) => s.id === data.sampleId);
  const busy = data.loading !== null;
  const columnOptions = (data.table?.columns ?? []).map((name, i) => ({ value: String(i), label: name }));
  return (
    <section aria-labelledby="data-title">
      <h2 id="data-title">Data</h2>
      <p className="lead">
        Bring labeled texts: a sample, or your own file (CSV, TSV, JSON, JSON Lines, fastText or label&lt;TAB&gt;text lines) with a text and a label per row.
        Nothing leaves your browser.
      </p>
      {data.table && (
        <section aria-label="Active dataset" className="active-dataset card">
          <span>
            In use: <strong>{data.table.name}</strong>
          </span>
          <span>
            {withUnit(data.table.rowCount, 'row')}
            {data.summary ? ` → ${withUnit(data.summary.examples, 'example')}, ${data.summary.classes.length} ${data.summary.classes.length === 1 ? 'class' : 'classes'}` : ''}
          </span>
          <span className="origin">{data.samples.some((x) => x.name === data.table?.name) ? 'Sample dataset' : 'Uploaded file'}</span>
        </section>
      )}
      <div className="row">
        <SelectField
          label="Sample dataset"
          value={data.sampleId}
          options={data.samples.map((s) => ({ value: s.id, label: `${s.name} (${withUnit(s.rows, 'row')})` }))}
          onChange={selectSample}
          hint={sample ? `${sample.description} ${formatBytes(sample.sizeBytes)} · ${sample.license}` : 'No samples found'}
        />
        <button type="button" disabled={!sample || busy} onClick={() => sample && void client.loadSample(sample)}>
          Load sample
        </button>
        <div className="field">
          <label htmlFor="upload">Upload dataset</label>
          <input
            id="upload"
            type="file"
            accept={ACCEPT}
            disabled={busy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void client.loadFile(file);
              e.target.value = '';
            }}
          />
          <span className="hint">Header row optional; UTF-8, UTF-16 or Windows-1252. Read in the background: the page stays usable.</span>
        </div>
      </div>
      <LoadProgress />
      {data.error && (
        <>
          <p role="alert" className="error">
            {data.error}
          </p>
          {data.table && <p className="hint">Still using “{data.table.name}”.</p>}
        </>
      )}
      {data.notice && (
        <p role="status" className="busy">
          {data.notice}
        </p>
      )}
      {data.table && (
        <>
          <FormatOptions table={data.table} options={data.ingestOptions} disabled={busy} />
          <TextColumns columns={data.table.columns} checked={data.textColumns} labelColumn={data.labelColumn} disabled={busy} onChange={(columns) => void client.mapColumns(columns, data.labelColumn)} />
          <div className="row">
            <SelectField label="Label column" value={String(data.labelColumn)} options={columnOptions} onChange={(v) => void client.mapColumns(...labelChosen(data.textColumns, data.labelColumn, Number(v)))} />
            <CheckboxField
              label="Drop duplicates"
              checked={data.dropDuplicates}
              disabled={busy}
              onChange={(drop) => void client.setDropDuplicates(drop)}
              hint="Keep one copy of each repeated text; drop texts whose copies have different labels."
            />
          </div>
          <DataPreview table={data.table} summary={data.summary} textColumns={data.textColumns} labelColumn={data.labelColumn} />
          <TestSetChoice disabled={busy} />
        </>
      )}
      {data.summary && <DatasetSummaryView summary={data.summary} />}
      {data.summary && data.summary.classes.length > 1 && <SplitPreview classes={data.summary.classes} classCounts={data.summary.classCounts} />}
      {!data.table && !data.loading && !data.error && <p className="empty">No dataset yet: load a sample or upload a file to begin.</p>}
      <NextStep to="preprocess" disabled={!data.summary || data.summary.classes.length < 2} why="Load a dataset with at least two classes first." />
    </section>
  );
}
