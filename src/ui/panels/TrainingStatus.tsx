import { useShallow } from 'zustand/react/shallow';
import { useStudio } from '../../store/store';

function fmtTime(seconds: number): string {
  if (!Number.isFinite(seconds)) return '…';
  const total = Math.max(0, Math.round(seconds));
  return total >= 90 ? `${Math.floor(total / 60)} min ${total % 60} s` : `${total} s`;
}

/** "Training progress" and the "Training status" line, which always names the backend. */
export function TrainingStatus() {
  const { status, backend, progress, epochs, batchSize, error, counts, fused } = useStudio(
    useShallow((s) => ({
      status: s.train.status,
      backend: s.train.backend,
      progress: s.train.progress,
      epochs: s.train.config.epochs,
      batchSize: s.train.config.batchSize,
      error: s.train.error,
      counts: s.train.counts,
      fused: s.train.fused,
    })),
  );
  const totalSteps = progress ? progress.batchesPerEpoch * epochs : 0;
  const fraction = status === 'done' ? 1 : progress && totalSteps ? progress.step / totalSteps : 0;
  // From the measured speed, so rendering reads no clock.
  const eta = progress && progress.samplesPerSecond > 0 ? ((totalSteps - progress.step) * batchSize) / progress.samplesPerSecond : NaN;
  const backendText = backend
    ? `on ${backend.name}${backend.adapter ? ` (${backend.adapter})` : ''}${backend.fallbackReason ? ` — fallback: ${backend.fallbackReason.replace(/\.$/, '')}` : ''}`
    : '';
  const text = (() => {
    switch (status) {
      case 'idle':
        return backend ? `Ready to train ${backendText}.` : 'Choosing a backend…';
      case 'starting':
        return `Preparing data and model ${backendText}…`;
      case 'training':
        return progress
          ? `Training ${backendText} · epoch ${progress.epoch}/${epochs} · batch ${progress.batch}/${progress.batchesPerEpoch} · ${Math.round(progress.samplesPerSecond).toLocaleString('en-US')} samples/s · ETA ${fmtTime(eta)}.`
          : `Training ${backendText}…`;
      case 'paused':
        return `Paused ${backendText} at epoch ${progress?.epoch ?? 0}/${epochs}, batch ${progress?.batch ?? 0}. Resume or Stop.`;
      case 'stopping':
        return `Stopping after the current batch ${backendText}…`;
      case 'done':
        return `Finished ${backendText}.`;
      case 'error':
        return `Training failed ${backendText}.`;
    }
  })();
  return (
    <div className="status-block">
      <progress aria-label="Training progress" max={1} value={fraction} />
      <p role="status" aria-label="Training status" className={`status status-${status}`}>
        {text}
        {counts && status !== 'idle' ? ` Training on ${counts.train.toLocaleString('en-US')} texts, validating on ${counts.validation.toLocaleString('en-US')}.` : ''}
        {counts && status !== 'idle' ? (fused === null ? ' Fused convolution + max-pool step.' : ` Standard layers (fused step not used: ${fused}).`) : ''}
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
