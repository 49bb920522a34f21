import * as tf from '@tensorflow/tfjs';
import type { WebGPUBackend, WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import type { Activation } from '../../../../core/model/modelSpec';
import { ConvMaxProgram } from './convMaxProgram';
import { EmbeddingGradProgram, FilterGradProgram } from './backwardPrograms';

/**
 * Conv1D ('valid', stride 1) + activation + global max pooling on tfjs' WebGPU backend, as three
 * WGSL programs run through `backend.runWebGPUProgram` and tied together with tf.customGrad, so
 * the result is an ordinary tfjs tensor on the gradient tape and the model, the optimizer and
 * everything downstream stay tfjs. Inputs: token ids [B, L] (closed over: no gradient), and the
 * embedding [V, D], kernel [k, D, F] and bias [F], all on the WebGPU backend. Returns [B, F].
 *
 * Forward: convMaxProgram (one pass: convolution from the embedding rows, max, first argmax,
 * tie count). Backward: g = dy · ties · act′(value) with tfjs ops; the kernel gradient and the
 * embedding scatter in WGSL (backwardPrograms.ts); the bias gradient Σ_b g.
 */
export function convMaxPoolWgsl(ids: tf.Tensor2D, embedding: tf.Tensor2D, kernel: tf.Tensor3D, bias: tf.Tensor1D, activation: Activation): tf.Tensor2D {
  const backend = tf.backend() as WebGPUBackend;
  const [batch] = ids.shape;
  const [vocab, dim] = embedding.shape;
  const kernelShape = kernel.shape;
  const filters = kernelShape[2];
  const run = (program: WebGPUProgram, inputs: tf.TensorInfo[]) => tf.engine().makeTensorFromTensorInfo(backend.runWebGPUProgram(program, inputs, 'float32'));
  const op = tf.customGrad((e, w, b, save) => {
    const packed = run(new ConvMaxProgram(batch, filters, activation), [ids, e as tf.Tensor, w as tf.Tensor, b as tf.Tensor]) as tf.Tensor3D;
    const value = tf.reshape(tf.slice(packed, [0, 0, 0], [1, batch, filters]), [batch, filters]) as tf.Tensor2D;
    (save as tf.GradSaveFunc)([packed, e as tf.Tensor, w as tf.Tensor]);
    return {
      value,
      gradFunc: (dy, saved) => {
        const [p, emb, weights] = saved as [tf.Tensor3D, tf.Tensor2D, tf.Tensor3D];
        const g = tf.tidy(() => {
          const planes = tf.split(p, 3, 0).map((t) => tf.reshape(t, [batch, filters]));
          return tf.mul(tf.mul(dy, planes[2]), derivative(planes[0] as tf.Tensor2D, activation)) as tf.Tensor2D;
        });
        const dKernel = run(new FilterGradProgram(kernelShape), [ids, emb, g, p]);
        const grad = new EmbeddingGradProgram(vocab, dim, batch, kernelShape);
        // The atomic adds land in a zero-filled tensor passed as the program's output.
        const dEmbedding = tf.zeros([vocab, dim]);
        backend.runWebGPUProgram(grad, [ids, weights, g, p], 'float32', [{ type: 'int32', data: [grad.threads] }], dEmbedding);
        const dBias = tf.sum(g, 0);
        g.dispose();
        return [dEmbedding, dKernel, dBias];
      },
    };
  });
  return op(embedding, kernel, bias) as tf.Tensor2D;
}

/** act′ as a function of the activation's output y (tfjs' rules: ReLU passes where y > 0). */
function derivative(y: tf.Tensor2D, activation: Activation): tf.Tensor {
  switch (activation) {
    case 'relu':
      return tf.step(y);
    case 'tanh':
      return tf.sub(1, tf.square(y));
    case 'sigmoid':
      return tf.mul(y, tf.sub(1, y));
    case 'linear':
      return tf.onesLike(y);
  }
}
