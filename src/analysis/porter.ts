/**
 * The Porter (1980) stemmer, with the 'bli' and 'logi' rules of Porter's own reference version, for
 * analyzed (lower-case) terms. It returns exactly what `stemmer()` of the `stemmer@2` package returns,
 * which tests/porter.test.ts checks on an English word list and on random words. Its deviations from
 * the paper, reproduced here: a suffix only matches when a letter is left before it ('ies' → 'ie'),
 * and within a step the longest such suffix decides, even when its stem then fails the condition.
 */

/**
 * Porter's m, the number of vowel-consonant sequences in `s`. Vowels are a, e, i, o, u, and a 'y' after
 * a consonant; a leading 'y' is a consonant. Any other character (digits, ø, ß…) is a consonant. A
 * sequence is only tried from its first vowel, so the cost is linear (see docs/redos.md).
 */
const measure = (s: string): number => s.split(/(?<![aeiou])(?!^y)[aeiouy][aeiou]*[^aeiou]/).length - 1

/** A step's condition and result: the new word, or a falsy value to leave the word as it is. */
type Apply = (stem: string, replaced: string) => string | false | 0
/** (m > 0) on the stem. */
const M0: Apply = (stem, replaced) => measure(stem) && replaced
/** (m > 1) on the stem plus the kept letters (s-ion, l-l), that is on the replaced word. */
const M1: Apply = (stem, replaced) => measure(replaced) > 1 && replaced

/**
 * The steps, in order. A rule `kept-removed+added` matches the suffix kept + removed and replaces it
 * with kept + added: `apply(stem, stem + kept + added)` gives the new word. The first rule whose suffix
 * leaves a non-empty stem decides the step, so a longer suffix comes before any suffix of it.
 * `measure(stem + 'y') > 0` means that the stem has a vowel.
 */
const STEPS: [rules: string, apply: Apply][] = [
  // 1a: sses → ss, ies → i, ss → ss, s → ''.
  ['ss-es,i-es,ss-,-s', (_, replaced) => replaced],
  // 1b: (m > 0) eed → ee; otherwise eed stays, and (the stem has a vowel) ed, ing → '', then
  // at → ate, bl → ble, iz → ize, (m = 1 and *o) → +e, or a double consonant but l, s, z → single.
  ['ee-d', M0],
  [
    'eed-,-ed,-ing',
    (stem, replaced) =>
      measure(stem + 'y') &&
      replaced.replace(/(at|bl|iz)$|^[^aeiou][^aeiouy]*[aeiouy][^aeiouwxy]$/, '$&e').replace(/([^aeiouylsz])\1$/, '$1'),
  ],
  // 1c: (the stem has a vowel) y → i.
  ['-y+i', (stem, replaced) => measure(stem + 'y') && replaced],
  // 2: (m > 0).
  [
    'at-ional+e,tion-al,enc-i+e,anc-i+e,ize-r,bl-i+e,al-li,ent-li,e-li,ous-li,iz-ation+e,at-ion+e,at-or+e,' +
      'al-ism,ive-ness,ful-ness,ous-ness,al-iti,iv-iti+e,b-iliti+le,log-i',
    M0,
  ],
  // 3: (m > 0).
  ['ic-ate,-ative,al-ize,ic-iti,ic-al,-ful,-ness', M0],
  // 4: (m > 1); (*S or *T) ion is s-ion and t-ion.
  ['-al,-ance,-ence,-er,-ic,-able,-ible,-ant,-ement,-ment,-ent,-ou,-ism,-ate,-iti,-ous,-ive,-ize,s-ion,t-ion', M1],
  // 5a: (m > 1, or m = 1 and not *o) e → ''. *o with m = 1 is consonants, one vowel, then a consonant
  // but w, x, y ('hop'), where the e is put back.
  ['-e', (stem) => measure(stem) && stem.replace(/^[^aeiou][^aeiouy]*[aeiouy][^aeiouwxy]$/, '$&e')],
  // 5b: (m > 1) ll → l.
  ['l-l', M1],
]

/** The steps with each rule parsed once into [suffix, kept + added]. */
const PARSED = STEPS.map(([rules, apply]) => {
  const parsed = rules.split(',').map((rule) => {
    const [kept = '', change = ''] = rule.split('-')
    const [removed = '', added = ''] = change.split('+')
    return [kept + removed, kept + added] as const
  })
  return [parsed, apply] as const
})

/** The Porter stem of an analyzed term: 'caresses' → 'caress', 'relational' → 'relat', 'happy' → 'happi'. */
export function porterStem(word: string): string {
  // Words of one or two letters are left alone.
  if (word[2])
    for (const [rules, apply] of PARSED)
      for (const [suffix, replacement] of rules) {
        let stem
        if (word.endsWith(suffix) && (stem = word.slice(0, -suffix.length))) {
          word = apply(stem, stem + replacement) || word
          break
        }
      }
  return word
}
