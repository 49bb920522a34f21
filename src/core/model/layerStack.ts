import type { LayerSpec, ModelSpec } from './modelSpec';

/**
 * Edits of the layer stack as pure functions: each returns a new spec (the input is never
 * changed), so undo is keeping the previous object.
 */

export type LayerKind = LayerSpec['kind'];

export const LAYER_KINDS: readonly { kind: LayerKind; label: string }[] = [
  { kind: 'conv1d', label: 'Convolution (Conv1D)' },
  { kind: 'globalMaxPool', label: 'Global max pooling' },
  { kind: 'globalAvgPool', label: 'Global average pooling' },
  { kind: 'maxPool', label: 'Max pooling (shortens the sequence)' },
  { kind: 'batchNorm', label: 'Batch normalization' },
  { kind: 'dropout', label: 'Dropout' },
  { kind: 'dense', label: 'Dense' },
];

export function defaultLayer(kind: LayerKind): LayerSpec {
  switch (kind) {
    case 'conv1d':
      return { kind, filters: 64, kernelSizes: [3], activation: 'relu' };
    case 'globalMaxPool':
    case 'globalAvgPool':
      return { kind };
    case 'dropout':
      return { kind, rate: 0.5 };
    case 'dense':
      return { kind, units: 64, activation: 'relu' };
    case 'maxPool':
      return { kind, poolSize: 2 };
    case 'batchNorm':
      return { kind };
  }
}

const withLayers = (spec: ModelSpec, layers: LayerSpec[]): ModelSpec => ({ ...spec, layers });

/**
 * Where a new layer of a kind fits best: convolutions before the pooling, pooling after the
 * last convolution, dropout and dense at the end.
 */
export function suggestedIndex(spec: ModelSpec, kind: LayerKind): number {
  const pool = spec.layers.findIndex((l) => l.kind === 'globalMaxPool' || l.kind === 'globalAvgPool');
  if (kind === 'conv1d' || kind === 'maxPool') return pool >= 0 ? pool : spec.layers.length;
  if (kind === 'globalMaxPool' || kind === 'globalAvgPool') {
    let lastConv = -1;
    spec.layers.forEach((l, i) => l.kind === 'conv1d' && (lastConv = i));
    return lastConv + 1;
  }
  return spec.layers.length;
}

export function insertLayer(spec: ModelSpec, layer: LayerSpec, index = suggestedIndex(spec, layer.kind)): ModelSpec {
  const layers = spec.layers.slice();
  layers.splice(Math.max(0, Math.min(index, layers.length)), 0, layer);
  return withLayers(spec, layers);
}

export function removeLayer(spec: ModelSpec, index: number): ModelSpec {
  if (index < 0 || index >= spec.layers.length) return spec;
  return withLayers(spec, spec.layers.filter((_, i) => i !== index));
}

/** Moves a layer by `delta` places (−1 up, +1 down); out-of-range moves change nothing. */
export function moveLayer(spec: ModelSpec, index: number, delta: number): ModelSpec {
  const to = index + delta;
  if (index < 0 || index >= spec.layers.length || to < 0 || to >= spec.layers.length) return spec;
  const layers = spec.layers.slice();
  const [layer] = layers.splice(index, 1);
  layers.splice(to, 0, layer);
  return withLayers(spec, layers);
}

export function duplicateLayer(spec: ModelSpec, index: number): ModelSpec {
  if (index < 0 || index >= spec.layers.length) return spec;
  const layer = spec.layers[index];
  return insertLayer(spec, layer.kind === 'conv1d' ? { ...layer, kernelSizes: [...layer.kernelSizes] } : { ...layer }, index + 1);
}

export function replaceLayer(spec: ModelSpec, index: number, layer: LayerSpec): ModelSpec {
  if (index < 0 || index >= spec.layers.length) return spec;
  const layers = spec.layers.slice();
  layers[index] = layer;
  return withLayers(spec, layers);
}

/** Parses "3, 4, 5" into kernel sizes; null when any entry is not a positive whole number. */
export function parseKernelSizes(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  if (parts.length === 0) return null;
  const sizes = parts.map(Number);
  return sizes.every((k) => Number.isInteger(k) && k > 0) ? sizes : null;
}
