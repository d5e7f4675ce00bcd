/** Vite, the test server and rollup all turn `*.css?inline` into the stylesheet's text. */
declare module '*.css?inline' {
  const css: string;
  export default css;
}

/** The zip reader bundled with sheetjs-style (JSZip 2), as the export engine and the tests read files with it. */
declare module 'sheetjs-style/jszip.js' {
  interface ZipEntry {
    asText(): string;
    asUint8Array(): Uint8Array<ArrayBuffer>;
  }
  class JSZipSync {
    constructor(data?: ArrayBuffer | Uint8Array, options?: { checkCRC32?: boolean });
    /** Every entry by path, in the order of the file (folders end with `/`). */
    files: Record<string, unknown>;
    /** The entry at `path`, or `null` if there is none. */
    file(path: string): ZipEntry | null;
  }
  export default JSZipSync;
}
