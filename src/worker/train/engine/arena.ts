/**
 * The engine's WebAssembly memory, handed out by a bump allocator. Every block is 16-byte
 * aligned for v128 loads and zero-filled when handed out. Blocks give their typed-array view
 * through `.a`, re-created when the memory has grown (growing detaches the old buffer).
 */
export class Arena {
  /** The first bytes stay unused, so a null pointer never aliases data. */
  private static readonly START = 1024;
  private top = Arena.START;

  constructor(readonly memory: WebAssembly.Memory) {}

  private alloc(bytes: number): number {
    const ptr = this.top;
    const end = ptr + Math.ceil(bytes / 16) * 16;
    const have = this.memory.buffer.byteLength;
    if (end > have) this.memory.grow(Math.ceil((end - have) / 65536));
    new Uint8Array(this.memory.buffer, ptr, end - ptr).fill(0);
    this.top = end;
    return ptr;
  }

  /** Bytes handed out so far. */
  get used(): number {
    return this.top;
  }

  f32(length: number): F32 {
    return new F32(this.memory, this.alloc(length * 4), length);
  }

  i32(length: number): I32 {
    return new I32(this.memory, this.alloc(length * 4), length);
  }
}

abstract class Block<T extends Float32Array | Int32Array> {
  private view: T | null = null;
  constructor(
    private readonly memory: WebAssembly.Memory,
    readonly ptr: number,
    readonly length: number,
  ) {}

  protected abstract make(buffer: ArrayBuffer, ptr: number, length: number): T;

  /** The block as a typed array (valid until the memory grows; read it again after). */
  get a(): T {
    if (!this.view || this.view.buffer !== this.memory.buffer) this.view = this.make(this.memory.buffer, this.ptr, this.length);
    return this.view;
  }
}

export class F32 extends Block<Float32Array> {
  protected make(buffer: ArrayBuffer, ptr: number, length: number): Float32Array {
    return new Float32Array(buffer, ptr, length);
  }
}

export class I32 extends Block<Int32Array> {
  protected make(buffer: ArrayBuffer, ptr: number, length: number): Int32Array {
    return new Int32Array(buffer, ptr, length);
  }
}
