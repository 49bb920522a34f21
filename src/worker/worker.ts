/// <reference lib="webworker" />
// The studio worker's door: it only routes each page message to the room that owns it
// (data/, backends/, train/, predict/, library/) and turns any failure into an 'error' answer.
import { assertNever, type FromWorker, type ToWorker } from '../protocol/messages';
import { measureTraining, startBackend } from './backends/backendRequests';
import { cancelLoad, loadDataset, mapColumns } from './data/dataSteps';
import { loadTestFile } from './data/testFileSteps';
import { postPreprocessStats } from './data/preprocessStats';
import { holdAliveLock } from './heartbeat';
import {
  cancelQuantization,
  deleteSavedModel,
  duplicateSavedModel,
  exportActiveModel,
  importModel,
  listSavedModels,
  loadSavedModel,
  previewQuantization,
  renameSavedModel,
  saveActiveModel,
} from './library/libraryRequests';
import { postFilePredictions } from './predict/batchPredict';
import { postHeldOutTexts } from './predict/evaluate';
import { evaluateCurrent } from './predict/evaluateCurrent';
import { predictText } from './predict/predictText';
import { warmModel } from './predict/warm';
import { cancelCrossValidation, crossValidate } from './train/crossValidate';
import { controlRun } from './train/runControl';
import { cancelSearch, runSearch } from './train/search';
import { runTraining } from './train/training';

declare const self: DedicatedWorkerGlobalScope;

const post = (message: FromWorker, transfer: Transferable[] = []) => self.postMessage(message, transfer);

async function handle(message: ToWorker): Promise<void> {
  switch (message.type) {
    case 'init':
      holdAliveLock(message.aliveLock, post);
      return startBackend(message, post);
    case 'ping':
      return post({ type: 'pong', seq: message.seq });
    case 'loadDataset':
      return loadDataset(message, post);
    case 'cancelLoad':
      return cancelLoad(message.target);
    case 'mapColumns':
      return mapColumns(message, post);
    case 'loadTestFile':
      return loadTestFile(message, post);
    case 'preprocessStats':
      return postPreprocessStats(message, post);
    case 'train':
      return runTraining(message.runId, message.request, post);
    case 'pause':
    case 'resume':
    case 'stop':
      return controlRun(message);
    case 'crossValidate':
      return crossValidate(message, post);
    case 'cancelCrossValidation':
      return cancelCrossValidation(message);
    case 'measure':
      return measureTraining(message, post);
    case 'predict':
      return predictText(message, post);
    case 'texts':
      return postHeldOutTexts(message, post);
    case 'predictFile':
      return postFilePredictions(message, post);
    case 'saveModel':
      return saveActiveModel(message, post);
    case 'listModels':
      return listSavedModels(message, post);
    case 'renameModel':
      return renameSavedModel(message, post);
    case 'duplicateModel':
      return duplicateSavedModel(message, post);
    case 'importModel':
      return importModel(message, post);
    case 'exportModel':
      return exportActiveModel(message, post);
    case 'previewQuantization':
      return previewQuantization(message, post);
    case 'cancelQuantization':
      return cancelQuantization(message);
    case 'warmModel':
      return warmModel(message, post);
    case 'evaluateCurrent':
      return evaluateCurrent(message, post);
    case 'loadModel':
      return loadSavedModel(message, post);
    case 'deleteModel':
      return deleteSavedModel(message, post);
    case 'search':
      return runSearch(message, post);
    case 'cancelSearch':
      return cancelSearch(message);
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
