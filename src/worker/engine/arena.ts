/**
 * The engine's WebAssembly memory, handed out by a bump allocator. Every block is 16-byte
 * aligned for v128 loads and zero-filled when handed out (grown pages are zero already; reused
 * ones after `reset` are cleared here). Views are taken after all allocations: growing the
 * memory detaches earlier ArrayBuffer views.
 */
export class Arena {
  /** The first bytes stay unused, so a null pointer never aliases data. */
  private static readonly START = 1024;
  private top = Arena.START;

  constructor(readonly memory: WebAssembly.Memory) {}

  alloc(bytes: number): number {
    const ptr = this.top;
    const end = ptr + Math.ceil(bytes / 16) * 16;
    const have = this.memory.buffer.byteLength;
    if (end > have) this.memory.grow(Math.ceil((end - have) / 65536));
    new Uint8Array(this.memory.buffer, ptr, end - ptr).fill(0);
    this.top = end;
    return ptr;
  }

  /** Bytes in use (what the engine reports as its memory). */
  get used(): number {
    return this.top;
  }

  f32(ptr: number, length: number): Float32Array {
    return new Float32Array(this.memory.buffer, ptr, length);
  }

  i32(ptr: number, length: number): Int32Array {
    return new Int32Array(this.memory.buffer, ptr, length);
  }
}
