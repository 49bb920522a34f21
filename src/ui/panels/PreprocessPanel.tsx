import { useShallow } from 'zustand/react/shallow';
import { useStudio } from '../../store/store';
import { NextStep } from '../components/NextStep';

/** Step 2: how texts become token ids (the Keras Tokenizer and pad_sequences). */
export function PreprocessPanel() {
  const { spec, summary, split } = useStudio(
    useShallow((s) => ({ spec: s.model.spec, summary: s.data.summary, split: s.train.config.validationSplit })),
  );
  return (
    <section aria-labelledby="pre-title">
      <h2 id="pre-title">Preprocess</h2>
      <p className="lead">
        Texts become token ids exactly as Keras does it: <code>Tokenizer(num_words={spec.vocabSize})</code> (lower-case, punctuation filtered, split on
        spaces), then <code>pad_sequences(maxlen={spec.sequenceLength})</code> with padding and truncation at the start ('pre').
      </p>
      <dl className="facts">
        <dt>Vocabulary</dt>
        <dd>the {spec.vocabSize.toLocaleString('en-US')} − 1 most frequent words of the training split; rarer words are dropped</dd>
        <dt>Sequence length</dt>
        <dd>{spec.sequenceLength} tokens per text; longer texts keep their last tokens</dd>
        <dt>Fitted on</dt>
        <dd>
          the training split only ({Math.round((1 - split) * 100)}% of each class), so validation texts stay unseen
          {summary ? ` — about ${Math.round(summary.examples * (1 - split)).toLocaleString('en-US')} of ${summary.examples.toLocaleString('en-US')} examples` : ''}
        </dd>
        <dt>Saved with the model</dt>
        <dd>
          <code>tokenizer.json</code> in Keras' <code>Tokenizer.to_json()</code> layout, loadable by <code>tokenizer_from_json</code>
        </dd>
      </dl>
      <p className="hint">Vocabulary size and sequence length are part of the model: change them in the Model step.</p>
      <NextStep to="model" />
    </section>
  );
}
