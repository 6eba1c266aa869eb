/**
 * The API reference (`npm run docs:api`, TypeDoc over the doc comments of every entry) builds with
 * no warning: every `{@link}` resolves and every type a public declaration names is documented
 * (typedoc.json treats warnings as errors).
 */
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { expect, it } from 'vitest'

const ROOT = resolve(__dirname, '..', '..')
const TYPEDOC = resolve(ROOT, 'node_modules', 'typedoc', 'bin', 'typedoc')

it('the API reference builds with no broken link and no undocumented public type', () => {
  const result = spawnSync(process.execPath, [TYPEDOC, '--emit', 'none'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 })
  expect(result.stdout + result.stderr).not.toMatch(/warning|error/i)
  expect(result.status).toBe(0)
}, 120_000)
