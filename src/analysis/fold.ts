const COMBINING_MARKS = /\p{M}+/gu

/** Folds case and diacritics: `'Kāẓimī'` → `'kazimi'`. Length may change; callers keep offsets into the original. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase()
}
