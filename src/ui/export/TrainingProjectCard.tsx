import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { studioClient } from '../../client/studioClient';
import { trainingProjectRefusals, type ProjectDataMapping } from '../../core/export/trainingProject';
import { formatBytes } from '../../core/format';
import { columnOrder } from '../../core/data/textColumns';
import { useStudio } from '../../store/store';
import { TaskLines } from '../components/TaskLines';

/** Same as the worker's STUDIO_VERSION (metadata.json's versions.studio). */
const STUDIO_VERSION = '0.1.0';

/** The text columns as config.json names them: the first one alone (older projects), and all of them in column order. */
function textMapping(columns: string[], textColumns: number[]): Pick<ProjectDataMapping, 'textColumn' | 'textColumnName' | 'textColumns' | 'textColumnNames'> {
  const ordered = columnOrder(textColumns);
  const names = ordered.map((c) => columns[c] ?? `Column ${c + 1}`);
  return { textColumn: ordered[0] ?? 0, textColumnName: names[0] ?? 'Column 1', textColumns: ordered, textColumnNames: names };
}

/**
 * "Download training project": the experiment as a PyTorch project for data that outgrew the
 * browser (torchrun + DistributedDataParallel), whose result comes back through "Import model".
 */
export function TrainingProjectCard() {
  const { spec, training, tokenizerOptions, resolvedMode, table, textColumns, labelColumn, classes, dropDuplicates, active } = useStudio(
    useShallow((s) => ({
      spec: s.model.spec,
      training: s.train.config,
      tokenizerOptions: s.preprocess.options,
      resolvedMode: s.preprocess.stats?.tokenizer.mode ?? null,
      table: s.data.table,
      textColumns: s.data.textColumns,
      labelColumn: s.data.labelColumn,
      classes: s.data.summary?.classes ?? null,
      dropDuplicates: s.data.dropDuplicates,
      active: s.exporting.active,
    })),
  );
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const data = useMemo<ProjectDataMapping | null>(
    () =>
      table && classes
        ? {
            name: table.name,
            format: table.format.format,
            delimiter: table.format.delimiter,
            hasHeader: table.hasHeader,
            encoding: table.encoding,
            ...textMapping(table.columns, textColumns),
            labelColumn,
            labelColumnName: table.columns[labelColumn] ?? `Column ${labelColumn + 1}`,
          }
        : null,
    [table, classes, textColumns, labelColumn],
  );
  // A trained model's outputs are in its own class order; otherwise the dataset's (sorted) classes.
  const labels = active?.source === 'trained' ? active.classes : classes;
  const refusals = useMemo(() => trainingProjectRefusals({ spec, training, labels, data, dropDuplicates }), [spec, training, labels, data, dropDuplicates]);

  const download = async () => {
    setBusy(true);
    setMessage(null);
    setError(null);
    try {
      const project = studioClient().trainingProject;
      const tokenizerJson = active ? await project.fittedTokenizerJson() : null;
      const result = await project.download(`${(data?.name ?? 'text').replace(/\.[a-z0-9]+$/i, '')} training project`, {
        spec,
        training,
        tokenizerOptions,
        resolvedMode,
        labels,
        data,
        dropDuplicates,
        tokenizerJson,
        studioVersion: STUDIO_VERSION,
        createdAt: new Date().toISOString(),
      });
      setMessage(`Downloaded "${result.fileName}" (${formatBytes(result.bytes)}): ${result.files.join(', ')}.`);
    } catch (e) {
      setError(`Could not build the training project: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="card">
      <h3>Train on a big file with PyTorch</h3>
      <p className="lead">
        A .zip with <code>train.py</code>, <code>studio_model.py</code>, <code>config.json</code> and a README: the same model, tokenizer and split, trained by{' '}
        <code>torchrun</code> with DistributedDataParallel on one machine or many (CPU or GPU). Its result imports here with “Import model”.
      </p>
      {refusals.length > 0 && (
        <ul aria-label="Why the training project cannot be downloaded" className="problems">
          {refusals.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
      <div className="row">
        <button type="button" disabled={busy || refusals.length > 0} onClick={() => void download()}>
          Download training project
        </button>
        <span className="hint">{active ? 'Includes the fitted tokenizer.json of the current model.' : 'train.py fits the tokenizer on the big file.'}</span>
      </div>
      <TaskLines busy={busy ? 'Building the training project…' : null} message={message} error={error} />
    </div>
  );
}
