/** The engine kernel's two builds as base64, compiled from assembly/ by vite-engine-wasm.ts. */
declare module 'virtual:engine-wasm' {
  export const simd: string;
  export const relaxed: string;
}
