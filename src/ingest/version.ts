import { readFileSync } from 'node:fs'

/**
 * The package version, read from package.json beside the running file: `../package.json` from
 * `dist/cli.js`, `../../package.json` from `src/cli/`. `'unknown'` if neither is newsdex's.
 */
function readVersion(): string {
  for (const relative of ['../package.json', '../../package.json']) {
    try {
      const manifest = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as { name?: unknown; version?: unknown }
      if (manifest.name === 'newsdex' && typeof manifest.version === 'string') return manifest.version
    } catch {
      // Not there: try the next place.
    }
  }
  return 'unknown'
}

export const VERSION: string = readVersion()
