import { useId } from 'react';

interface Props {
  /** The accessible name. */
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** What the option does, read after the name by screen readers. */
  hint?: string;
  disabled?: boolean;
}

/** A labelled native checkbox (Space toggles it), with an optional hint. */
export function CheckboxField({ label, checked, onChange, hint, disabled }: Props) {
  const id = useId();
  return (
    <div className="field checkbox-field">
      <label htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={checked}
          disabled={disabled}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onChange={(event) => onChange(event.target.checked)}
        />{' '}
        {label}
      </label>
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
    </div>
  );
}
