import type { HistogramBin } from '../../core/preprocessStats';
import { count, tokens } from './format';

const WIDTH = 560;
const HEIGHT = 160;
const PAD = { left: 36, right: 8, top: 8, bottom: 24 };

/**
 * Bars of texts per token-count bin, with a line at the sequence length; bins beyond it (texts
 * that lose tokens) are drawn in the warning colour. The figcaption says the same in words.
 */
export function TokenHistogram({ bins, sequenceLength, texts }: { bins: HistogramBin[]; sequenceLength: number; texts: number }) {
  if (bins.length === 0) return <p className="empty">No training texts to count.</p>;
  const top = Math.max(1, ...bins.map((b) => b.count));
  const last = bins[bins.length - 1].to + 1;
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (tokenCount: number) => PAD.left + (Math.min(tokenCount, last) / last) * plotW;
  const y = (n: number) => PAD.top + plotH - (n / top) * plotH;
  const width = bins[0].to - bins[0].from + 1;
  return (
    <figure className="chart histogram" aria-label="Token count histogram">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="line-chart" role="img" aria-label={`Histogram of tokens per training text in ${bins.length} bins`}>
        <line className="grid-line" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(top)} y2={y(top)} />
        <text className="tick" x={PAD.left - 4} y={y(top) + 4} textAnchor="end">
          {count(top)}
        </text>
        <text className="tick" x={PAD.left - 4} y={y(0)} textAnchor="end">
          0
        </text>
        {bins.map((b) => (
          <rect
            key={b.from}
            className={b.from > sequenceLength ? 'hist-bar hist-cut' : 'hist-bar'}
            x={x(b.from) + 0.5}
            y={y(b.count)}
            width={Math.max(1, x(b.to + 1) - x(b.from) - 1)}
            height={y(0) - y(b.count)}
          >
            <title>{`${b.from === b.to ? tokens(b.from) : `${count(b.from)}–${tokens(b.to)}`}: ${count(b.count)} texts`}</title>
          </rect>
        ))}
        <text className="tick" x={x(0)} y={HEIGHT - 6}>
          0
        </text>
        <text className="tick" x={x(last)} y={HEIGHT - 6} textAnchor="end">
          {tokens(last)}
        </text>
        {sequenceLength < last && (
          <g>
            <line className="hist-limit" x1={x(sequenceLength + 1)} x2={x(sequenceLength + 1)} y1={PAD.top} y2={y(0)} />
            <text className="axis-label" x={x(sequenceLength + 1) + 4} y={PAD.top + 10}>
              sequence length
            </text>
          </g>
        )}
      </svg>
      <figcaption>
        Tokens per training text: {count(texts)} texts in bins of {tokens(width)}; bars past the line are texts longer than the sequence length (
        {tokens(sequenceLength)}).
      </figcaption>
    </figure>
  );
}
