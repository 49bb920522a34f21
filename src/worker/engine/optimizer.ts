import type { OptimizerName } from '../../core/trainConfig';

/** A trainable array and its gradient for the current step. */
export interface Slot {
  value: Float32Array;
  grad: Float32Array;
}

const f = Math.fround;

/**
 * Adam, SGD with momentum 0.9 and RMSprop, updating Float32Arrays in place with the formulas,
 * constants and float32 state of tfjs 4.22's optimizers (what makeOptimizer builds), so a step
 * here equals a step there. Every element is updated every step, as in tfjs: a zero gradient
 * still moves a weight with momentum.
 */
export class EngineOptimizer {
  private readonly state: Float32Array[][];
  private accBeta1 = f(0.9);
  private accBeta2 = f(0.999);

  constructor(
    readonly name: OptimizerName,
    public learningRate: number,
    private readonly slots: Slot[],
    /** The backend epsilon tfjs uses when none is given (1e-7 for float32 backends). */
    private readonly epsilon = 1e-7,
  ) {
    const copies = name === 'sgd' ? 1 : 2;
    this.state = slots.map((s) => Array.from({ length: copies }, () => new Float32Array(s.value.length)));
  }

  step(): void {
    if (this.name === 'adam') this.adam();
    else if (this.name === 'sgd') this.momentum();
    else this.rmsprop();
  }

  private adam(): void {
    const b1 = f(0.9), b2 = f(0.999);
    const oneMinusB1 = f(1 - b1), oneMinusB2 = f(1 - b2);
    const c1 = f(1 - this.accBeta1), c2 = f(1 - this.accBeta2);
    const lr = f(this.learningRate), eps = f(this.epsilon);
    this.slots.forEach(({ value, grad }, i) => {
      const [m, v] = this.state[i];
      for (let j = 0; j < value.length; j++) {
        const g = grad[j];
        const mj = (m[j] = f(f(m[j] * b1) + f(g * oneMinusB1)));
        const vj = (v[j] = f(f(v[j] * b2) + f(f(g * g) * oneMinusB2)));
        value[j] = f(value[j] - f(f(f(mj / c1) / f(f(Math.sqrt(f(vj / c2))) + eps)) * lr));
      }
    });
    this.accBeta1 = f(this.accBeta1 * b1);
    this.accBeta2 = f(this.accBeta2 * b2);
  }

  private momentum(): void {
    const lr = f(this.learningRate), mu = f(0.9);
    this.slots.forEach(({ value, grad }, i) => {
      const [acc] = this.state[i];
      for (let j = 0; j < value.length; j++) {
        const a = (acc[j] = f(f(acc[j] * mu) + grad[j]));
        value[j] = f(value[j] - f(a * lr));
      }
    });
  }

  private rmsprop(): void {
    const decay = f(0.9), oneMinusDecay = f(1 - decay);
    const lr = f(this.learningRate), eps = f(this.epsilon);
    this.slots.forEach(({ value, grad }, i) => {
      const [ms, mom] = this.state[i];
      for (let j = 0; j < value.length; j++) {
        const g = grad[j];
        const s = (ms[j] = f(f(ms[j] * decay) + f(f(g * g) * oneMinusDecay)));
        const step = (mom[j] = f(f(mom[j] * 0) + f(f(g * lr) / f(Math.sqrt(f(s + eps))))));
        value[j] = f(value[j] - step);
      }
    });
  }
}
