// Types of the virtual module of the newsdex Vite plugin (`newsdex/vite`). Reference them from a
// declaration file of the app, as for `vite/client`:
//
//   /// <reference types="newsdex/vite/client" />
//
// (or add "newsdex/vite/client" to `compilerOptions.types`). The payload of the dev server's
// `newsdex:update` event is `NewsdexUpdate` of `newsdex/vite`.

declare module 'virtual:newsdex' {
  /** The URL of the index's manifest, under Vite's `base`: give it to `NewsIndex.open()`. */
  export const manifestUrl: string
  export default manifestUrl
}
