import { useShallow } from 'zustand/react/shallow';
import { studioClient } from '../../client/studioClient';
import { formatBytes, formatDuration } from '../../core/format';
import { estimateCost, estimateEpochSeconds } from '../../core/train/modelCost';
import { formatCount, type ModelSummary } from '../../core/model/modelShapes';
import type { ModelSpec } from '../../core/model/modelSpec';
import { useStudio } from '../../store/store';
import { badgeText, describeRunning, type RunningTrainer } from '../../core/train/trainerLabel';
import { useTrainer } from '../components/useTrainer';

const NAMES: readonly RunningTrainer['name'][] = ['webgpu', 'webgl', 'wasm', 'cpu', 'engine'];

/** The measured backend in a word, with the adapter when it is the one running now. */
function measuredOn(name: string, running: RunningTrainer | null): string {
  const known = NAMES.find((n) => n === name);
  if (!known) return name;
  const adapter = running?.name === known ? running.adapter : null;
  return badgeText(describeRunning({ name: known, adapter, fallbackReason: null }));
}

/** "Model summary": per-layer shapes and parameters, and what the model costs before training. */
export function ModelSummaryCard({ spec, summary, classCount }: { spec: ModelSpec; summary: ModelSummary; classCount: number }) {
  const { config, examples, calibration, measuring, backend, running } = useStudio(
    useShallow((s) => ({
      config: s.train.config,
      examples: s.data.summary?.examples ?? 0,
      calibration: s.model.calibration,
      measuring: s.model.measuring,
      backend: s.train.backend,
      running: s.train.status === 'training' || s.train.status === 'starting' || s.train.status === 'paused',
    })),
  );
  const trainer = useTrainer();
  const cost = estimateCost(spec, classCount, config.batchSize, config.optimizer);
  const trainSamples = Math.round(examples * (1 - config.validationSplit - config.testSplit));
  const epochSeconds = estimateEpochSeconds(cost.trainFlops, trainSamples, calibration);
  return (
    <section aria-label="Model summary" className="card">
      <h3>Model summary</h3>
      <table aria-label="Layers">
        <thead>
          <tr>
            <th scope="col">Layer</th>
            <th scope="col">Output shape</th>
            <th scope="col" className="num">Parameters</th>
          </tr>
        </thead>
        <tbody>
          {summary.layers.map((l) => (
            <tr key={l.id}>
              <td>{l.label}</td>
              <td>{l.outputShapes.map((s) => `(${['None', ...s].join(', ')})`).join(' ‖ ')}</td>
              <td className="num">{formatCount(l.params)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="facts">
        <dt>Total parameters</dt>
        <dd>
          <strong>{formatCount(summary.totalParams)}</strong> ({formatBytes(summary.totalParams * 4)} of float32 weights)
        </dd>
        <dt>Compute</dt>
        <dd>
          {(cost.forwardFlops / 1e6).toFixed(2)} MFLOP per text to predict, {(cost.trainFlops / 1e6).toFixed(2)} MFLOP per text to train
        </dd>
        <dt>Memory while training</dt>
        <dd>
          about {formatBytes(cost.totalBytes)} ({formatBytes(cost.parameterBytes)} weights, gradients and {config.optimizer} state,{' '}
          {formatBytes(cost.activationBytes)} activations for a batch of {config.batchSize})
        </dd>
        <dt>Time per epoch</dt>
        <dd>
          {epochSeconds === null
            ? 'not measured yet on this machine'
            : `about ${formatDuration(epochSeconds)} for ${trainSamples.toLocaleString('en-US')} training texts on ${measuredOn(calibration!.backend, backend)} (measured ${Math.round(
                calibration!.samplesPerSecond,
              ).toLocaleString('en-US')} texts/s on a model of ${(calibration!.trainFlops / 1e6).toFixed(2)} MFLOP)`}{' '}
          <button type="button" className="link" disabled={measuring || running} onClick={() => void studioClient().training.measureSpeed()}>
            {measuring ? 'Measuring…' : `Measure speed${trainer ? ` on ${badgeText(trainer.label)}` : ''}`}
          </button>
        </dd>
      </dl>
    </section>
  );
}
