/**
 * Whether a model's labels and a dataset's classes are the same names (in any order), and how
 * to read the dataset's labels as the model's output indices.
 */

/** For each dataset class index, the model output with the same name; null unless both hold exactly the same names. */
export function labelMapping(modelLabels: readonly string[], datasetClasses: readonly string[]): Int32Array | null {
  if (modelLabels.length !== datasetClasses.length) return null;
  const at = new Map(modelLabels.map((l, i) => [l, i]));
  if (at.size !== modelLabels.length) return null;
  const mapping = new Int32Array(datasetClasses.length);
  for (let i = 0; i < datasetClasses.length; i++) {
    const j = at.get(datasetClasses[i]);
    if (j === undefined) return null;
    mapping[i] = j;
  }
  return mapping;
}

/** True when the model's labels and the dataset's classes are the same names. */
export const sameClasses = (modelLabels: readonly string[], datasetClasses: readonly string[]): boolean => labelMapping(modelLabels, datasetClasses) !== null;
