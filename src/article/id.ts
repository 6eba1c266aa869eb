/** An article id derived from a file path: the path relative to the build root, without extension, with `/` separators. */
export function idFromPath(path: string): string {
  const clean = path.replace(/\\/g, '/').replace(/^\.\//, '')
  const withoutExtension = clean.replace(/\.[A-Za-z0-9]+$/, '')
  return withoutExtension || clean
}
