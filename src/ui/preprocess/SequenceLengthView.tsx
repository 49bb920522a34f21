import type { PreprocessStats } from '../../core/text/preprocessReport';
import { truncatedCount } from '../../core/text/preprocessStats';
import { NumberField } from '../components/NumberField';
import { count, percent, withUnit } from '../../core/format';
import { TokenHistogram } from './TokenHistogram';

interface Props {
  stats: PreprocessStats;
  sequenceLength: number;
  problem?: string;
  onChange: (sequenceLength: number) => void;
}

const PERCENTILES = [
  ['p50', 'median'],
  ['p90', '90th'],
  ['p95', '95th'],
  ['p99', '99th'],
  ['max', 'longest'],
] as const;

/** "Sequence length": the histogram of tokens per text, its percentiles, and how many texts get cut. */
export function SequenceLengthView({ stats, sequenceLength, problem, onChange }: Props) {
  const { lengths, suggestedSequenceLength: suggested, sortedLengths } = stats;
  const cut = truncatedCount(sortedLengths, sequenceLength);
  const padded = lengths.texts - cut;
  return (
    <section aria-labelledby="seq-title" className="card">
      <h3 id="seq-title">Sequence length</h3>
      <p className="hint">Every text becomes exactly this many token ids: shorter ones are padded with 0 at the start, longer ones lose their first tokens (Keras' 'pre').</p>
      <div className="row">
        <NumberField label="Sequence length" value={sequenceLength} min={1} hint="tokens per text (pad_sequences maxlen)" problem={problem} onChange={onChange} />
        <button type="button" disabled={suggested === sequenceLength} onClick={() => onChange(suggested)}>
          Use suggested ({withUnit(suggested, 'token')})
        </button>
      </div>
      <p className="hint">
        Suggested: the 95th percentile ({withUnit(lengths.percentiles.p95, 'token')}), at most 1,000 and at least the largest kernel size.
      </p>
      <p role="status" aria-label="Truncation" className={cut > 0 ? 'stats' : 'stats good'}>
        {cut > 0 ? (
          <>
            <strong>
              {count(cut)} of {count(lengths.texts)} training texts ({percent(cut / Math.max(1, lengths.texts))})
            </strong>{' '}
            have more than {withUnit(sequenceLength, 'token')} and get truncated; {count(padded)} fit.
          </>
        ) : (
          <>No training text is truncated: all {count(lengths.texts)} have at most {withUnit(sequenceLength, 'token')}.</>
        )}
      </p>
      <TokenHistogram bins={lengths.histogram} sequenceLength={sequenceLength} texts={lengths.texts} />
      <table aria-label="Token count percentiles" className="percentiles">
        <caption>Tokens per training text, after the vocabulary cut-off (nearest-rank percentiles)</caption>
        <thead>
          <tr>
            {PERCENTILES.map(([key, name]) => (
              <th key={key} scope="col" className="num">
                {key} <span className="hint">({name})</span>
              </th>
            ))}
            <th scope="col" className="num">
              mean
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            {PERCENTILES.map(([key]) => (
              <td key={key} className="num">
                {withUnit(lengths.percentiles[key], 'token')}
              </td>
            ))}
            <td className="num">{lengths.mean.toFixed(1)} tokens</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
