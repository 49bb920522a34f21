import './charts.css';

/** One line of a tooltip: a series and its exact value. */
export interface TooltipLine {
  label: string;
  value: string;
  color?: string;
}

/** The tooltip box every chart shows on hover or keyboard focus: a title and exact values. */
export function ChartTooltip({ title, lines }: { title: string; lines: readonly TooltipLine[] }) {
  return (
    <div className="chart-tooltip">
      <p>{title}</p>
      <ul>
        {lines.map((line) => (
          <li key={line.label}>
            <span style={line.color ? { color: line.color } : undefined}>{line.label}</span>
            <strong>{line.value}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Tick labels of every axis: 12 px, in the muted text colour. */
export const TICK = { fontSize: 12, fill: 'var(--muted)' } as const;
