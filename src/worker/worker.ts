/// <reference lib="webworker" />
import * as tf from '@tensorflow/tfjs';
import { buildDataset, classCounts, guessColumns } from '../core/dataset';
import { majorityRate } from '../core/metrics';
import { summarizeModel } from '../core/modelShapes';
import { encodeTexts } from '../core/padSequences';
import { tokenizerFromJson, tokenizerToJson } from '../core/tokenizer';
import { assertNever, type FromWorker, type SavedModelInfo, type ToWorker } from '../protocol/messages';
import { selectBackend } from './backend';
import { ingest } from './ingest';
import { deleteBundle, listBundles, loadBundle, saveBundle } from './library';
import { session } from './session';
import { runTraining } from './training';

declare const self: DedicatedWorkerGlobalScope;

const post = (message: FromWorker) => self.postMessage(message);
const STUDIO_VERSION = '0.1.0';

async function handle(message: ToWorker): Promise<void> {
  switch (message.type) {
    case 'init': {
      session.backend = await selectBackend(message.backend);
      post({ type: 'backend', info: session.backend });
      return;
    }
    case 'loadDataset': {
      const { table, notices } = await ingest(message.source);
      session.table = table;
      session.dataset = null;
      session.sourceName = message.source.name;
      post({
        type: 'tableLoaded',
        requestId: message.requestId,
        table: {
          name: message.source.name,
          columns: table.columns,
          rowCount: table.rows.length,
          hasHeader: table.hasHeader,
          preview: table.rows.slice(0, 8).map((row) => row.map((cell) => (cell.length > 200 ? `${cell.slice(0, 200)}…` : cell))),
          guess: guessColumns(table),
          notices,
        },
      });
      return;
    }
    case 'mapColumns': {
      if (!session.table) throw new Error('Load a dataset first.');
      const { dataset, problems } = buildDataset(session.table, message.preprocess.textColumn, message.preprocess.labelColumn);
      session.dataset = dataset;
      const chars = dataset.texts.reduce((sum, t) => sum + t.length, 0);
      post({
        type: 'datasetReady',
        requestId: message.requestId,
        summary: {
          examples: dataset.texts.length,
          classes: dataset.classes,
          classCounts: classCounts(dataset),
          majorityRate: majorityRate(dataset.labels, dataset.classes.length),
          problems,
          meanChars: dataset.texts.length ? chars / dataset.texts.length : 0,
        },
      });
      return;
    }
    case 'train':
      await runTraining(message.runId, message.request, post);
      return;
    case 'pause':
    case 'resume':
    case 'stop': {
      const run = session.run;
      if (!run || run.id !== message.runId) return;
      if (message.type === 'pause') run.control.paused = true;
      else {
        run.control.paused = false;
        if (message.type === 'stop') run.control.stopRequested = true;
        run.control.wake?.();
      }
      return;
    }
    case 'predict': {
      const active = session.active;
      if (!active) throw new Error('Train or load a model first, then type a text.');
      const ids = encodeTexts(active.tokenizer, [message.text], { maxlen: active.spec.sequenceLength });
      const probabilities = tf.tidy(() => {
        const out = active.model.predict(tf.tensor2d(ids, [1, active.spec.sequenceLength], 'int32')) as tf.Tensor;
        return out;
      });
      const values = Array.from(await probabilities.data());
      probabilities.dispose();
      post({ type: 'prediction', requestId: message.requestId, text: message.text, classes: active.classes, probabilities: values });
      return;
    }
    case 'saveModel': {
      const active = session.active;
      if (!active) throw new Error('Train or load a model before saving.');
      const name = message.name.trim();
      if (!name) throw new Error('Give the model a name before saving.');
      const savedAt = new Date().toISOString();
      const info: Omit<SavedModelInfo, 'sizeBytes'> = {
        name,
        savedAt,
        dataset: active.datasetName,
        classes: active.classes,
        valAccuracy: active.result?.valAccuracy ?? null,
        backend: active.backend,
        totalParams: summarizeModel(active.spec, active.classes.length).totalParams,
      };
      const r = active.result;
      const model = await saveBundle(active.model, {
        name,
        info,
        tokenizerJson: tokenizerToJson(active.tokenizer),
        metadata: {
          format: 'text-classifier-studio/1',
          labels: active.classes,
          preprocessing: { sequenceLength: active.spec.sequenceLength, padding: 'pre', truncating: 'pre', tokenizer: 'keras' },
          spec: active.spec,
          training: active.config,
          metrics: r
            ? { valAccuracy: r.valAccuracy, valLoss: r.valLoss, epochs: r.epochs, samplesPerSecond: r.samplesPerSecond, durationMs: r.durationMs }
            : null,
          dataset: { name: active.datasetName, fingerprint: active.datasetFingerprint, examples: active.examples },
          versions: { studio: STUDIO_VERSION, tfjs: tf.version.tfjs },
          backend: active.backend,
          savedAt,
        },
      });
      post({ type: 'modelSaved', requestId: message.requestId, model });
      return;
    }
    case 'listModels':
      post({ type: 'models', requestId: message.requestId, models: await listBundles() });
      return;
    case 'loadModel': {
      const { model, bundle } = await loadBundle(message.name);
      session.active?.model.dispose();
      const meta = bundle.metadata;
      session.active = {
        model,
        tokenizer: tokenizerFromJson(bundle.tokenizerJson),
        classes: meta.labels,
        spec: meta.spec,
        config: meta.training,
        result: null,
        datasetName: meta.dataset.name,
        datasetFingerprint: meta.dataset.fingerprint,
        examples: meta.dataset.examples,
        backend: meta.backend,
      };
      post({ type: 'modelLoaded', requestId: message.requestId, model: bundle.info, spec: meta.spec });
      return;
    }
    case 'deleteModel':
      await deleteBundle(message.name);
      post({ type: 'modelDeleted', requestId: message.requestId, name: message.name });
      return;
    default:
      assertNever(message);
  }
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  handle(message).catch((error: unknown) => {
    const text = error instanceof Error ? error.message : String(error);
    post({
      type: 'error',
      requestId: 'requestId' in message ? message.requestId : undefined,
      runId: 'runId' in message ? message.runId : undefined,
      message: text,
    });
  });
};
