/**
 * A model's name in a sentence or a table cell: its preset's name when the spec is exactly a
 * preset's, else a short summary of its layers ("Conv 128×5 · Dense 128").
 */
import type { LayerSpec, ModelSpec } from '../model/modelSpec';
import { PRESETS } from './presets';

function layerLabel(layer: LayerSpec): string | null {
  switch (layer.kind) {
    case 'conv1d':
      return `Conv ${layer.filters}×${layer.kernelSizes.join('/')}`;
    case 'dense':
      return `Dense ${layer.units}`;
    case 'maxPool':
      return `Pool ${layer.poolSize}`;
    default:
      return null;
  }
}

/** The layers that shape the model (convolutions, pools, dense), e.g. "Conv 128×5 · Dense 128"; "Embedding only" when none. */
export function specSummary(spec: ModelSpec): string {
  const parts = spec.layers.map(layerLabel).filter((p): p is string => p !== null);
  return parts.length ? parts.join(' · ') : `Embedding ${spec.embeddingDim} only`;
}

/** Structural equality of plain JSON values (key order ignored). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The preset whose spec this is exactly, if any. */
export function presetOf(spec: ModelSpec): { id: string; name: string } | null {
  const preset = PRESETS.find((p) => sameJson(p.spec, spec));
  return preset ? { id: preset.id, name: preset.name } : null;
}

/** The preset's name, or the spec's summary. */
export const specLabel = (spec: ModelSpec): string => presetOf(spec)?.name ?? specSummary(spec);
