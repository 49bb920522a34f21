import './charts.css';

/** Holds a chart's place (same height) while recharts loads. */
export function ChartPlaceholder({ height }: { height: number }) {
  return (
    <div className="rc-placeholder" style={{ height }}>
      Loading chart…
    </div>
  );
}
