// The engine's WebAssembly module (built by vite-engine-wasm.ts): every export, one file each.
export { convMax } from './convMax';
export { convMaxBackward, transpose } from './convBackward';
export { denseForward, denseBackward } from './dense';
export { adam, momentum, rmsprop } from './optimizers';
export { addInto } from './vector';
