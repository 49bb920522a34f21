import * as tf from '@tensorflow/tfjs';
import { encodeTexts } from '../../core/text/padSequences';
import type { MessageOf, Post } from '../post';
import { requireActive } from '../session';
import { tokenHighlights } from './evaluate';

/** The active model's class probabilities for one typed text, with the tokens that drove the decision. */
export async function predictText(message: MessageOf<'predict'>, post: Post): Promise<void> {
  const active = requireActive('Train or load a model first, then type a text.');
  const ids = encodeTexts(active.tokenizer, [message.text], { maxlen: active.spec.sequenceLength });
  const probabilities = tf.tidy(() => active.model.predict(tf.tensor2d(ids, [1, active.spec.sequenceLength], 'int32')) as tf.Tensor);
  const values = Array.from(await probabilities.data());
  probabilities.dispose();
  const highlights = await tokenHighlights(active, message.text, ids, values.indexOf(Math.max(...values)));
  post({ type: 'prediction', requestId: message.requestId, text: message.text, classes: active.classes, probabilities: values, highlights });
}
