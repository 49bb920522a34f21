import type { MessageOf } from '../post';
import { session } from '../session';

/**
 * Pause, Resume and Stop of the running training: they only flip the run's controls, which the
 * loop reads between batches. A message for another (finished) run is ignored.
 */
export function controlRun(message: MessageOf<'pause' | 'resume' | 'stop'>): void {
  const run = session.run;
  if (!run || run.id !== message.runId) return;
  if (message.type === 'pause') {
    run.control.paused = true;
    return;
  }
  run.control.paused = false;
  if (message.type === 'stop') run.control.stopRequested = true;
  run.control.wake?.();
}
