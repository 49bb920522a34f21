import * as tf from '@tensorflow/tfjs';
import { summarizeModel } from '../../core/model/modelShapes';
import { tokenizerToJson } from '../../core/text/tokenizerJson';
import type { BackendInfo, EpochMetrics, SavedModelInfo, TrainRequest } from '../../protocol/messages';
import { bundleMetadata } from '../library/exportBundle';
import { deleteBundle, saveBundle } from '../library/library';
import type { Post } from '../post';
import { fingerprint, session, type ActiveModel } from '../session';
import { dataOf, type RunData } from './runData';

/** Name of a run's checkpoint in the model library: one per dataset, replaced by the next run's. */
export const checkpointName = (dataset: string) => `Checkpoint of an interrupted run (${dataset || 'dataset'})`;

/**
 * Keeps the best weights of a run so far in the model library after each epoch that improves
 * the validation loss, so a run cut short by a reload, a closed tab or a dead worker can still
 * be loaded, evaluated, saved under a name or downloaded. A run that ends here (finished,
 * stopped, failed) deletes its checkpoint: its model is the page's current model instead.
 */
export class Checkpointer {
  private bestLoss = Infinity;
  private writing: Promise<void> = Promise.resolve();
  private written = false;
  private fingerprint: string | null = null;
  readonly name: string;

  constructor(
    private readonly runId: number,
    private readonly model: tf.LayersModel,
    private readonly run: RunData,
    private readonly request: TrainRequest,
    private readonly backend: BackendInfo,
    /** Leaves the trained weights in the tfjs model (the engine trains its own copy). */
    private readonly settle: () => void,
    private readonly post: Post,
  ) {
    this.name = checkpointName(session.sourceName);
  }

  /** After each epoch: a better validation loss is written (in the background, one write at a time). */
  epochEnded(metrics: EpochMetrics): void {
    if (!(metrics.valLoss < this.bestLoss)) return;
    this.bestLoss = metrics.valLoss;
    // The weights are copied now, between two batches: training goes on while they are written.
    this.settle();
    const weights = this.model.weights.map((w) => ({ name: w.originalName, tensor: w.read().clone() }));
    this.writing = this.writing.then(() => this.write(metrics, weights)).catch(() => undefined);
  }

  private async write(metrics: EpochMetrics, weights: { name: string; tensor: tf.Tensor }[]): Promise<void> {
    try {
      const { data: weightData, specs: weightSpecs } = await tf.io.encodeWeights(weights);
      const artifacts: tf.io.ModelArtifacts = {
        modelTopology: this.model.toJSON(null, false) as tf.io.ModelArtifacts['modelTopology'],
        format: 'layers-model',
        generatedBy: `TensorFlow.js tfjs-layers v${tf.version.tfjs}`,
        convertedBy: null,
        weightSpecs,
        weightData,
      };
      const { dataset, tokenizer } = this.run;
      this.fingerprint ??= fingerprint(dataOf(this.run));
      const active: ActiveModel = {
        model: this.model,
        tokenizer,
        classes: dataset.classes,
        spec: this.request.spec,
        config: this.request.config,
        result: null,
        datasetName: session.sourceName,
        datasetFingerprint: this.fingerprint,
        examples: this.run.dataRows,
        backend: this.backend.name,
        columns: session.columns ?? undefined,
      };
      const savedAt = new Date().toISOString();
      const info: Omit<SavedModelInfo, 'sizeBytes'> = {
        name: this.name,
        savedAt,
        dataset: session.sourceName,
        classes: dataset.classes,
        valAccuracy: metrics.valAccuracy,
        backend: this.backend.name,
        totalParams: summarizeModel(this.request.spec, dataset.classes.length).totalParams,
      };
      await saveBundle(artifacts, { name: this.name, info, tokenizerJson: tokenizerToJson(tokenizer), metadata: bundleMetadata(active, savedAt) }, { overwrite: true });
      this.written = true;
      this.post({ type: 'checkpointSaved', runId: this.runId, name: this.name, epoch: metrics.epoch, valAccuracy: metrics.valAccuracy });
    } finally {
      tf.dispose(weights.map((w) => w.tensor));
    }
  }

  /** The run ended in this page: its checkpoint goes (after any write still in flight). */
  async discard(): Promise<void> {
    await this.writing;
    if (this.written) await deleteBundle(this.name).catch(() => undefined);
  }
}
