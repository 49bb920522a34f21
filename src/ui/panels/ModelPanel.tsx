import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { validateModelSpec, type ModelSpec } from '../../core/model/modelSpec';
import { summarizeModel } from '../../core/model/modelShapes';
import { modelDiagram } from '../../core/model/mermaid';
import { findPreset, PRESETS } from '../../core/train/presets';
import { CUSTOM_PRESET as CUSTOM } from '../../store/modelSlice';
import { useStudio } from '../../store/store';
import { NumberField } from '../components/NumberField';
import { SelectField } from '../components/SelectField';
import { MermaidFigure } from '../components/MermaidFigure';
import { NextStep } from '../components/NextStep';
import { LayerStack } from '../model/LayerStack';
import { ModelSummaryCard } from '../model/ModelSummaryCard';
import { SpecShare } from '../model/SpecShare';
import { usePreprocessStats } from '../preprocess/usePreprocessStats';
import { LoadedSpecNote } from '../model/LoadedSpecNote';

/** Step 3: a preset, the editable stack, what it costs, and the model diagram. */
export function ModelPanel() {
  const { presetId, presetNotice, spec, classes, canUndo, canRedo, vocabulary } = useStudio(
    useShallow((s) => ({
      presetId: s.model.presetId,
      presetNotice: s.model.presetNotice,
      spec: s.model.spec,
      classes: s.data.summary?.classes ?? [],
      canUndo: s.model.past.length > 0,
      canRedo: s.model.future.length > 0,
      vocabulary: s.preprocess.stats?.vocabulary.size ?? null,
    })),
  );
  const { editSpec, undo, redo, selectPreset } = useStudio(
    useShallow((s) => ({ editSpec: s.editSpec, undo: s.undo, redo: s.redo, selectPreset: s.selectPreset })),
  );
  // The vocabulary check below needs the training texts' word count, computed in the worker.
  usePreprocessStats();
  const classCount = Math.max(classes.length, 2);
  const edit = (next: ModelSpec) => editSpec(next, CUSTOM);
  const issues = validateModelSpec(spec, classCount);
  const problem = (path: string) => issues.filter((i) => i.path === path).map((i) => i.message).join(' ') || undefined;
  const summary = summarizeModel(spec, classCount);
  const bigVocabulary = vocabulary !== null && spec.vocabSize > vocabulary + 1;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'z' || (e.target as HTMLElement).closest('input, textarea')) return;
      e.preventDefault();
      if (e.shiftKey) redo();
      else undo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo]);
  return (
    <section aria-labelledby="model-title">
      <h2 id="model-title">Model</h2>
      <p className="lead">A convolutional text classifier: embedding, convolutions, global pooling, dense layers, softmax over your classes.</p>
      <div className="row">
        <SelectField
          label="Preset"
          value={presetId}
          options={[...PRESETS.map((p) => ({ value: p.id, label: p.name })), ...(presetId === CUSTOM ? [{ value: CUSTOM, label: 'Custom (edited)' }] : [])]}
          onChange={selectPreset}
          hint={findPreset(presetId)?.description ?? 'Edited from a preset.'}
        />
        <button type="button" disabled={!canUndo} onClick={undo} aria-keyshortcuts="Control+Z">
          Undo
        </button>
        <button type="button" disabled={!canRedo} onClick={redo} aria-keyshortcuts="Control+Shift+Z">
          Redo
        </button>
      </div>
      <LoadedSpecNote />
      {presetNotice && presetNotice.presetId === presetId && (
        <p role="status" aria-label="Preset changes" className="notice">
          {presetNotice.text} Test split, seed and backend stay as you set them.
        </p>
      )}
      <div className="grid">
        <NumberField
          label="Vocabulary size"
          value={spec.vocabSize}
          min={2}
          hint={
            bigVocabulary
              ? `⚠ more than the ${vocabulary!.toLocaleString('en-US')} distinct tokens of the training texts: ${(vocabulary! + 1).toLocaleString('en-US')} is enough (extra embedding rows never train)`
              : vocabulary !== null
                ? `words (num_words); the training texts have ${vocabulary.toLocaleString('en-US')}`
                : 'words (num_words)'
          }
          problem={problem('vocabSize')}
          onChange={(vocabSize) => edit({ ...spec, vocabSize })}
        />
        <NumberField label="Sequence length" value={spec.sequenceLength} min={1} hint="tokens per text" problem={problem('sequenceLength')} onChange={(sequenceLength) => edit({ ...spec, sequenceLength })} />
        <NumberField label="Embedding dimension" value={spec.embeddingDim} min={1} hint="numbers per word" problem={problem('embeddingDim')} onChange={(embeddingDim) => edit({ ...spec, embeddingDim })} />
        <label className="check">
          <input type="checkbox" checked={spec.embeddingTrainable !== false} onChange={(e) => edit({ ...spec, embeddingTrainable: e.target.checked })} />
          Train the embedding
        </label>
      </div>
      <LayerStack spec={spec} summary={summary} classCount={classCount} problem={problem} onEdit={edit} />
      {issues.length > 0 && (
        <div role="alert" className="error">
          <p>This model cannot train yet:</p>
          <ul>
            {issues.map((i) => (
              <li key={i.path + i.message}>{i.message}</li>
            ))}
          </ul>
        </div>
      )}
      <ModelSummaryCard spec={spec} summary={summary} classCount={classCount} />
      <MermaidFigure label="Model diagram" heading="Model diagram" zoomable source={modelDiagram(spec, classes)} description={`Layers: ${summary.layers.map((l) => l.label).join(', then ')}.`} />
      <SpecShare spec={spec} onImport={edit} />
      <NextStep to="train" disabled={issues.length > 0} why="Fix the model first." />
    </section>
  );
}
