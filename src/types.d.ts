/** Vite, the test server and rollup all turn `*.css?inline` into the stylesheet's text. */
declare module '*.css?inline' {
  const css: string;
  export default css;
}

declare module 'sheetjs-style/jszip.js' {
  interface ZipEntry {
    asText(): string;
  }
  class JSZipSync {
    constructor(data?: ArrayBuffer | Uint8Array);
    file(path: string): ZipEntry;
    file(path: string, content: string): JSZipSync;
    generate(options: { type: 'uint8array'; compression?: 'DEFLATE' | 'STORE' }): Uint8Array;
  }
  export default JSZipSync;
}
