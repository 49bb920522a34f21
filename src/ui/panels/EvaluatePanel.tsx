import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStudio } from '../../store/store';
import { NextStep } from '../components/NextStep';
import { SelectField } from '../components/SelectField';
import { BatchPredict } from '../evaluate/BatchPredict';
import { CellExamples } from '../evaluate/CellExamples';
import { ConfusionMatrix, type Cell } from '../evaluate/ConfusionMatrix';
import { MetricsTable } from '../evaluate/MetricsTable';
import { MisclassifiedTable } from '../evaluate/MisclassifiedTable';
import { Playground } from '../evaluate/Playground';
import { ThresholdView } from '../evaluate/ThresholdView';
import { StoredMetrics } from '../evaluate/StoredMetrics';
import { BaselineView } from '../train/BaselineView';
import { useSplitReport } from '../evaluate/useSplitReport';
import { CURRENT_DATA_RUN } from '../../client/predictions';
import { unknownLabelsNote } from '../../core/data/testFile';

/** Step 5: how good the model is on held-out texts, where it fails, and a playground. */
export function EvaluatePanel() {
  const { active, evaluation, split, stored } = useStudio(
    useShallow((s) => ({ active: s.exporting.active, evaluation: s.evaluate.evaluation, split: s.evaluate.split, stored: s.evaluate.stored })),
  );
  const setSplit = useStudio((s) => s.setSplit);
  // The current run's baseline, when the predictions shown are that run's.
  const baseline = useStudio((s) => (s.evaluate.evaluation?.runId === s.train.runId ? s.train.baseline : null));
  const dataset = useStudio((s) => s.data.table?.name ?? 'the data loaded now');
  const splits = evaluation?.splits.map((x) => x.name) ?? [];
  const testFile = evaluation?.splits.find((x) => x.name === 'test')?.file ?? null;
  const leftOut = testFile ? unknownLabelsNote(testFile) : null;
  const report = useSplitReport();
  // A picked confusion-matrix cell belongs to the predictions it was picked in.
  const [picked, setPicked] = useState<{ data: unknown; cell: Cell | null }>({ data: null, cell: null });
  const cell = picked.data === report?.data ? picked.cell : null;
  const setCell = (next: Cell | null) => setPicked({ data: report?.data, cell: next });
  return (
    <section aria-labelledby="eval-title">
      <h2 id="eval-title">Evaluate</h2>
      {report ? (
        <>
          {evaluation?.runId === CURRENT_DATA_RUN && <p className="note">Evaluated on the current data ({dataset}), split as set in Train.</p>}
          <div className="row">
            <SelectField
              label="Evaluation split"
              value={split}
              options={splits.map((name) => ({ value: name, label: name === 'test' ? (testFile ? 'Test file (never used in training)' : 'Test (held out, never used in training)') : 'Validation (watched during training)' }))}
              onChange={setSplit}
              hint={splits.length === 1 ? 'No test split: set “Test split” above 0 in Train to hold one out.' : undefined}
            />
          </div>
          {leftOut && split === 'test' && (
            <p className="note">
              Test file “{testFile?.name}”: {leftOut}
            </p>
          )}
          {baseline && <BaselineView report={baseline} cnn={{ accuracy: report.report.accuracy, macroF1: report.report.macro.f1 }} split={report.data.name} />}
          <div className="two-col">
            <MetricsTable report={report} />
            <ConfusionMatrix report={report} selected={cell} onSelect={setCell} />
          </div>
          {cell && <CellExamples report={report} cell={cell} />}
          {report.classes.length === 2 && <ThresholdView report={report} />}
          <MisclassifiedTable report={report} />
        </>
      ) : stored ? (
        <StoredMetrics stored={stored} />
      ) : (
        <p className="empty">{active ? 'Evaluating the model…' : 'Train a model (Train step) or load a saved one (Export step) to evaluate it.'}</p>
      )}
      <Playground />
      <BatchPredict />
      <NextStep to="export" disabled={!active} why="Train or load a model first." />
    </section>
  );
}
