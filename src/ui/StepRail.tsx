import { useRef, type KeyboardEvent } from 'react';
import { STAGES, type Stage } from '../core/model/mermaid';
import { useStudio } from '../store/store';
import { useStepStates } from './stepStatus';

export const STEP_TITLES: Record<Stage, string> = {
  data: 'Data',
  preprocess: 'Preprocess',
  model: 'Model',
  train: 'Train',
  evaluate: 'Evaluate',
  export: 'Export',
};

const STATE_TEXT = { done: 'done', attention: 'needs attention', todo: 'not yet' } as const;
const STATE_ICON = { done: '✓', attention: '!', todo: '' } as const;

/** The six steps as a tab list (vertical; a row on narrow screens): arrows move, Home/End jump, Enter/Space are not needed. */
export function StepRail() {
  const current = useStudio((s) => s.step);
  const setStep = useStudio((s) => s.setStep);
  const states = useStepStates();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent) => {
    const index = STAGES.indexOf(current);
    const next =
      event.key === 'ArrowDown' || event.key === 'ArrowRight' ? (index + 1) % STAGES.length
      : event.key === 'ArrowUp' || event.key === 'ArrowLeft' ? (index - 1 + STAGES.length) % STAGES.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? STAGES.length - 1
      : -1;
    if (next < 0) return;
    event.preventDefault();
    setStep(STAGES[next]);
    refs.current[next]?.focus();
  };
  return (
    <nav className="rail" aria-label="Steps">
      <div role="tablist" aria-orientation="vertical" aria-label="Studio steps" onKeyDown={onKeyDown}>
        {STAGES.map((stage, i) => {
          const selected = stage === current;
          return (
            <button
              key={stage}
              ref={(el) => {
                refs.current[i] = el;
              }}
              role="tab"
              id={`tab-${stage}`}
              aria-selected={selected}
              aria-controls={`panel-${stage}`}
              tabIndex={selected ? 0 : -1}
              className={`step step-${states[stage]}${selected ? ' step-current' : ''}`}
              onClick={() => setStep(stage)}
            >
              <span className="step-number" aria-hidden="true">
                {STATE_ICON[states[stage]] || i + 1}
              </span>
              <span className="step-title">{STEP_TITLES[stage]}</span>
              <span className="visually-hidden">, {selected ? 'current' : STATE_TEXT[states[stage]]}</span>
            </button>
          );
        })}
      </div>
    </nav>
  );
}
