/**
 * newsdex Vite plugin entry (Node): builds the index of a site's articles at `vite build`, serves it
 * from memory in `vite dev` (rebuilt on change), and exposes its manifest URL as `virtual:newsdex`.
 */
export { newsdex, newsdex as default, type NewsdexUpdate, type NewsdexViteOptions } from './integrations/vite.js'
