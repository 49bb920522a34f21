/** The part of the `stopword` package (3.x, untyped) that the studio uses. */
declare module 'stopword' {
  /** English stop words, lower case. */
  export const eng: string[];
}
