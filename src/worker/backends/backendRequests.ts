import type { MessageOf, Post } from '../post';
import { session } from '../session';
import { measureEngineSpeed } from '../train/engine/measureEngine';
import { selectBackend } from './backend';
import { measureSpeed } from './measure';
import { chooseTrainer, cpuModelHolder, trainerEnvironment } from './trainerChoice';

/**
 * Starts the tfjs backend the page's Backend choice asks for, and tells the page what runs and
 * what this browser has (the facts the page's copy of Auto's policy needs).
 */
export async function startBackend(message: MessageOf<'init'>, post: Post): Promise<void> {
  // Auto tries WebGPU first (so the policy learns whether a hardware GPU is here); without one,
  // a model loaded before any run predicts on the CPU backend the engine's models use.
  const automatic = message.backend === 'auto' || message.backend === 'engine';
  const starting = selectBackend(message.backend).then((started) => (automatic ? cpuModelHolder(started) : started));
  session.backendReady = starting.catch(() => undefined);
  session.backend = { ...(await starting), environment: trainerEnvironment() };
  post({ type: 'backend', info: session.backend });
}

/** Times a few training steps of the spec on what the choice would train with, for the time estimate. */
export async function measureTraining(message: MessageOf<'measure'>, post: Post): Promise<void> {
  if (session.run) throw new Error('Training is running: measure when it has finished.');
  session.backend = await chooseTrainer(message.backend, message.spec, message.classCount);
  post({ type: 'backend', info: session.backend });
  const samplesPerSecond =
    session.backend.name === 'engine'
      ? await measureEngineSpeed(message.spec, message.classCount, message.batchSize)
      : await measureSpeed(message.spec, message.classCount, message.batchSize);
  post({ type: 'measured', requestId: message.requestId, backend: session.backend.name, samplesPerSecond });
}
