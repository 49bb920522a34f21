import { memo } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import { ChartTooltip, TICK, type TooltipLine } from './ChartTooltip';
import './charts.css';

/** One compared run: its key, legend name, colour and value per epoch (1-based, in order). */
export interface OverlayRun {
  key: string;
  name: string;
  color: string;
  values: readonly number[];
}

export interface OverlayChartProps {
  runs: readonly OverlayRun[];
  hidden: ReadonlySet<string>;
  /** "validation accuracy (%)" or "validation loss". */
  yLabel: string;
  percent: boolean;
  title: string;
}

type Row = { epoch: number } & Record<string, number | undefined>;

const exact = (percent: boolean, v: number) => (percent ? `${(v * 100).toFixed(2)}%` : v.toFixed(4));

function OverlayTooltip({ active, payload, label, percent }: TooltipContentProps & { percent: boolean }) {
  if (!active || !payload?.length) return null;
  const lines: TooltipLine[] = payload.filter((p) => typeof p.value === 'number').map((p) => ({ label: String(p.name), value: exact(percent, p.value as number), color: p.color }));
  return <ChartTooltip title={`Epoch ${label}`} lines={lines} />;
}

/** Runs from the history overlaid per epoch (recharts, no animation, memoised). */
function OverlayChartInner({ runs, hidden, yLabel, percent, title }: OverlayChartProps) {
  const epochs = Math.max(0, ...runs.map((r) => r.values.length));
  const rows: Row[] = Array.from({ length: epochs }, (_, i) => {
    const row: Row = { epoch: i + 1 };
    for (const run of runs) row[run.key] = Number.isFinite(run.values[i]) ? run.values[i] : undefined;
    return row;
  });
  return (
    <div className="rc-plot">
      <ResponsiveContainer width="100%" height={240} initialDimension={{ width: 520, height: 240 }}>
        <LineChart data={rows} title={title} margin={{ top: 8, right: 16, bottom: 20, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="epoch" type="number" domain={['dataMin', 'dataMax']} allowDecimals={false} tick={TICK} label={{ value: 'epoch', position: 'insideBottom', offset: -12, fontSize: 12 }} />
          <YAxis
            tick={TICK}
            width={56}
            domain={percent ? [0, 1] : [0, 'auto']}
            tickFormatter={(v: number) => (percent ? `${Math.round(v * 100)}%` : String(Number(v.toPrecision(2))))}
            label={{ value: yLabel, angle: -90, position: 'insideLeft', offset: 12, fontSize: 12 }}
          />
          <Tooltip content={(props) => <OverlayTooltip {...props} percent={percent} />} isAnimationActive={false} />
          {runs.map((run) => (
            <Line key={run.key} dataKey={run.key} name={run.name} stroke={run.color} strokeWidth={2} dot={{ r: 3 }} connectNulls hide={hidden.has(run.key)} isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

const OverlayChart = memo(OverlayChartInner);
export default OverlayChart;
