import { useId } from 'react';
import type { BaselineSplitScore, BaselineSummary } from '../../core/eval/baselineRun';
import { count, percent as pct } from '../../core/format';
import type { BaselineReport } from '../../protocol/messages';

/** The CNN's scores on the same split, to set beside the baseline's; null while it trains. */
export interface CnnScore {
  accuracy: number;
  macroF1: number;
}

interface Props {
  report: BaselineReport;
  cnn: CnnScore | null;
  /** Which held-out split both are scored on. */
  split: 'validation' | 'test';
}

const seconds = (ms: number) => (ms < 100 ? 'under 0.1 s' : `${(ms / 1000).toFixed(1)} s`);

/** Points of accuracy between the two, in words. */
function verdict(cnn: CnnScore, base: BaselineSplitScore): string {
  const gap = (cnn.accuracy - base.accuracy) * 100;
  if (Math.abs(gap) < 0.05) return 'The CNN and the baseline are equally accurate here.';
  return gap > 0
    ? `The CNN is ${gap.toFixed(1)} points more accurate than the baseline.`
    : `The baseline is ${(-gap).toFixed(1)} points more accurate: the CNN does not beat a simple word-count model here yet.`;
}

function Scores({ summary, cnn, split }: { summary: BaselineSummary; cnn: CnnScore | null; split: Props['split'] }) {
  const base = split === 'test' && summary.test ? summary.test : summary.validation;
  const on = base === summary.test ? 'test' : 'validation';
  return (
    <>
      <p className="hint">
        On the {on} split ({count(base.rows)} texts){cnn ? '' : ', while the CNN is still training'}:
      </p>
      <dl className="facts">
        <dt>Accuracy</dt>
        <dd>
          <strong>{cnn ? `CNN ${pct(cnn.accuracy)} · baseline ${pct(base.accuracy)}` : `baseline ${pct(base.accuracy)}`}</strong>
        </dd>
        <dt>Macro F1</dt>
        <dd>{cnn ? `CNN ${pct(cnn.macroF1)} · baseline ${pct(base.macroF1)}` : `baseline ${pct(base.macroF1)}`}</dd>
      </dl>
      {cnn && <p>{verdict(cnn, base)}</p>}
      <details>
        <summary>Details</summary>
        <dl className="facts">
          <dt>Method</dt>
          <dd>{summary.method}, fitted by L-BFGS ({summary.iterations} iterations)</dd>
          <dt>Features</dt>
          <dd>
            {count(summary.features)} {summary.analyzer === 'word' ? 'word 1–2-grams' : 'character 1–3-grams'}. {summary.analyzerReason}
          </dd>
          <dt>Trained on</dt>
          <dd>
            {count(summary.trainRows)} training texts
            {summary.sampledFrom !== null ? ` (a seeded sample of the ${count(summary.sampledFrom)} in the training split)` : ''}
          </dd>
          <dt>Time</dt>
          <dd>{seconds(summary.elapsedMs)} in its own worker, beside the CNN</dd>
        </dl>
      </details>
    </>
  );
}

/**
 * Region "Baseline": the linear baseline's accuracy and macro F1 beside the CNN's on the same
 * split, with how it was made behind Details; its progress while it runs, and what went wrong.
 */
export function BaselineView({ report, cnn, split }: Props) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="card baseline">
      <h3 id={id}>Baseline</h3>
      <p className="hint">A simple word-count model (TF-IDF + logistic regression) on the same split, to tell whether the CNN earns its keep.</p>
      {report.state === 'waiting' && (
        <p role="status" className="busy">
          Baseline waits for the CNN: with {report.cores} {report.cores === 1 ? 'core' : 'cores'} here, training both at once would slow the CNN.
        </p>
      )}
      {report.state === 'running' && (
        <p role="status" className="busy">
          Baseline running… {Math.round(report.fraction * 100)}%
        </p>
      )}
      {report.state === 'done' && <Scores summary={report.summary} cnn={cnn} split={split} />}
      {report.state === 'failed' && (
        <p role="alert" className="error">
          The baseline failed: {report.message.replace(/\.?$/, '.')} The CNN's results are not affected.
        </p>
      )}
      {report.state === 'cancelled' && <p className="note">The baseline stopped with the run, before it finished.</p>}
    </section>
  );
}
