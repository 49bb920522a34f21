import { MODE_NAMES, TOKENIZER_MODES, type TokenizerChoice, type TokenizerOptions } from '../../core/text/tokenizerMode';
import type { PreprocessStats } from '../../core/text/preprocessReport';
import { ENGLISH_STOP_WORDS } from '../../core/text/unicodeText';
import { useStudio } from '../../store/store';
import { CheckboxField } from '../components/CheckboxField';
import { SelectField } from '../components/SelectField';

const MODE_LABELS = {
  keras: 'Keras words: split on spaces and punctuation',
  unicode: 'Unicode words: Intl.Segmenter (Chinese, Japanese, Thai…)',
  char: 'Characters: every character is a token',
} as const;

/** The sentence under the mode: what the automatic choice is and why, and whether it is in use. */
function modeReason(options: TokenizerOptions, stats: PreprocessStats | null): string {
  if (!stats) return 'The automatic choice looks at the scripts of the training texts.';
  const auto = `${MODE_NAMES[stats.auto.mode]}: ${stats.auto.reason}`;
  if (options.mode === 'auto') return `Automatic choice, ${auto}`;
  if (options.mode === stats.auto.mode) return `Your choice agrees with the automatic one, ${auto}`;
  return `Your choice overrides the automatic one, which would be ${auto}`;
}

/** "Tokenizer mode" with the automatic choice and its reason, and the text-cleaning switches. */
export function TokenizerOptionsForm({ options, stats }: { options: TokenizerOptions; stats: PreprocessStats | null }) {
  const set = useStudio((s) => s.setTokenizerOptions);
  const autoLabel = stats ? `Automatic (${MODE_NAMES[stats.auto.mode]})` : 'Automatic';
  const mode = options.mode === 'auto' ? stats?.auto.mode : options.mode;
  const charMode = mode === 'char';
  return (
    <section aria-labelledby="tokenizer-title" className="card">
      <h3 id="tokenizer-title">Tokenizer</h3>
      <div className="row">
        <SelectField<TokenizerChoice>
          label="Tokenizer mode"
          value={options.mode}
          options={[{ value: 'auto', label: autoLabel }, ...TOKENIZER_MODES.map((m) => ({ value: m, label: MODE_LABELS[m] }))]}
          onChange={(choice) => set({ mode: choice })}
          hint={modeReason(options, stats)}
        />
      </div>
      <div className="row">
        <CheckboxField label="Lower-case" checked={options.lower} onChange={(lower) => set({ lower })} hint="“The” and “the” become one token (Keras lower=True)" />
        <CheckboxField
          label="NFKC normalization"
          checked={options.normalize === 'NFKC'}
          onChange={(on) => set({ normalize: on ? 'NFKC' : 'none' })}
          hint="folds full-width and compatibility forms first: ＡＢＣ → ABC, ｶﾀｶﾅ → カタカナ, ﬁ → fi"
        />
        <CheckboxField
          label="Remove English stop words"
          checked={options.stopWords === 'english' && !charMode}
          disabled={charMode}
          onChange={(on) => set({ stopWords: on ? 'english' : 'none' })}
          hint={
            charMode
              ? 'not used in character mode'
              : `drops ${ENGLISH_STOP_WORDS.length} common words such as “the”, “and”, “of”`
          }
        />
      </div>
      {stats && !stats.tokenizer.kerasCompatible && (
        <p className="hint">
          Python's <code>tokenizer_from_json</code> still loads the saved <code>tokenizer.json</code>, but Keras alone reads text differently: apply the
          steps in its <code>"studio"</code> key (normalization, word segmentation, stop words) before <code>texts_to_sequences</code>.
        </p>
      )}
    </section>
  );
}
