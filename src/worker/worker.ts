/// <reference lib="webworker" />
import * as tf from '@tensorflow/tfjs';
import { summarizeModel } from '../core/model/modelShapes';
import { encodeTexts } from '../core/text/padSequences';
import { tokenizerFromJson, tokenizerToJson } from '../core/text/tokenizerJson';
import { computePreprocessStats } from '../core/text/preprocessReport';
import { assertNever, type FromWorker, type SavedModelInfo, type ToWorker } from '../protocol/messages';
import { selectBackend } from './backends/backend';
import { chooseTrainer, trainerEnvironment } from './backends/trainerChoice';
import { measureEngineSpeed } from './train/engine/measureEngine';
import { cancelLoad, loadDataset, mapColumns } from './data/dataSteps';
import { deleteBundle, duplicateBundle, listBundles, loadBundle, renameBundle, saveBundle, storageEstimate } from './library/library';
import { bundleMetadata, exportBundle } from './library/exportBundle';
import { importBundle } from './library/importBundle';
import { quantizationReport } from './library/quantizePreview';
import { session } from './session';
import { runTraining } from './train/training';
import { measureSpeed } from './backends/measure';
import { heldOutTexts, tokenHighlights } from './predict/evaluate';
import { predictFile } from './predict/batchPredict';

declare const self: DedicatedWorkerGlobalScope;

const post = (message: FromWorker, transfer: Transferable[] = []) => self.postMessage(message, transfer);

async function handle(message: ToWorker): Promise<void> {
  switch (message.type) {
    case 'init': {
      const starting = selectBackend(message.backend);
      session.backendReady = starting.catch(() => undefined);
      session.backend = { ...(await starting), environment: trainerEnvironment() };
      post({ type: 'backend', info: session.backend });
      return;
    }
    case 'loadDataset':
      await loadDataset(message, post);
      return;
    case 'cancelLoad':
      cancelLoad(message.target);
      return;
    case 'mapColumns':
      mapColumns(message, post);
      return;
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
    case 'preprocessStats': {
      const dataset = session.dataset;
      if (!dataset) throw new Error('Load a dataset and choose its columns in the Data step first.');
      const started = performance.now();
      const stats = computePreprocessStats(dataset.texts, dataset.labels, message.request);
      const elapsedMs = performance.now() - started;
      post({ type: 'preprocessStatsReady', requestId: message.requestId, stats, elapsedMs }, [stats.sortedLengths.buffer]);
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
      const highlights = await tokenHighlights(active, message.text, ids, values.indexOf(Math.max(...values)));
      post({ type: 'prediction', requestId: message.requestId, text: message.text, classes: active.classes, probabilities: values, highlights });
      return;
    }
    case 'measure': {
      if (session.run) throw new Error('Training is running: measure when it has finished.');
      session.backend = await chooseTrainer(message.backend, message.spec, message.classCount);
      post({ type: 'backend', info: session.backend });
      const samplesPerSecond =
        session.backend.name === 'engine'
          ? await measureEngineSpeed(message.spec, message.classCount, message.batchSize)
          : await measureSpeed(message.spec, message.classCount, message.batchSize);
      post({ type: 'measured', requestId: message.requestId, backend: session.backend.name, samplesPerSecond });
      return;
    }
    case 'texts':
      post({ type: 'texts', requestId: message.requestId, texts: heldOutTexts(session.active, message.rows) });
      return;
    case 'predictFile': {
      if (!session.active) throw new Error('Train or load a model before predicting a file.');
      post({ requestId: message.requestId, ...(await predictFile(session.active, message.file)) });
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
      const model = await saveBundle(
        active.model,
        { name, info, tokenizerJson: tokenizerToJson(active.tokenizer), metadata: bundleMetadata(active, savedAt) },
        { overwrite: message.overwrite ?? false },
      );
      post({ type: 'modelSaved', requestId: message.requestId, model });
      return;
    }
    case 'listModels':
      post({ type: 'models', requestId: message.requestId, models: await listBundles(), storage: await storageEstimate() });
      return;
    case 'renameModel':
      post({ type: 'modelSaved', requestId: message.requestId, model: await renameBundle(message.name, message.newName) });
      return;
    case 'duplicateModel':
      post({ type: 'modelSaved', requestId: message.requestId, model: await duplicateBundle(message.name) });
      return;
    case 'importModel':
      post({ type: 'modelSaved', requestId: message.requestId, model: await importBundle(message.files, message.name) });
      return;
    case 'exportModel': {
      if (!session.active) throw new Error('Train or load a model before downloading it.');
      const files = await exportBundle(session.active, message.name.trim() || 'text classifier', message.quantization);
      post({ type: 'bundleReady', requestId: message.requestId, files }, files.map((f) => f.data));
      return;
    }
    case 'previewQuantization': {
      if (!session.active) throw new Error('Train or load a model before comparing weight formats.');
      post({ type: 'quantizationReport', requestId: message.requestId, report: await quantizationReport(session.active) });
      return;
    }
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
        metadata: meta,
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
