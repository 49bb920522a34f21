import { useShallow } from 'zustand/react/shallow';
import { useStudio, type ExportScope } from '../../store/store';

/** The busy line, result and error of the Export-step action that ran in `scope`. */
export function ExportStatus({ scope }: { scope: ExportScope }) {
  const { busy, message, error, current } = useStudio(
    useShallow((s) => ({ busy: s.exporting.busy, message: s.exporting.message, error: s.exporting.error, current: s.exporting.scope })),
  );
  if (current !== scope) return null;
  return (
    <>
      {busy && (
        <p role="status" className="busy">
          {busy}
        </p>
      )}
      {message && (
        <p role="status" className="good">
          {message}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </>
  );
}
