import { useShallow } from 'zustand/react/shallow';
import { studioClient } from '../../client/studioClient';
import { useStudio } from '../../store/store';
import { formatBytes, withUnit } from '../../core/format';

/**
 * While a file is read: what is read, how far ("Reading progress", by bytes when the size is
 * known), and Cancel, which stops the worker between two chunks and keeps the previous dataset.
 */
export function LoadProgress() {
  const { loading, progress, cancelling } = useStudio(useShallow((s) => ({ loading: s.data.loading, progress: s.data.progress, cancelling: s.data.cancelling })));
  if (!loading) return null;
  const fraction = progress?.totalBytes ? Math.min(1, progress.bytes / progress.totalBytes) : undefined;
  return (
    <div className="status-block load-progress">
      <p role="status" className="busy">
        {cancelling ? 'Cancelling' : 'Reading'} “{loading}”…
        {progress && (
          <>
            {' '}
            {formatBytes(progress.bytes)}
            {progress.totalBytes ? ` of ${formatBytes(progress.totalBytes)}` : ''} · {withUnit(progress.rows, 'row')}
          </>
        )}
      </p>
      <div className="row">
        <progress aria-label="Reading progress" max={1} value={fraction} />
        <button type="button" disabled={cancelling} onClick={() => studioClient().data.cancelLoad()}>
          Cancel
        </button>
      </div>
    </div>
  );
}
