/** The names of the Latin-1 characters U+00A0 to U+00FF, in order (HTML's named references for them). */
const LATIN_1 =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest ' +
  'Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig ' +
  'agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml'

/**
 * Named character references by name: the Latin-1 ones, and the punctuation and symbols that
 * articles use (a `Map`: the names come from outside input). Others are left as written.
 */
const NAMED = new Map<string, string>([
  ...LATIN_1.split(' ').map((name, i): [string, string] => [name, String.fromCharCode(0xa0 + i)]),
  ['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"],
  ['mdash', '—'], ['ndash', '–'], ['hellip', '…'], ['lsquo', '‘'], ['rsquo', '’'], ['sbquo', '‚'], ['ldquo', '“'], ['rdquo', '”'], ['bdquo', '„'],
  ['lsaquo', '‹'], ['rsaquo', '›'], ['bull', '•'], ['prime', '′'], ['Prime', '″'], ['dagger', '†'], ['Dagger', '‡'], ['permil', '‰'],
  ['trade', '™'], ['euro', '€'], ['minus', '−'], ['thinsp', '\u2009'], ['ensp', '\u2002'], ['emsp', '\u2003'], ['zwj', '\u200d'], ['zwnj', '\u200c'],
  ['lrm', '\u200e'], ['rlm', '\u200f'], ['OElig', 'Œ'], ['oelig', 'œ'], ['Scaron', 'Š'], ['scaron', 'š'], ['Yuml', 'Ÿ'], ['fnof', 'ƒ'], ['circ', 'ˆ'], ['tilde', '˜'],
])

/**
 * Decodes the character references of HTML or XML text: numeric ones (`&#39;`, `&#x2019;`) and the
 * named ones above (a name matched as written, else in lower case: `&AMP;`). Anything else, or a
 * number that is no character, is left as written.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(/&(#\d{1,8}|#[xX][\da-fA-F]{1,8}|[A-Za-z][A-Za-z\d]{1,31});/g, (entity, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity
    }
    return NAMED.get(name) ?? NAMED.get(name.toLowerCase()) ?? entity
  })
}
