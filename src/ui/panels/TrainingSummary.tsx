import type { TrainResult } from '../../protocol/messages';
import { count, formatDuration, percent as pct } from '../../core/format';
import { describeRunning, placeText } from '../../core/train/trainerLabel';

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
          {count(Math.round(result.samplesPerSecond))} texts/s on {placeText(describeRunning({ name: result.backend, adapter: null, fallbackReason: null }))} ·{' '}
          {result.durationMs < 100 ? 'under 0.1 s' : result.durationMs < 10_000 ? `${(result.durationMs / 1000).toFixed(1)} s` : formatDuration(result.durationMs / 1000)} in all
        </dd>
        <dt>Split</dt>
        <dd>
          {count(result.trainCount)} train{result.augmented ? ` (${count(result.augmented)} augmented)` : ''} · {count(result.valCount)} validation
        </dd>
      </dl>
    </section>
  );
}
