/**
 * The URL path of a built page from its path in the site, as a static host serves it:
 * `world/rocket/index.html` → `/world/rocket/`, `about.html` → `/about.html` (percent-encoded).
 */
export function pageUrl(path: string): string {
  const clean = path.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '')
  return encodeURI(`/${clean.replace(/(^|\/)index\.html?$/, '$1')}`)
}
