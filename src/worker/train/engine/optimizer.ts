import type { OptimizerName } from '../../../core/train/trainConfig';
import type { Arena, F32 } from './arena';
import type { EngineKernels } from './kernelModule';

/** A trainable array and its gradient for the current step, in the engine's memory. */
export interface Slot {
  value: F32;
  grad: F32;
}

const f = Math.fround;

/**
 * Adam, SGD with momentum 0.9 and RMSprop with tfjs 4.22's formulas, constants and float32
 * state (what makeOptimizer builds), run by the WebAssembly kernels (assembly/optimizers.ts).
 * Every element is updated every step, as in tfjs: a zero gradient still moves a weight that
 * has momentum.
 */
export class EngineOptimizer {
  private readonly state: F32[][];
  private accBeta1 = f(0.9);
  private accBeta2 = f(0.999);

  constructor(
    private readonly kernels: EngineKernels,
    arena: Arena,
    readonly name: OptimizerName,
    public learningRate: number,
    private readonly slots: Slot[],
    /** The backend epsilon tfjs uses when none is given (1e-7 for float32 backends). */
    private readonly epsilon = 1e-7,
  ) {
    const copies = name === 'sgd' ? 1 : name === 'adam' ? 2 : 1;
    this.state = slots.map((s) => Array.from({ length: copies }, () => arena.f32(s.value.length)));
  }

  step(): void {
    const lr = f(this.learningRate);
    const eps = f(this.epsilon);
    const k = this.kernels;
    this.slots.forEach(({ value, grad }, i) => {
      const [s0, s1] = this.state[i];
      const n = value.length;
      if (this.name === 'adam') {
        k.adam(value.ptr, grad.ptr, s0.ptr, s1.ptr, n, 0.9, 0.999, 1 - 0.9, 1 - 0.999, f(1 - this.accBeta1), f(1 - this.accBeta2), lr, eps);
      } else if (this.name === 'sgd') {
        k.momentum(value.ptr, grad.ptr, s0.ptr, n, 0.9, lr);
      } else {
        k.rmsprop(value.ptr, grad.ptr, s0.ptr, n, 0.9, 1 - 0.9, lr, eps);
      }
    });
    if (this.name === 'adam') {
      this.accBeta1 = f(this.accBeta1 * f(0.9));
      this.accBeta2 = f(this.accBeta2 * f(0.999));
    }
  }
}
