import { useShallow } from 'zustand/react/shallow';
import { validateModelSpec } from '../../core/model/modelSpec';
import { useStudio } from '../../store/store';
import { NextStep } from '../components/NextStep';
import { count } from '../../core/format';
import { SequenceLengthView } from '../preprocess/SequenceLengthView';
import { TokenizerOptionsForm } from '../preprocess/TokenizerOptionsForm';
import { usePreprocessStats } from '../preprocess/usePreprocessStats';
import { VocabularyView } from '../preprocess/VocabularyView';

/**
 * Step 2: how texts become token ids. The tokenizer options, then what they do to the training
 * split (computed in the worker): tokens per text against the sequence length, and the vocabulary.
 */
export function PreprocessPanel() {
  const { spec, summary, options, stats, statsMs, loading, error, split } = useStudio(
    useShallow((s) => ({
      spec: s.model.spec,
      summary: s.data.summary,
      options: s.preprocess.options,
      stats: s.preprocess.stats,
      statsMs: s.preprocess.statsMs,
      loading: s.preprocess.loading,
      error: s.preprocess.error,
      split: s.train.config.validationSplit + s.train.config.testSplit,
    })),
  );
  const { adjustSpec: edit, setStep } = useStudio(useShallow((s) => ({ adjustSpec: s.adjustSpec, setStep: s.setStep })));
  usePreprocessStats();
  // The two numbers belong to the model (the Model step shows them too): editing them here makes it "Custom".
  const issues = validateModelSpec(spec, Math.max(summary?.classes.length ?? 2, 2));
  const problem = (path: string) => issues.filter((i) => i.path === path).map((i) => i.message).join(' ') || undefined;

  if (!summary) {
    return (
      <section aria-labelledby="pre-title">
        <h2 id="pre-title">Preprocess</h2>
        <p className="empty">No dataset yet: load a sample or upload a file first, then come back to see how its texts become tokens.</p>
        <button type="button" className="primary" onClick={() => setStep('data')}>
          Go to Data
        </button>
      </section>
    );
  }
  return (
    <section aria-labelledby="pre-title">
      <h2 id="pre-title">Preprocess</h2>
      <p className="lead">
        Texts become token ids as Keras' <code>Tokenizer(num_words={spec.vocabSize})</code> and <code>pad_sequences(maxlen={spec.sequenceLength})</code> make
        them, fitted on the training split only (about {count(Math.round(summary.examples * (1 - split)))} of {count(summary.examples)} examples), so
        validation texts stay unseen. The tokenizer is saved with the model as <code>tokenizer.json</code>.
      </p>
      <TokenizerOptionsForm options={options} stats={stats} />
      <p role="status" aria-label="Statistics status" className="busy">
        {loading ? 'Counting tokens…' : stats && statsMs !== null ? `Statistics of the training split, computed in ${Math.max(1, Math.round(statsMs))} ms.` : ''}
      </p>
      {error && (
        <p role="alert" className="error">
          Could not compute the statistics: {error}
        </p>
      )}
      {stats ? (
        <div className="two-col">
          <SequenceLengthView
            stats={stats}
            sequenceLength={spec.sequenceLength}
            problem={problem('sequenceLength')}
            onChange={(sequenceLength) => edit({ ...spec, sequenceLength })}
          />
          <VocabularyView stats={stats} vocabSize={spec.vocabSize} problem={problem('vocabSize')} onChange={(vocabSize) => edit({ ...spec, vocabSize })} />
        </div>
      ) : (
        !error && <p className="empty">Counting the tokens of the training split…</p>
      )}
      <NextStep to="model" />
    </section>
  );
}
