import type { TrainResult } from '../../protocol/messages';
import { percent as pct } from '../../core/format';

/** "Training summary": the numbers that say whether the run worked. */
export function TrainingSummary({ result }: { result: TrainResult }) {
  const beats = result.valAccuracy > result.valMajorityRate;
  return (
    <section aria-label="Training summary" className="card">
      <h3>Training summary</h3>
      <dl className="facts">
        <dt>Validation accuracy</dt>
        <dd>
          <strong>{pct(result.valAccuracy)}</strong>{' '}
          <span className={beats ? 'good' : 'bad'}>
            ({beats ? 'beats' : 'does not beat'} the majority-class rate of {pct(result.valMajorityRate)})
          </span>
        </dd>
        <dt>Validation loss</dt>
        <dd>{result.valLoss.toFixed(4)}</dd>
        <dt>Epochs</dt>
        <dd>
          {result.epochs.length}
          {result.stopReason === 'user' ? ' (stopped by you)' : result.stopReason === 'early' ? ' (stopped early: no improvement)' : ''}
          {result.restoredEpoch ? `; the weights of epoch ${result.restoredEpoch}, the best, were restored` : ''}
        </dd>
        <dt>Speed</dt>
        <dd>
          {Math.round(result.samplesPerSecond).toLocaleString('en-US')} samples/s on {result.backend} · {(result.durationMs / 1000).toFixed(1)} s in all
        </dd>
        <dt>Split</dt>
        <dd>
          {result.trainCount.toLocaleString('en-US')} train · {result.valCount.toLocaleString('en-US')} validation
        </dd>
      </dl>
    </section>
  );
}
