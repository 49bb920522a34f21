import { useId } from 'react';

interface Props {
  columns: string[];
  /** Checked column indexes. */
  checked: number[];
  labelColumn: number;
  disabled?: boolean;
  onChange: (textColumns: number[]) => void;
}

/**
 * "Text columns": one checkbox per column (its name is the checkbox's name). Several checked are
 * joined in column order with a space; the label column cannot be one (disabled, and said so).
 * Many columns scroll inside the group, so a wide file does not push the page down.
 */
export function TextColumns({ columns, checked, labelColumn, disabled, onChange }: Props) {
  const id = useId();
  const toggle = (c: number, on: boolean) => onChange(on ? [...checked, c].sort((a, b) => a - b) : checked.filter((x) => x !== c));
  return (
    <fieldset className="text-columns" disabled={disabled} aria-describedby={`${id}-hint`}>
      <legend>Text columns</legend>
      <div className={`text-column-list${columns.length > 12 ? ' scrolls' : ''}`} tabIndex={columns.length > 12 ? 0 : undefined} role={columns.length > 12 ? 'region' : undefined} aria-label={columns.length > 12 ? 'Text columns, scrolls' : undefined}>
        {columns.map((name, c) => {
          const isLabel = c === labelColumn;
          return (
            <span key={c} className="text-column">
              <label>
                <input
                  type="checkbox"
                  checked={!isLabel && checked.includes(c)}
                  disabled={isLabel}
                  aria-describedby={isLabel ? `${id}-label` : undefined}
                  onChange={(e) => toggle(c, e.target.checked)}
                />{' '}
                {name}
              </label>
              {isLabel && (
                <span id={`${id}-label`} className="hint">
                  (label column)
                </span>
              )}
            </span>
          );
        })}
      </div>
      <span id={`${id}-hint`} className="hint">
        {checked.length > 1 ? `${checked.length} columns joined in column order with a space.` : 'Check several (a title and a description) to join them in column order with a space.'}
      </span>
    </fieldset>
  );
}
