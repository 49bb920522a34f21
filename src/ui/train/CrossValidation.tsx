import { useShallow } from 'zustand/react/shallow';
import { studioClient } from '../../client/studioClient';
import { progressFraction, progressText, summarizeFolds, summaryLine, type FoldResult } from '../../core/eval/crossValidation';
import { count, formatDuration, percent as pct } from '../../core/format';
import { foldProblemOfCounts, MAX_FOLDS, MIN_FOLDS } from '../../core/train/folds';
import { describeRunning, placeText } from '../../core/train/trainerLabel';
import type { CrossValidationResult } from '../../protocol/crossValidationMessages';
import { useStudio } from '../../store/store';
import { CheckboxField } from '../components/CheckboxField';
import { NumberField } from '../components/NumberField';

const seconds = (ms: number) => (ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : formatDuration(ms / 1000));

/**
 * "Cross-validate": the Train step's settings trained and scored on k stratified folds, with
 * progress and Cancel; the region "Cross-validation" shows a row per fold and the mean ±
 * standard deviation in plain words. `blocked`: why no run can start now (the Train button's reason).
 */
export function CrossValidation({ blocked }: { blocked: string | null }) {
  const { cv, training, counts, classes } = useStudio(
    useShallow((s) => ({
      cv: s.crossValidation,
      training: s.train.status === 'starting' || s.train.status === 'training' || s.train.status === 'paused' || s.train.status === 'stopping',
      counts: s.data.summary?.classCounts ?? null,
      classes: s.data.summary?.classes ?? null,
    })),
  );
  const set = useStudio(useShallow((s) => ({ folds: s.setCvFolds, retrain: s.setCvRetrain })));
  const client = studioClient().crossValidation;
  const running = cv.status !== 'idle';
  const foldIssue = counts && classes ? foldProblemOfCounts(counts, classes, cv.folds) : null;
  const why = blocked ?? (training ? 'A training run is in progress: wait for it or stop it first.' : foldIssue ? 'Fix the number of folds above.' : null);
  const shown = running ? cv.partial : (cv.result?.folds ?? []);
  return (
    <section aria-labelledby="cv-title" className="card cross-validation">
      <h3 id="cv-title">Cross-validation</h3>
      <p className="hint">
        Trains these settings on every fold but one and scores the one held out, once per fold: the spread of the scores says how much a single split can be trusted.
      </p>
      <div className="grid">
        <NumberField
          label="Folds"
          value={cv.folds}
          min={MIN_FOLDS}
          max={MAX_FOLDS}
          hint="stratified, from the seed"
          problem={foldIssue ?? undefined}
          disabled={running}
          onChange={set.folds}
        />
        <CheckboxField
          label="Retrain on all the data afterwards"
          checked={cv.retrain}
          disabled={running}
          hint="then a normal Train run with these settings, for the model to keep (its validation and test splits stay held out)"
          onChange={set.retrain}
        />
      </div>
      <div className="controls">
        <button type="button" disabled={running || why !== null} onClick={() => void client.start()}>
          Cross-validate
        </button>
        <button type="button" disabled={cv.status !== 'running'} onClick={() => client.cancel()}>
          Cancel cross-validation
        </button>
        {why && !running && <span className="hint">{why}</span>}
      </div>
      {running && (
        <div className="status-block">
          <progress aria-label="Cross-validation progress" max={1} value={cv.progress ? progressFraction(cv.progress) : 0} />
          <p role="status">
            {cv.status === 'cancelling' ? 'Stopping after the current batch…' : cv.progress ? `${progressText(cv.progress)}…` : 'Preparing the folds…'}
          </p>
        </div>
      )}
      {!running && cv.notice && <p role="status">{cv.notice}</p>}
      {cv.error && (
        <p role="alert" className="error">
          {cv.error}
        </p>
      )}
      {shown.length > 0 ? <FoldTable folds={shown} result={running ? null : cv.result} /> : !running && <p className="empty">No cross-validation yet.</p>}
    </section>
  );
}

function FoldTable({ folds, result }: { folds: FoldResult[]; result: CrossValidationResult | null }) {
  const baseline = folds.some((f) => f.baseline !== null);
  const summary = result ? summarizeFolds(result.folds) : null;
  return (
    <>
      {summary && (
        <div className="cv-summary">
          <p>
            <strong>Accuracy:</strong> {summaryLine(summary, 'accuracy')}
          </p>
          <p>
            <strong>Macro F1:</strong> {summaryLine(summary, 'macroF1')}
          </p>
        </div>
      )}
      {result?.baselineProblem && <p className="hint">The baseline was left out: {result.baselineProblem}</p>}
      <div className="table-scroll">
        <table aria-label="Scores per fold">
          <thead>
            <tr>
              <th scope="col" className="num">Fold</th>
              <th scope="col" className="num">Rows (train / held out)</th>
              <th scope="col" className="num">CNN accuracy</th>
              <th scope="col" className="num">CNN macro F1</th>
              {baseline && <th scope="col" className="num">Baseline accuracy</th>}
              {baseline && <th scope="col" className="num">Baseline macro F1</th>}
            </tr>
          </thead>
          <tbody>
            {folds.map((f) => (
              <tr key={f.fold}>
                <td className="num">{f.fold}</td>
                <td className="num">
                  {count(f.trainRows)} / {count(f.validationRows)}
                </td>
                <td className="num">{pct(f.cnn.accuracy)}</td>
                <td className="num">{pct(f.cnn.macroF1)}</td>
                {baseline && <td className="num">{pct(f.baseline?.accuracy ?? null)}</td>}
                {baseline && <td className="num">{pct(f.baseline?.macroF1 ?? null)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {result && (
        <details className="tech">
          <summary>Details</summary>
          <p>
            {result.folds.length} stratified folds of {count(result.examples)} texts, drawn with seed {result.seed}; each fold's tokenizer was fitted on its training rows
            only. CNN trained on {placeText(describeRunning(result.backend, result.backend.environment))} · epochs run per fold:{' '}
            {result.folds.map((f) => f.cnn.epochsRun).join(', ')} · {seconds(result.ms)} in all ({result.folds.map((f) => seconds(f.ms)).join(', ')}).
          </p>
        </details>
      )}
    </>
  );
}
