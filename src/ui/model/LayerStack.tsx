import { useState } from 'react';
import { defaultLayer, duplicateLayer, insertLayer, LAYER_KINDS, moveLayer, removeLayer, replaceLayer, type LayerKind } from '../../core/model/layerStack';
import type { ModelSpec } from '../../core/model/modelSpec';
import type { ModelSummary } from '../../core/model/modelShapes';
import { SelectField } from '../components/SelectField';
import { LayerRow } from './LayerRow';

interface Props {
  spec: ModelSpec;
  summary: ModelSummary;
  classCount: number;
  problem: (path: string) => string | undefined;
  onEdit: (next: ModelSpec) => void;
}

/** The editable stack between the embedding and the softmax output. */
export function LayerStack({ spec, summary, classCount, problem, onEdit }: Props) {
  const [kind, setKind] = useState<LayerKind>('dropout');
  const seen = new Set<string>();
  return (
    <section aria-label="Layer stack" className="card">
      <h3>Layers</h3>
      <p className="hint">
        Input ({spec.sequenceLength} token ids) → Embedding {spec.vocabSize.toLocaleString('en-US')} × {spec.embeddingDim} → the layers below → Dense {classCount} softmax
        (one unit per class).
      </p>
      <ol className="layers">
        {spec.layers.map((layer, i) => {
          const family = layer.kind === 'globalAvgPool' ? 'globalMaxPool' : layer.kind;
          const firstOfKind = !seen.has(family);
          seen.add(family);
          return (
            <LayerRow
              key={`${i}-${layer.kind}`}
              layer={layer}
              index={i}
              count={spec.layers.length}
              firstOfKind={firstOfKind}
              summary={summary.layers.find((l) => l.id === `l${i}`)}
              problem={problem}
              onChange={(next) => onEdit(replaceLayer(spec, i, next))}
              onMove={(delta) => onEdit(moveLayer(spec, i, delta))}
              onDuplicate={() => onEdit(duplicateLayer(spec, i))}
              onRemove={() => onEdit(removeLayer(spec, i))}
            />
          );
        })}
      </ol>
      {spec.layers.length === 0 && <p className="empty">No layers: add a convolution and a global pooling layer.</p>}
      <div className="row">
        <SelectField label="Layer to add" value={kind} options={LAYER_KINDS.map((k) => ({ value: k.kind, label: k.label }))} onChange={setKind} />
        <button type="button" onClick={() => onEdit(insertLayer(spec, defaultLayer(kind)))}>
          Add layer
        </button>
      </div>
    </section>
  );
}
