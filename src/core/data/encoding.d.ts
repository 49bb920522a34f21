/**
 * The WHATWG TextDecoder, present in browsers, workers and Node alike, but not in the
 * ES2022 lib that src/core compiles against (which keeps the DOM out of core).
 */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}
