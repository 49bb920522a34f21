import { useId, useState } from 'react';

interface Props {
  /** The accessible name; stays exactly this (the UI contract relies on it). */
  label: string;
  value: number;
  onChange: (value: number) => void;
  min?: number;
  max?: number;
  step?: number | 'any';
  /** Unit or hint shown after the field, e.g. "tokens". */
  hint?: string;
  /** Inline problem with this field and how to fix it. */
  problem?: string;
  disabled?: boolean;
}

/**
 * A labelled number input that lets the user type freely (an empty or partial value is kept
 * on screen) and only reports finite numbers.
 */
export function NumberField({ label, value, onChange, min, max, step = 1, hint, problem, disabled }: Props) {
  const id = useId();
  const [text, setText] = useState(String(value));
  // Only an outside change of value (a preset) overwrites what is typed: adjusted while
  // rendering, React's pattern for state that follows a prop, so no effect re-renders twice.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    if (Number(text) !== value) setText(String(value));
  }
  return (
    <div className={`field${problem ? ' field-problem' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        value={text}
        min={min}
        max={max}
        step={step}
        disabled={disabled}
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${id}-hint ${id}-problem`}
        onChange={(event) => {
          setText(event.target.value);
          const n = event.target.valueAsNumber;
          if (Number.isFinite(n)) onChange(n);
        }}
      />
      <span id={`${id}-hint`} className="hint">
        {hint}
      </span>
      <span id={`${id}-problem`} className="problem">
        {problem}
      </span>
    </div>
  );
}
