import { useShallow } from 'zustand/react/shallow';
import { studioClient } from '../../client/studioClient';
import { sameClasses } from '../../core/eval/classMatch';
import { percent as pct } from '../../core/format';
import type { StoredMetrics as Stored } from '../../store/evaluateSlice';
import { useStudio } from '../../store/store';
import { ConfusionMatrix } from './ConfusionMatrix';
import { MetricsTable } from './MetricsTable';
import { TaskLines } from '../components/TaskLines';
import { BaselineView } from '../train/BaselineView';

const day = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString('en-US', { year: 'numeric', month: 'short', day: 'numeric' });
};

/**
 * A loaded model's metrics as its metadata.json stores them (validation split of its training
 * run), and "Evaluate on the current data" when the data loaded now has the model's classes.
 */
export function StoredMetrics({ stored }: { stored: Stored }) {
  const { dataClasses, busy, error } = useStudio(
    useShallow((s) => ({ dataClasses: s.data.summary?.classes ?? null, busy: s.evaluate.currentBusy, error: s.evaluate.currentError })),
  );
  const matches = dataClasses !== null && sameClasses(stored.classes, dataClasses);
  const source = stored.report && { report: stored.report, classes: stored.classes, data: { name: 'validation' as const } };
  return (
    <section aria-label="Stored metrics" className="stored-metrics">
      <p className="note" role="note">
        Metrics from training on <strong>{stored.dataset}</strong>, {day(stored.savedAt)}
        {stored.accuracy !== null ? <> (validation accuracy {pct(stored.accuracy)})</> : null}: stored with the model, not measured again.
      </p>
      {source ? (
        <div className="two-col">
          <MetricsTable report={source} />
          {stored.confusion ? (
            <ConfusionMatrix report={{ confusion: stored.confusion, classes: stored.classes }} selected={null} />
          ) : (
            <p className="hint">This model was saved without its confusion matrix: evaluate it on the current data to see one.</p>
          )}
        </div>
      ) : (
        <p className="empty">This model was saved without metrics.</p>
      )}
      {stored.baseline && stored.report && stored.accuracy !== null && (
        <BaselineView report={{ state: 'done', summary: stored.baseline }} cnn={{ accuracy: stored.accuracy, macroF1: stored.report.macro.f1 }} split="validation" />
      )}
      <div className="row">
        <button type="button" disabled={!matches || busy !== null} onClick={() => void studioClient().predictions.evaluateCurrent()}>
          Evaluate on the current data
        </button>
        <span className="hint">
          {matches
            ? 'Scores the model on the held-out texts of the data loaded now (the split set in Train).'
            : `The data loaded now ${dataClasses ? `has the classes ${dataClasses.join(', ')}` : 'is not ready'}; the model predicts ${stored.classes.join(', ')}. Load data with the same classes to evaluate it.`}
        </span>
      </div>
      <TaskLines busy={busy} error={error} />
    </section>
  );
}
