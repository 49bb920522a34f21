/**
 * Texts that occur more than once (compared after trimming), and the dataset without them: one
 * copy kept of each repeated text, every copy dropped of a text whose copies disagree on the label.
 */
import type { Dataset } from './dataset';

export interface TextGroup {
  /** Example indices, in row order. */
  members: number[];
  /** The copies do not all have the same label. */
  conflicting: boolean;
}

/** Groups of two or more examples with the same text, in order of their first copy. */
export function duplicateGroups(dataset: Dataset): TextGroup[] {
  const byText = new Map<string, TextGroup>();
  const groups: TextGroup[] = [];
  dataset.texts.forEach((text, i) => {
    const key = text.trim();
    const group = byText.get(key);
    if (!group) {
      byText.set(key, { members: [i], conflicting: false });
      return;
    }
    if (group.members.length === 1) groups.push(group);
    if (dataset.labels[group.members[0]] !== dataset.labels[i]) group.conflicting = true;
    group.members.push(i);
  });
  return groups;
}

/** Keeps the listed examples, re-indexing classes so that none is empty. */
function subset(dataset: Dataset, rowNumbers: Int32Array, keep: number[]): { dataset: Dataset; rowNumbers: Int32Array } {
  const present = [...new Set(keep.map((i) => dataset.labels[i]))].sort((a, b) => a - b);
  const remap = new Map(present.map((c, i) => [c, i]));
  return {
    dataset: {
      texts: keep.map((i) => dataset.texts[i]),
      labels: Int32Array.from(keep, (i) => remap.get(dataset.labels[i])!),
      classes: present.map((c) => dataset.classes[c]),
    },
    rowNumbers: Int32Array.from(keep, (i) => rowNumbers[i]),
  };
}

/** The dataset with the first copy of each same-label group kept and conflicting groups dropped. */
export function withoutDuplicates(
  dataset: Dataset,
  rowNumbers: Int32Array,
  groups: TextGroup[],
): { dataset: Dataset; rowNumbers: Int32Array; dropped: number } {
  const drop = new Uint8Array(dataset.texts.length);
  for (const g of groups) {
    for (let k = g.conflicting ? 0 : 1; k < g.members.length; k++) drop[g.members[k]] = 1;
  }
  const keep: number[] = [];
  drop.forEach((d, i) => d === 0 && keep.push(i));
  return { ...subset(dataset, rowNumbers, keep), dropped: dataset.texts.length - keep.length };
}
