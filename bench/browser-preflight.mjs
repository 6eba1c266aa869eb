// What the browser benchmarks check before they start, and the build they measure.
import { spawnSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Exits with status 2 when a built file or Chromium is missing; else returns the commit, whether
 * src/ has changes, and when the first of `files` was built.
 */
export function preflight(root, files, chromium) {
  for (const file of files) {
    if (!existsSync(join(root, file))) {
      console.error(`${file} is missing: run \`npm run build\` first`)
      process.exit(2)
    }
  }
  if (!existsSync(chromium)) {
    console.error(`no Chromium at ${chromium}`)
    process.exit(2)
  }
  const git = (...a) => spawnSync('git', a, { cwd: root, encoding: 'utf8' }).stdout?.trim() || null
  return { commit: git('rev-parse', 'HEAD'), srcDirty: Boolean(git('status', '--porcelain', '--', 'src')), distBuilt: new Date(statSync(join(root, files[0])).mtimeMs).toISOString() }
}
