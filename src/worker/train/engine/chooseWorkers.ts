import type { EnginePlan } from '../../../core/train/enginePlan';
import { count } from '../../../core/format';
import { EngineTeam, type TeamConfig, type TeamStart } from './engineTeam';

/** How many engine workers train a run, and what was measured to decide it. */
export interface WorkersChoice {
  workers: 1 | 2;
  /** Samples/s of a few timed steps per worker count that was tried, in the order tried. */
  measured: { workers: 1 | 2; samplesPerSecond: number }[];
  /** Plain words for the status details: "measured: 1 worker 2,896 samples/s, 2 workers 2,394". */
  note: string;
}

/** Each worker count is timed for at least this long, and at least MIN_STEPS steps, after warm-up. */
const MEASURE_MS = 200;
const MIN_STEPS = 4;
const WARMUP_STEPS = 2;

/** Choices by model shape, batch, optimizer and cores: a worker measures a model once. */
const choices = new Map<string, WorkersChoice>();

/**
 * "Automatic" engine workers, decided by measurement on this machine: a few steps of the run's
 * own model on its own rows with one worker, then with two, and the faster trains. Throwaway
 * teams are timed, so the run itself starts from the same weights, optimizer state and dropout
 * masks whatever was measured. A run shorter than measuring a second worker would take cannot
 * win it back, so it stays on one worker; one core, or a batch of one, has nothing to split.
 */
export async function chooseEngineWorkers(
  plan: EnginePlan,
  config: TeamConfig,
  start: Omit<TeamStart, 'workers'>,
  runSteps: number,
  cores: number,
): Promise<WorkersChoice> {
  if (cores < 2 || config.batchSize < 2) return { workers: 1, measured: [], note: cores < 2 ? 'one CPU core' : 'a batch of one' };
  const key = JSON.stringify([plan, config.batchSize, config.optimizer, cores]);
  const known = choices.get(key);
  if (known) return known;
  const began = performance.now();
  const one = await timeTeam(plan, config, { ...start, workers: 1 });
  const measuringOne = (performance.now() - began) / 1000;
  const runSeconds = (runSteps * config.batchSize) / one;
  if (runSeconds < measuringOne) {
    // Not cached: a longer run of the same model may still gain from a second worker.
    return { workers: 1, measured: [{ workers: 1, samplesPerSecond: one }], note: `the run takes about ${runSeconds.toFixed(1)} s, too short for a second worker to pay off` };
  }
  const two = await timeTeam(plan, config, { ...start, workers: 2 });
  const choice: WorkersChoice = {
    workers: two > one ? 2 : 1,
    measured: [
      { workers: 1, samplesPerSecond: one },
      { workers: 2, samplesPerSecond: two },
    ],
    note: `measured: 1 worker ${count(Math.round(one))} samples/s, 2 workers ${count(Math.round(two))}`,
  };
  choices.set(key, choice);
  return choice;
}

/** Samples/s of a throwaway team on the run's first rows (repeated when there are fewer than a batch). */
async function timeTeam(plan: EnginePlan, config: TeamConfig, start: TeamStart): Promise<number> {
  const team = await EngineTeam.start(plan, config, start);
  try {
    const batch = config.batchSize;
    const rows = Int32Array.from({ length: batch }, (_, i) => i % start.labels.length);
    for (let i = 0; i < WARMUP_STEPS; i++) await team.step(start.ids, start.labels, rows, 0, batch);
    const began = performance.now();
    let steps = 0;
    do {
      await team.step(start.ids, start.labels, rows, 0, batch);
      steps++;
    } while (steps < MIN_STEPS || performance.now() - began < MEASURE_MS);
    return (steps * batch) / ((performance.now() - began) / 1000);
  } finally {
    team.dispose();
  }
}
