/**
 * Warming: the first prediction of a model on a backend compiles its kernels (WebGPU shaders,
 * the gradient of the token highlights), which took 6–10 s on a software adapter. One dummy
 * prediction through the same path as "Try a text", right after a run ends or a model loads,
 * pays that cost before the user types.
 */
import type * as tf from '@tensorflow/tfjs';
import type { MessageOf, Post } from '../post';
import { requireActive, session } from '../session';
import { predictOne } from './predictText';

/** The model being (or last) warmed and when it is done (its dummy prediction's time, ms). */
let warming: { model: tf.LayersModel; done: Promise<number> } | null = null;

/** Warms the active model once; later calls for the same model share the first one's answer. */
export function warmActive(): Promise<number> {
  const active = session.active;
  if (!active) return Promise.resolve(0);
  if (warming?.model === active.model) return warming.done;
  const started = performance.now();
  const done = predictOne(active, 'warm up the model').then(() => performance.now() - started);
  warming = { model: active.model, done };
  return done;
}

/** Answers when the active model has made its first prediction. */
export async function warmModel(message: MessageOf<'warmModel'>, post: Post): Promise<void> {
  requireActive('Train or load a model first.');
  post({ type: 'modelWarmed', requestId: message.requestId, ms: await warmActive() });
}
