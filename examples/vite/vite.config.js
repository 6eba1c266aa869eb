// The newsdex Vite plugin indexes the articles in ../../seeds at `vite build` (hashed assets under
// dist/assets/) and serves the index from memory in `vite dev`, rebuilt when an article changes.
import { defineConfig } from 'vite'
import newsdex from 'newsdex/vite'

export default defineConfig({
  plugins: [newsdex({ input: '../../seeds/**/*.txt', output: 'news' })],
})
