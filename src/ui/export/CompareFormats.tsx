import { useShallow } from 'zustand/react/shallow';
import { count } from '../../core/format';
import { studioClient } from '../../client/studioClient';
import { useStudio } from '../../store/store';

/**
 * "Compare weight formats" and, while it runs, its progress bar and Cancel. It runs beside the
 * other Export actions: Save, Download and Import stay usable.
 */
export function CompareFormats({ disabled }: { disabled: boolean }) {
  const { comparing, error } = useStudio(useShallow((s) => ({ comparing: s.exporting.comparing, error: s.exporting.compareError })));
  const library = studioClient().library;
  if (comparing) {
    const share = comparing.total > 0 ? comparing.done / comparing.total : 0;
    return (
      <div className="row compare-progress">
        <progress aria-label="Weight format comparison" max={1} value={share} />
        {/* Before the growing count, so Cancel stays put while the numbers change. */}
        <button type="button" aria-label="Cancel the weight format comparison" onClick={() => library.cancelComparison()}>
          Cancel
        </button>
        <span role="status">
          Comparing weight formats… {comparing.total > 0 ? `${count(comparing.done)} of ${count(comparing.total)} predictions` : 'preparing'}
        </span>
      </div>
    );
  }
  return (
    <>
      <div className="row">
        <button type="button" disabled={disabled} onClick={() => void library.previewQuantization()}>
          Compare weight formats
        </button>
        <span className="hint">Weights size and accuracy on the held-out texts for float32, float16 and 8-bit.</span>
      </div>
      {error && (
        <p role={error === 'Comparison cancelled.' ? 'status' : 'alert'} className={error === 'Comparison cancelled.' ? 'hint' : 'error'}>
          {error}
        </p>
      )}
    </>
  );
}
