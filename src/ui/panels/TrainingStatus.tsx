import { useShallow } from 'zustand/react/shallow';
import { count, formatDuration, withUnit } from '../../core/format';
import { describeRunning, placeText } from '../../core/train/trainerLabel';
import { useStudio } from '../../store/store';
import { useTrainer } from '../components/useTrainer';

/**
 * "Training progress" and the "Training status": a plain sentence first (where it trains,
 * epoch, speed, time left), the technical details (backend, adapter, workers, fallback reason,
 * fused step) behind "Details" inside the same status, which always names the backend.
 */
export function TrainingStatus() {
  const { status, backend, progress, epochs, batchSize, error, counts, fused, fusedKernels } = useStudio(
    useShallow((s) => ({
      status: s.train.status,
      backend: s.train.backend,
      progress: s.train.progress,
      epochs: s.train.config.epochs,
      batchSize: s.train.config.batchSize,
      error: s.train.error,
      counts: s.train.counts,
      fused: s.train.fused,
      fusedKernels: s.train.fusedKernels,
    })),
  );
  const trainer = useTrainer();
  const totalSteps = progress ? progress.batchesPerEpoch * epochs : 0;
  const fraction = status === 'done' ? 1 : progress && totalSteps ? progress.step / totalSteps : 0;
  // From the measured speed, so rendering reads no clock.
  const eta = progress && progress.samplesPerSecond > 0 ? ((totalSteps - progress.step) * batchSize) / progress.samplesPerSecond : NaN;
  // A finished or failed run names what it ran on; before a run, what the next one will use.
  const ran = backend && (status === 'done' || status === 'error') ? describeRunning(backend, backend.environment) : null;
  const where = ran ? placeText(ran) : trainer ? placeText(trainer.label) : '';
  const text = (() => {
    switch (status) {
      case 'idle':
        return trainer ? `Ready to train on ${where}.` : 'Finding out what this browser can train on…';
      case 'starting':
        return `Preparing data and model on ${where}…`;
      case 'training':
        return progress
          ? `Training on ${where} · epoch ${progress.epoch}/${epochs} · ${count(Math.round(progress.samplesPerSecond))} texts/s · ${Number.isFinite(eta) ? `${formatDuration(eta)} left` : 'estimating time left'}`
          : `Training on ${where}…`;
      case 'paused':
        return `Paused at epoch ${progress?.epoch ?? 0}/${epochs} on ${where}. Resume or Stop.`;
      case 'stopping':
        return `Stopping after the current batch on ${where}…`;
      case 'done':
        return `Finished on ${where}.`;
      case 'error':
        return `Training failed on ${where}.`;
    }
  })();
  const details = [
    backend ? `${status === 'idle' || status === 'starting' ? 'Backend loaded now' : 'Backend'}: ${backend.name}${backend.adapter ? ` (${backend.adapter})` : ''}${backend.fallbackReason ? ` — fallback: ${backend.fallbackReason.replace(/\.$/, '')}.` : '.'}` : null,
    progress && (status === 'training' || status === 'paused') ? `Now at epoch ${progress.epoch}, batch ${progress.batch}/${progress.batchesPerEpoch}.` : null,
    counts && status !== 'idle'
      ? counts.augmented > 0
        ? `${count(counts.train)} training texts (${count(counts.augmented)} augmented), validating on ${count(counts.validation)}.`
        : `Training on ${withUnit(counts.train, 'text')}, validating on ${count(counts.validation)}.`
      : null,
    counts && status !== 'idle' ? (fused === null ? `Fused convolution + max-pool step${fusedKernels && fusedKernels !== 'tfjs ops' ? `: ${fusedKernels}` : ''}.` : `Standard layers (fused step not used: ${fused}).`) : null,
  ].filter((d): d is string => d !== null);
  return (
    <div className="status-block">
      <progress aria-label="Training progress" max={1} value={fraction} />
      <div role="status" aria-label="Training status" className={`status status-${status}`}>
        <p>{text}</p>
        {details.length > 0 && (
          <details className="tech">
            <summary>Details</summary>
            <p>{details.join(' ')}</p>
          </details>
        )}
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
