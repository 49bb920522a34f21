import { augmentProblems, defaultAugment, MAX_COPIES, type AugmentConfig } from '../../core/train/augment';
import type { TrainConfig } from '../../core/train/trainConfig';
import { NumberField } from '../components/NumberField';

interface Props {
  config: TrainConfig;
  disabled: boolean;
  onChange: (changes: Partial<TrainConfig>) => void;
}

/**
 * "Augment small data": how many changed copies of each training text to add, and how much each
 * copy changes. Plain words first; what exactly happens to the tokens is behind Details.
 */
export function AugmentSettings({ config, disabled, onChange }: Props) {
  const augment = config.augment ?? defaultAugment();
  const set = (changes: Partial<AugmentConfig>) => onChange({ augment: { ...augment, ...changes } });
  const problems = augmentProblems(augment);
  const problem = (field: keyof AugmentConfig) => problems.find((p) => p.field === field)?.message;
  const off = augment.copies === 0;
  return (
    <fieldset className="grid advanced augment" disabled={disabled}>
      <legend>Augment small data</legend>
      <p className="hint wide">
        With few texts, training on changed copies (a few words dropped, swapped, added or hidden) helps the model
        generalize. Only training texts are copied; validation and test texts stay as they are.
      </p>
      <NumberField
        label="Extra copies per text"
        value={augment.copies}
        min={0}
        max={MAX_COPIES}
        hint={off ? '0 = off' : `trains on ${augment.copies + 1}× the training texts`}
        problem={problem('copies')}
        onChange={(copies) => set({ copies })}
      />
      <NumberField label="Word deletion" value={augment.deletion} min={0} max={0.9} step={0.05} hint="chance each word is dropped" problem={problem('deletion')} disabled={off} onChange={(deletion) => set({ deletion })} />
      <NumberField label="Word swaps" value={augment.swaps} min={0} max={50} hint="pairs of words swapped per copy" problem={problem('swaps')} disabled={off} onChange={(swaps) => set({ swaps })} />
      <NumberField label="Word insertions" value={augment.insertions} min={0} max={50} hint="words of the same class added per copy" problem={problem('insertions')} disabled={off} onChange={(insertions) => set({ insertions })} />
      <NumberField label="Word dropout" value={augment.dropout} min={0} max={0.9} step={0.05} hint="chance each word becomes unknown" problem={problem('dropout')} disabled={off} onChange={(dropout) => set({ dropout })} />
      <details className="tech wide">
        <summary>Details</summary>
        <p>
          Applied after the split to the training rows' token ids, seeded by Seed: each copy starts from the original
          text, then random deletion (each token dropped with the given chance, one kept at least), random swap (two
          random positions trade tokens, n times), random insertion (a token of another training text of the same
          class at a random position, n times) and token dropout (a token replaced by the out-of-vocabulary id, or by
          the padding id 0 when the tokenizer has no OOV token). The tokenizer is fitted on the original training
          texts only; rows are padded and cut as before (pre). Each epoch goes over the originals and the copies,
          so it takes {augment.copies + 1}× as long. At most 2,000,000 added texts and 512 MB of ids.
        </p>
      </details>
    </fieldset>
  );
}
