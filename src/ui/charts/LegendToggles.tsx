import './charts.css';

/** One series in a chart's legend. */
export interface LegendItem {
  key: string;
  label: string;
  /** CSS colour, e.g. "var(--chart-train)". */
  color: string;
  dashed?: boolean;
}

interface Props {
  items: readonly LegendItem[];
  hidden: ReadonlySet<string>;
  onToggle: (key: string) => void;
}

/**
 * The legend as buttons: each shows or hides its series (aria-pressed = shown), so the toggle
 * works by keyboard and screen reader, which recharts' own clickable legend does not.
 */
export function LegendToggles({ items, hidden, onToggle }: Props) {
  return (
    <ul className="legend-toggles" aria-label="Series (press to show or hide)">
      {items.map((item) => (
        <li key={item.key}>
          <button type="button" aria-pressed={!hidden.has(item.key)} onClick={() => onToggle(item.key)} title={hidden.has(item.key) ? `Show ${item.label}` : `Hide ${item.label}`}>
            <span className={`swatch${item.dashed ? ' dashed' : ''}`} style={{ borderColor: item.color }} aria-hidden="true" />
            {item.label}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** A set of hidden keys with one key flipped; a new set, so memoised charts see the change. */
export function toggled(hidden: ReadonlySet<string>, key: string): Set<string> {
  const next = new Set(hidden);
  if (!next.delete(key)) next.add(key);
  return next;
}
