import type { Stage } from '../../core/model/mermaid';
import { useStudio } from '../../store/store';
import { STEP_TITLES } from '../StepRail';

/** The panel's way forward: one clear button to the next step. */
export function NextStep({ to, disabled, why }: { to: Stage; disabled?: boolean; why?: string }) {
  const setStep = useStudio((s) => s.setStep);
  return (
    <div className="next-step">
      {disabled && why && <span className="hint">{why}</span>}
      <button type="button" className="primary" disabled={disabled} onClick={() => setStep(to)}>
        Next: {STEP_TITLES[to]} →
      </button>
    </div>
  );
}
