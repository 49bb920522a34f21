import { useShallow } from 'zustand/react/shallow';
import { engineUnsupported } from '../../core/train/enginePlan';
import { describeRunning, plannedTrainer, type TrainerPlanLabel } from '../../core/train/trainerLabel';
import { useStudio } from '../../store/store';

/**
 * What trains the current model, in a word, and why: while a run is under way, the backend it
 * runs on; otherwise what the Backend choice will train it on (planTrainer, as the run decides).
 * null until the worker has said what this browser has.
 */
export function useTrainer(): TrainerPlanLabel | null {
  const { choice, engineRefusal, backend, running } = useStudio(
    useShallow((s) => ({
      choice: s.train.config.backend,
      engineRefusal: engineUnsupported(s.model.spec),
      backend: s.train.backend,
      running: s.train.status === 'starting' || s.train.status === 'training' || s.train.status === 'paused' || s.train.status === 'stopping',
    })),
  );
  if (!backend) return null;
  const environment = backend.environment ?? 'unknown';
  if (running) return { label: describeRunning(backend, environment), reason: backend.fallbackReason ?? 'The backend this run trains on.' };
  return plannedTrainer(choice, engineRefusal, environment, backend);
}
