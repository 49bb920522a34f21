import type { HistogramBin } from '../../core/stats';
import { HistogramBars } from '../charts/HistogramBars';
import { count, withUnit } from '../../core/format';

/**
 * Bars of texts per token-count bin, with a line at the sequence length; bins beyond it (texts
 * that lose tokens) are drawn in the warning colour. The figcaption says the same in words.
 */
export function TokenHistogram({ bins, sequenceLength, texts }: { bins: HistogramBin[]; sequenceLength: number; texts: number }) {
  if (bins.length === 0) return <p className="empty">No training texts to count.</p>;
  const width = bins[0].to - bins[0].from + 1;
  return (
    <figure className="chart histogram" aria-label="Token count histogram">
      <HistogramBars
        bins={bins}
        height={160}
        label={`Histogram of tokens per training text in ${bins.length} bins`}
        format={(n) => withUnit(n, 'token')}
        limit={{ after: sequenceLength, label: 'sequence length' }}
      />
      <figcaption>
        Tokens per training text: {count(texts)} texts in bins of {withUnit(width, 'token')}; bars past the line are texts longer than the sequence length (
        {withUnit(sequenceLength, 'token')}).
      </figcaption>
    </figure>
  );
}
