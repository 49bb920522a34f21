/** Vite's `?url` import: the served URL of a file, emitted into the build as an asset. */
declare module '*.wasm?url' {
  const url: string;
  export default url;
}
