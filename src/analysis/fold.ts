const COMBINING_MARKS = /\p{M}+/gu
/** Text with nothing but ASCII, which only needs lower-casing. */
// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/

/** Folds case and diacritics: `'Kāẓimī'` → `'kazimi'`. Length may change; callers keep offsets into the original. */
export function fold(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase()
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase()
}
