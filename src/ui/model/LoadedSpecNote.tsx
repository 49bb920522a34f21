import { useShallow } from 'zustand/react/shallow';
import { useStudio } from '../../store/store';

/** Says that the Model step holds a loaded model's settings, as the starting point of a new run. */
export function LoadedSpecNote() {
  const { name, shown } = useStudio(
    useShallow((s) => ({ name: s.exporting.active?.name ?? null, shown: s.exporting.active?.spec !== undefined && s.exporting.active.spec === s.model.spec })),
  );
  if (!shown || !name) return null;
  return (
    <p role="note" aria-label="Loaded model's settings" className="notice">
      These are the settings of the loaded model “{name}”: the starting point for a new run. Undo brings back the ones you had.
    </p>
  );
}
