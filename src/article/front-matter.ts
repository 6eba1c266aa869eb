import { createRequire } from 'node:module'
import type * as Yaml from 'yaml'

let yamlPackage: typeof Yaml | undefined
/**
 * The `yaml` package, loaded when front matter is first parsed: a build of JSON or HTML files does
 * not spend the 25 ms. Required at run time, so a bundler that bundles `newsdex/build` must leave
 * `yaml` external (as it leaves a package's dependencies by default).
 */
const yamlModule = (): typeof Yaml => (yamlPackage ??= createRequire(import.meta.url)('yaml') as typeof Yaml)

/** Limits on the YAML front matter read, so that a small hostile file costs little (see docs/redos.md). */
export const FRONT_MATTER_LIMITS = {
  /** Longest front matter, in characters. */
  length: 65_536,
  /** Deepest nesting of mappings and sequences; the top-level mapping is level 1. */
  depth: 16,
  /** Most alias nodes (`*name`). */
  aliases: 64,
  /** The `yaml` package's `maxAliasCount`: how far aliases may expand (uses × size of what they name). */
  aliasExpansion: 1_000,
} as const

/** A Markdown document split into its front matter (parsed YAML) and its body. */
export interface MarkdownParts {
  frontMatter: Record<string, unknown>
  body: string
}

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/

/**
 * Throws unless the parsed YAML tree stays within the depth and alias limits and its mappings have
 * unique keys (checked here with a set per mapping: the `yaml` package's own check is quadratic).
 */
function checkShape(root: unknown): void {
  const { isAlias, isCollection, isMap, isPair, isScalar } = yamlModule()
  let aliases = 0
  const stack: [node: unknown, depth: number][] = [[root, 1]]
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!
    if (isAlias(node) && ++aliases > FRONT_MATTER_LIMITS.aliases) {
      throw new Error(`more than ${FRONT_MATTER_LIMITS.aliases} aliases`)
    }
    if (!isCollection(node)) continue
    if (depth > FRONT_MATTER_LIMITS.depth) throw new Error(`nested deeper than ${FRONT_MATTER_LIMITS.depth} levels`)
    const keys = new Set<unknown>()
    for (const item of node.items) {
      if (!isPair(item)) {
        stack.push([item, depth + 1])
        continue
      }
      if (isMap(node) && isScalar(item.key) && !Number.isNaN(item.key.value)) {
        if (keys.has(item.key.value)) throw new Error(`the key ${JSON.stringify(String(item.key.value))} appears twice`)
        keys.add(item.key.value)
      }
      stack.push([item.key, depth + 1], [item.value, depth + 1])
    }
  }
}

/** A YAML error's message with its line and column in the file (the front matter starts on line 2). */
function located(error: Yaml.YAMLError, yaml: string): Error {
  const before = yaml.slice(0, error.pos[0])
  const line = before.split('\n').length + 1
  const column = before.length - before.lastIndexOf('\n')
  return new Error(`${error.message} at line ${line}, column ${column}`, { cause: error })
}

/**
 * Splits off and parses YAML front matter, within `FRONT_MATTER_LIMITS`. Throws an `Error` naming the
 * YAML problem or the limit exceeded. YAML warnings (unknown tags) are not printed.
 */
export function splitFrontMatter(text: string): MarkdownParts {
  const m = FRONT_MATTER.exec(text)
  if (!m) return { frontMatter: {}, body: text }
  const yaml = m[1] ?? ''
  if (yaml.length > FRONT_MATTER_LIMITS.length) {
    throw new Error(`${yaml.length} characters long, more than ${FRONT_MATTER_LIMITS.length}`)
  }
  // Errors are located here and keys checked in checkShape, in linear time; the package's own ways are not.
  const doc = yamlModule().parseDocument(yaml, { logLevel: 'error', resolveKnownTags: false, prettyErrors: false, uniqueKeys: false })
  if (doc.errors[0]) throw located(doc.errors[0], yaml)
  checkShape(doc.contents)
  const data: unknown = doc.toJS({ maxAliasCount: FRONT_MATTER_LIMITS.aliasExpansion })
  if (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data))) {
    throw new Error('front matter must be a YAML mapping of fields')
  }
  return { frontMatter: (data ?? {}) as Record<string, unknown>, body: text.slice(m[0].length) }
}
