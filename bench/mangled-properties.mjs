// The properties the build shortens, as tsup.config.ts gives them to esbuild (scripts/mangled-properties.json).
import { readFileSync } from 'node:fs'

const { names } = JSON.parse(readFileSync(new URL('../scripts/mangled-properties.json', import.meta.url), 'utf8'))

export const MANGLED_PROPERTIES = new RegExp(`^(?:_.*|${names.join('|')})$`)
