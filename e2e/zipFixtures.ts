/**
 * Hand-made zips for the import-limit tests: a DEFLATE stream of many zeros built directly
 * (fixed Huffman codes: one literal 0, then matches of length 258 at distance 1, 13 bits each,
 * so 8 matches are a 13-byte pattern repeated), and a zip writer that can declare any size.
 */

class BitWriter {
  bytes: number[] = [];
  private current = 0;
  private used = 0;
  /** Writes `count` bits of `value`, least significant first (DEFLATE's header fields). */
  bits(value: number, count: number): void {
    for (let i = 0; i < count; i++) {
      this.current |= ((value >> i) & 1) << this.used;
      if (++this.used === 8) this.flush();
    }
  }
  /** Writes a Huffman code, most significant bit first. */
  code(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) this.bits((value >> i) & 1, 1);
  }
  flush(): void {
    if (this.used > 0) this.bytes.push(this.current);
    this.current = 0;
    this.used = 0;
  }
}

/** Match of length 258 (symbol 285, code 0xc5 in 8 bits) at distance 1 (code 0 in 5 bits). */
const match = (w: BitWriter) => {
  w.code(0xc5, 8);
  w.code(0, 5);
};

/**
 * A raw DEFLATE stream of about `atLeast` zero bytes (1 + 258 × matches, rounded up to whole
 * 8-match patterns) and the exact size it inflates to. 13 bytes per 2,064 zeros.
 */
export function deflatedZeros(atLeast: number): { data: Uint8Array; size: number } {
  const head = new BitWriter();
  head.bits(1, 1); // last block
  head.bits(1, 2); // fixed Huffman codes
  head.code(0x30, 8); // literal 0
  match(head); // 3 + 8 + 13 = 24 bits: byte-aligned from here
  head.flush();
  const pattern = new BitWriter();
  for (let i = 0; i < 8; i++) match(pattern);
  const patterns = Math.max(0, Math.ceil((atLeast - 1 - 258) / (258 * 8)));
  const tail = new BitWriter();
  tail.code(0, 7); // end of block
  tail.flush();
  const data = new Uint8Array(head.bytes.length + patterns * 13 + tail.bytes.length);
  data.set(head.bytes, 0);
  if (patterns > 0) {
    data.set(pattern.bytes, head.bytes.length);
    // Doubling copies fill the repeated pattern quickly.
    for (let filled = 13; filled < patterns * 13; filled *= 2) data.copyWithin(head.bytes.length + filled, head.bytes.length, head.bytes.length + Math.min(filled, patterns * 13 - filled));
  }
  data.set(tail.bytes, data.length - tail.bytes.length);
  return { data, size: 1 + 258 * (1 + 8 * patterns) };
}

/** One file of a hand-made zip: its stored bytes, how they are compressed and the size it declares. */
export interface RawEntry {
  path: string;
  data: Uint8Array;
  /** 0 stored, 8 deflated. */
  method: 0 | 8;
  /** Uncompressed size written in the headers (under 4 GiB). */
  size: number;
}

/** A zip of the entries as given (CRC-32 left 0: these zips are refused before any check of it). */
export function rawZip(entries: RawEntry[]): Uint8Array {
  const enc = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.path);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, e.method, true);
    lv.setUint32(18, e.data.length, true);
    lv.setUint32(22, e.size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const dir = new Uint8Array(46 + name.length);
    const dv = new DataView(dir.buffer);
    dv.setUint32(0, 0x02014b50, true);
    dv.setUint16(4, 20, true);
    dv.setUint16(6, 20, true);
    dv.setUint16(10, e.method, true);
    dv.setUint32(20, e.data.length, true);
    dv.setUint32(24, e.size, true);
    dv.setUint16(28, name.length, true);
    dv.setUint32(42, offset, true);
    dir.set(name, 46);
    chunks.push(local, e.data);
    central.push(dir);
    offset += local.length + e.data.length;
  }
  const dirSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, dirSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + dirSize + 22);
  let at = 0;
  for (const c of [...chunks, ...central, end]) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** A model.json whose weights manifest declares `floats` float32 values (4 bytes each) in one file. */
export function modelJsonDeclaring(floats: number, path = 'group1-shard1of1.bin'): string {
  return JSON.stringify({
    format: 'layers-model',
    modelTopology: { class_name: 'Sequential', config: { layers: [] } },
    weightsManifest: [{ paths: [path], weights: [{ name: 'dense/kernel', shape: [floats], dtype: 'float32' }] }],
  });
}
