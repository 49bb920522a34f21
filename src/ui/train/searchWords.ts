import { PARAM_INFO, type SearchParam, type SearchValue } from '../../core/train/searchSpace';
import type { TrialRow } from '../../store/store';

/** A setting's value as the leaderboard shows it: learning rates to 3 significant digits, kernel sets as "3,4,5". */
export function valueText(param: SearchParam, value: SearchValue | undefined): string {
  if (value === undefined) return '—';
  if (typeof value === 'number' && PARAM_INFO[param].log) return String(Number(value.toPrecision(3)));
  return String(value);
}

/** A trial's status in plain words. */
export function statusText(row: TrialRow): string {
  switch (row.status) {
    case 'waiting':
      return 'waiting';
    case 'running':
      return `running (epoch ${row.epochs.length + 1 > row.epochsPlanned ? row.epochsPlanned : row.epochs.length + 1} of ${row.epochsPlanned})`;
    case 'continued':
      return 'kept for the next rung';
    case 'finished':
      return 'finished';
    case 'stopped':
      return 'stopped early';
    case 'failed':
      return 'failed';
  }
}
