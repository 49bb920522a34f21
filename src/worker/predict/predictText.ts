import * as tf from '@tensorflow/tfjs';
import { encodeTexts } from '../../core/text/padSequences';
import type { HighlightedToken } from '../../protocol/messages';
import type { MessageOf, Post } from '../post';
import { requireActive, type ActiveModel } from '../session';
import { tokenHighlights } from './evaluate';
import { untilExclusiveEnds } from './inferenceBackend';

/** The class probabilities of one text and the tokens that drove the decision. */
export async function predictOne(active: ActiveModel, text: string): Promise<{ probabilities: number[]; highlights: HighlightedToken[] | null }> {
  await untilExclusiveEnds();
  const ids = encodeTexts(active.tokenizer, [text], { maxlen: active.spec.sequenceLength });
  const probabilities = tf.tidy(() => active.model.predict(tf.tensor2d(ids, [1, active.spec.sequenceLength], 'int32')) as tf.Tensor);
  const values = Array.from(await probabilities.data());
  probabilities.dispose();
  const highlights = await tokenHighlights(active, text, ids, values.indexOf(Math.max(...values)));
  return { probabilities: values, highlights };
}

/** The active model's class probabilities for one typed text, with the tokens that drove the decision. */
export async function predictText(message: MessageOf<'predict'>, post: Post): Promise<void> {
  const active = requireActive('Train or load a model first, then type a text.');
  const { probabilities, highlights } = await predictOne(active, message.text);
  post({ type: 'prediction', requestId: message.requestId, text: message.text, classes: active.classes, probabilities, highlights });
}
