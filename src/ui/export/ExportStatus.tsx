import { useShallow } from 'zustand/react/shallow';
import { useStudio, type ExportScope } from '../../store/store';
import { TaskLines } from '../components/TaskLines';

/** The busy line, result and error of the Export-step action that ran in `scope`. */
export function ExportStatus({ scope }: { scope: ExportScope }) {
  const { busy, message, error, current } = useStudio(
    useShallow((s) => ({ busy: s.exporting.busy, message: s.exporting.message, error: s.exporting.error, current: s.exporting.scope })),
  );
  if (current !== scope) return null;
  return <TaskLines busy={busy} message={message} error={error} />;
}
