import type { ModelSpec } from '../../core/model/modelSpec';
import { specLabel } from '../../core/train/specLabel';
import { useStudio } from '../../store/store';

/** A run's model in the Run history: its preset or a short spec summary, and a way back to those settings. */
export function RunModelCell({ spec, when }: { spec: ModelSpec; when: string }) {
  const openSpec = useStudio((s) => s.openSpec);
  const setStep = useStudio((s) => s.setStep);
  const label = specLabel(spec);
  return (
    <td>
      <span className="run-model">{label}</span>{' '}
      <button
        type="button"
        className="link"
        aria-label={`Open this model's settings (${label}, the run of ${when})`}
        title="Open this model's settings in the Model step (undo brings yours back)"
        onClick={() => {
          openSpec(spec);
          setStep('model');
        }}
      >
        Open this model's settings
      </button>
    </td>
  );
}
