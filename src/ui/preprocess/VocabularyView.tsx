import type { PreprocessStats } from '../../core/text/preprocessReport';
import { NumberField } from '../components/NumberField';
import { count, percent, withUnit } from '../../core/format';
import { whitespaceName } from './whitespaceName';

interface Props {
  stats: PreprocessStats;
  vocabSize: number;
  problem?: string;
  onChange: (vocabSize: number) => void;
}

/** The vocabulary of the training split: size, what "Vocabulary size" covers, OOV on validation, top tokens. */
export function VocabularyView({ stats, vocabSize, problem, onChange }: Props) {
  const { vocabulary: v, validationOov: oov } = stats;
  const top = v.top[0]?.count ?? 1;
  return (
    <section aria-label="Vocabulary" className="card">
      <h3>Vocabulary</h3>
      <div className="row">
        <NumberField label="Vocabulary size" value={vocabSize} min={2} hint="Keras num_words: ids below it are kept" problem={problem} onChange={onChange} />
      </div>
      <dl className="facts">
        <dt>Distinct tokens</dt>
        <dd>
          {count(v.size)} in the training split ({withUnit(v.occurrences, 'occurrence')} in {withUnit(stats.trainTexts, 'text')})
        </dd>
        <dt>Kept</dt>
        <dd>
          the {count(v.kept)} most frequent, covering <strong>{percent(v.coverage)}</strong> of all token occurrences
          {v.kept < v.size ? `; ${count(v.size - v.kept)} rarer tokens are dropped` : '; every token is kept'}
        </dd>
        <dt>Out of vocabulary</dt>
        <dd>
          <strong>{percent(oov.rate)}</strong> of the {count(oov.tokens)} tokens of the validation split ({withUnit(stats.validationTexts, 'text')}) are
          unknown to the training split or cut off
        </dd>
      </dl>
      <div className="bar-track coverage" role="img" aria-label={`Coverage ${percent(v.coverage)}`}>
        <span className="bar-fill bar-best" style={{ width: `${v.coverage * 100}%` }} />
      </div>
      {v.top.length === 0 ? (
        <p className="empty">The training texts have no tokens in this mode.</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Most frequent tokens, scrolls">
          <table aria-label="Most frequent tokens">
            <caption>The {count(v.top.length)} most frequent tokens of the training split</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  Id
                </th>
                <th scope="col">Token</th>
                <th scope="col" className="num">
                  Count
                </th>
                <th scope="col" className="num">
                  Share
                </th>
                <th scope="col">
                  <span className="visually-hidden">Frequency bar</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {v.top.map((t) => (
                <tr key={t.index} className={v.numWords && t.index >= v.numWords ? 'dropped' : undefined}>
                  <td className="num">{t.index}</td>
                  <td>
                    {whitespaceName(t.token) ? <em className="hint">{whitespaceName(t.token)}</em> : <span className="token">{t.token}</span>}
                  </td>
                  <td className="num">{count(t.count)}</td>
                  <td className="num">{percent(t.count / Math.max(1, v.occurrences))}</td>
                  <td aria-hidden="true" className="bar-cell">
                    <span className="bar-track">
                      <span className="bar-fill" style={{ width: `${(t.count / top) * 100}%` }} />
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
