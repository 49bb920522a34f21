import { Suspense } from 'react';
import type { HistogramBin } from '../../core/stats';
import { ChartPlaceholder } from '../charts/ChartPlaceholder';
import { HistogramTable } from '../charts/HistogramTable';
import { HistogramBars } from '../charts/lazyCharts';
import { withUnit } from '../../core/format';

const tokens = (n: number) => withUnit(n, 'token');

/**
 * Bars of texts per token-count bin, with a line at the sequence length; bins beyond it (texts
 * that lose tokens) are drawn in the warning colour. The figcaption says the same in words.
 */
export function TokenHistogram({ bins, sequenceLength, texts }: { bins: HistogramBin[]; sequenceLength: number; texts: number }) {
  if (bins.length === 0) return <p className="empty">No training texts to count.</p>;
  const width = bins[0].to - bins[0].from + 1;
  return (
    <figure className="chart histogram" aria-label="Token count histogram">
      <Suspense fallback={<ChartPlaceholder height={200} />}>
        <HistogramBars
          bins={bins}
          height={200}
          label={`Histogram of tokens per training text in ${withUnit(bins.length, 'bin')}`}
          format={tokens}
          xLabel="tokens per text"
          limit={{ after: sequenceLength, label: `sequence length ${sequenceLength}` }}
        />
      </Suspense>
      <HistogramTable bins={bins} format={tokens} label="Texts per token count" />
      <figcaption>
        Tokens per training text: {withUnit(texts, 'text')} in bins of {tokens(width)}; red bars past the line are texts longer than the sequence length (
        {tokens(sequenceLength)}).
      </figcaption>
    </figure>
  );
}
