import type { LayerSpec, ModelSpec } from './modelSpec';

/**
 * The simple form's edits as pure functions: each returns a new spec and leaves the input
 * untouched, so undo is keeping the old object.
 */

const mapFirst = <K extends LayerSpec['kind']>(spec: ModelSpec, kind: K, edit: (l: Extract<LayerSpec, { kind: K }>) => LayerSpec): ModelSpec => {
  const index = spec.layers.findIndex((l) => l.kind === kind);
  if (index < 0) return spec;
  const layers = spec.layers.slice();
  layers[index] = edit(layers[index] as Extract<LayerSpec, { kind: K }>);
  return { ...spec, layers };
};

export const setFilters = (spec: ModelSpec, filters: number) => mapFirst(spec, 'conv1d', (l) => ({ ...l, filters }));

export const setKernelSizes = (spec: ModelSpec, kernelSizes: number[]) => mapFirst(spec, 'conv1d', (l) => ({ ...l, kernelSizes }));

/** Sets the first kernel size, keeping any parallel branches after it. */
export const setKernelSize = (spec: ModelSpec, k: number) => mapFirst(spec, 'conv1d', (l) => ({ ...l, kernelSizes: [k, ...l.kernelSizes.slice(1)] }));

const poolIndex = (spec: ModelSpec) => spec.layers.findIndex((l) => l.kind === 'globalMaxPool' || l.kind === 'globalAvgPool');

/** Units of the first hidden dense layer; 0 removes it, a positive value adds one after pooling (and dropout). */
export function setDenseUnits(spec: ModelSpec, units: number): ModelSpec {
  const index = spec.layers.findIndex((l) => l.kind === 'dense');
  if (units <= 0) return index < 0 ? spec : { ...spec, layers: spec.layers.filter((_, i) => i !== index) };
  if (index >= 0) return mapFirst(spec, 'dense', (l) => ({ ...l, units }));
  return { ...spec, layers: [...spec.layers, { kind: 'dense', units, activation: 'relu' }] };
}

/** Rate of the first dropout layer; 0 removes it, a positive value adds one right after pooling. */
export function setDropout(spec: ModelSpec, rate: number): ModelSpec {
  const index = spec.layers.findIndex((l) => l.kind === 'dropout');
  if (rate <= 0) return index < 0 ? spec : { ...spec, layers: spec.layers.filter((_, i) => i !== index) };
  if (index >= 0) return mapFirst(spec, 'dropout', (l) => ({ ...l, rate }));
  const at = poolIndex(spec) + 1;
  const layers = spec.layers.slice();
  layers.splice(at > 0 ? at : layers.length, 0, { kind: 'dropout', rate });
  return { ...spec, layers };
}

/** Parses "3, 4, 5" into kernel sizes; null when any entry is not a positive whole number. */
export function parseKernelSizes(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  if (parts.length === 0) return null;
  const sizes = parts.map(Number);
  return sizes.every((k) => Number.isInteger(k) && k > 0) ? sizes : null;
}
