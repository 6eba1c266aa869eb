/** Terser's options for the browser bundles' second pass. */
export declare const TERSER_OPTIONS: { module: boolean; ecma: 2020; compress: { passes: number } }
/** `code` (an esbuild-minified ES module) minified again; with `map`, the map of the result back to the sources. */
export declare function minifyAgain(code: string, map?: object | string): Promise<{ code: string; map?: object | string }>
