import type { Stage } from '../../core/model/mermaid';
import { setStep } from '../../store/store';
import { STEP_TITLES } from '../StepRail';

/** The panel's way forward: one clear button to the next step. */
export function NextStep({ to, disabled, why }: { to: Stage; disabled?: boolean; why?: string }) {
  return (
    <div className="next-step">
      {disabled && why && <span className="hint">{why}</span>}
      <button type="button" className="primary" disabled={disabled} onClick={() => setStep(to)}>
        Next: {STEP_TITLES[to]} →
      </button>
    </div>
  );
}
