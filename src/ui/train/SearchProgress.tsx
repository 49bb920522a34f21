import { useShallow } from 'zustand/react/shallow';
import { count } from '../../core/format';
import { useStudio } from '../../store/store';

const END: Record<string, string> = {
  completed: 'Search finished',
  cancelled: 'Search cancelled',
  trials: 'Search finished: the trial budget was used',
  time: 'Search stopped: the time budget ran out',
};

/** "Search progress" and a one-line status; the search's error in role=alert (earlier results stay). */
export function SearchProgress() {
  const { status, rows, rungs, counts, end, error, note, starting, parallel } = useStudio(
    useShallow((s) => ({
      status: s.search.status,
      rows: s.search.rows,
      rungs: s.search.rungs,
      counts: s.search.counts,
      end: s.search.end,
      error: s.search.error,
      note: s.search.note,
      parallel: s.search.parallel,
      starting: s.search.starting !== null,
    })),
  );
  if (status === 'idle') return null;
  const decided = rows.filter((r) => r.status === 'finished' || r.status === 'stopped' || r.status === 'failed').length;
  const runningNow = rows.filter((r) => r.status === 'running');
  const running = runningNow[0];
  const together = parallel > 1 ? ', two at a time' : '';
  const rung = running && rungs.length > 1 ? ` · rung ${running.rung + 1} of ${rungs.length}` : '';
  const now = running
    ? runningNow.length > 1
      ? ` · trials ${runningNow.map((r) => r.trial).join(' and ')} at once${rung}`
      : ` · trial ${running.trial}, epoch ${Math.min(running.epochs.length + 1, running.epochsPlanned)} of ${running.epochsPlanned}${rung}`
    : '';
  const split = counts ? ` on ${count(counts.train)} training and ${count(counts.validation)} validation texts` : '';
  const text =
    status === 'running'
      ? !starting
        ? `Searching${split}: ${decided} of ${rows.length} trials decided${now}.`
        : 'Starting the search…'
      : status === 'cancelling'
        ? `Cancelling: the running trial${parallel > 1 ? 's stop' : ' stops'} after ${parallel > 1 ? 'their' : 'its'} current batch…`
        : status === 'done'
          ? `${END[end ?? 'completed']}: ${decided} of ${rows.length} trials decided${note ? ` (${note})` : ''}${together}.`
          : 'The search stopped with an error; finished trials are kept below.';
  const fraction = rows.length && !starting ? decided / rows.length : 0;
  return (
    <div className="status-block">
      <progress aria-label="Search progress" max={1} value={status === 'done' ? 1 : fraction} />
      <p role="status" aria-label="Search status" className="status">
        {text}
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
