import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { normalizeDate } from '../../src/extract/date.js'
import { findDateline } from '../../src/extract/dateline.js'
import { extractMetadata } from '../../src/extract/extract-metadata.js'
import { canonicalSource, extractSources } from '../../src/extract/sources.js'

const seedPath = fileURLToPath(new URL('../../seeds/000_cc6d660af43d4c59.txt', import.meta.url))
/** The seed without its `date YYYY-MM-DD` header, as the parser hands it over. */
const seedText = readFileSync(seedPath, 'utf8').replace(/^\s*date\s+\d{4}-\d{2}-\d{2}\s+/, '')
const places = (text: string, hints?: { title?: string; date?: string }) => extractMetadata(text, hints).location
const countries = (text: string, hints?: { title?: string; date?: string }) => extractMetadata(text, hints).country

describe('the seed article', () => {
  const meta = extractMetadata(seedText, { date: '2020-06-23' })

  it('is credited to AP only', () => {
    expect(meta.source).toEqual(['AP'])
  })

  it('keeps the known date', () => {
    expect(meta.date).toBe('2020-06-23')
  })

  it('is located in Baghdad, Iraq, with the countries involved', () => {
    expect(meta.location).toContain('Baghdad')
    expect(meta.location).toContain('Iraq')
    expect(meta.location[0]).toBe('Baghdad')
    expect(meta.country[0]).toBe('IQ')
    expect(meta.country).toEqual(expect.arrayContaining(['US', 'IR']))
    // A person ("Mustafa al-Kadhimi") or a "military statement" is no place and no source.
    expect(meta.location).not.toContain('Kadhimi')
  })

  it('gives the same places with the title the parser derives', () => {
    const title = 'A katyusha rocket landed in the vicinity of Baghdad airport on Monday, but this attack didn’t cause any casualties.'
    const withTitle = extractMetadata(seedText, { title, date: '2020-06-23' })
    expect(withTitle.country).toEqual(meta.country)
    expect(withTitle.location[0]).toBe('Baghdad')
  })

  it('reads the seed header date when given the raw file', () => {
    expect(extractMetadata(readFileSync(seedPath, 'utf8')).date).toBe('2020-06-23')
  })
})

describe('sources', () => {
  it.each([
    ['BAGHDAD (AP) — A rocket landed near the airport.', ['AP']],
    ['BAGHDAD, June 23 (Reuters) - A rocket landed near the airport.', ['Reuters']],
    ['A rocket landed, AP reported on Monday.', ['AP']],
    ['“There were no casualties”, AP added.', ['AP']],
    ['In its report, AP wrote, “The U.S. blamed militias.”', ['AP']],
    ['The rocket was launched from a village, according to Reuters.', ['Reuters']],
    ['Two officials told AFP on condition of anonymity.', ['AFP']],
    ['Agence France-Presse (AFP) reported that the talks failed.', ['AFP']],
    ['AP continued, “It is the fourth attack.”', ['AP']],
    ['AP spoke with two Iraqi security officials.', ['AP']],
    ['A Reuters report said the plant was closed.', ['Reuters']],
    ['The Associated Press said the talks had stalled.', ['AP']],
    ['The ministry told Xinhua that exports rose, IRNA reported.', ['Xinhua', 'IRNA']],
    ['Yonhap News Agency said the launch failed.', ['Yonhap']],
    ['the New York Times reported. The Times of India said so too.', ['New York Times', 'Times of India']],
  ])('%s', (text, expected) => {
    expect(extractSources(text)).toEqual(expected)
  })

  it('ranks by how often a source is credited', () => {
    const text = 'Reuters reported the attack. AP said two died. AP added that police came. According to AP, it was the fourth.'
    expect(extractSources(text)).toEqual(['AP', 'Reuters'])
  })

  it('does not count a bare mention, a person or a statement', () => {
    expect(extractSources('He watched CNN and read about AP Moller in the paper.')).toEqual([])
    expect(extractSources('Michael Bloomberg said he would run for office.')).toEqual([])
    expect(extractSources('according to a military statement, no one was hurt.')).toEqual([])
    expect(extractSources('according to the ministry, prices rose.')).toEqual([])
  })

  it('counts a wire sign-off', () => {
    expect(extractSources('Prices rose 3 pct in the week.\n Reuter\n')).toEqual(['Reuters'])
  })

  it('canonicalizes names of outlets', () => {
    expect(canonicalSource('Associated Press')).toBe('AP')
    expect(canonicalSource('The Associated Press')).toBe('AP')
    expect(canonicalSource('reuters')).toBe('Reuters')
    expect(canonicalSource('Agence France-Presse')).toBe('AFP')
    expect(canonicalSource('NYT')).toBe('New York Times')
    expect(canonicalSource('the wall street journal')).toBe('Wall Street Journal')
    expect(canonicalSource('SCMP')).toBe('South China Morning Post')
    expect(canonicalSource('Deutsche Presse-Agentur')).toBe('DPA')
    expect(canonicalSource('my blog')).toBeNull()
    expect(canonicalSource('')).toBeNull()
  })
})

describe('dates', () => {
  it.each([
    ['26-FEB-1987 15:01:01.79', '1987-02-26'],
    ['2020-06-23T10:00:00Z', '2020-06-23'],
    ['2020-06-23', '2020-06-23'],
    ['June 23, 2020', '2020-06-23'],
    ['Jun. 23 2020', '2020-06-23'],
    ['June 23rd, 2020', '2020-06-23'],
    ['Monday, June 23, 2020', '2020-06-23'],
    ['23 June 2020', '2020-06-23'],
    ['23 Jun 2020', '2020-06-23'],
    ['Tue, 23 Jun 2020 10:00:00 GMT', '2020-06-23'],
    ['2020/06/23', '2020-06-23'],
    ['23.06.2020', '2020-06-23'],
    ['06/23/2020', '2020-06-23'],
    ['23/06/2020', '2020-06-23'],
    ['29 Feb 2020', '2020-02-29'],
  ])('normalizes %s', (value, expected) => {
    expect(normalizeDate(value)).toBe(expected)
  })

  it.each(['', 'garbage', 'June 23', '03/04/2020', 'Feb 30, 2020', '29 Feb 2019', '2020-13-01', '1066-10-14', 'x'.repeat(1000)])(
    'gives no date for %j',
    (value) => {
      expect(normalizeDate(value)).toBeNull()
    },
  )

  it('gives a dateline the year of a known date, and never invents one', () => {
    const story = 'BAGHDAD, June 23 (Reuters) - A rocket hit the airport.'
    expect(extractMetadata(story).date).toBeNull()
    expect(extractMetadata(story, { date: '2020' }).date).toBe('2020-06-23')
    expect(extractMetadata(story, { date: '2021-01' }).date).toBe('2021-06-23')
    expect(extractMetadata('SALVADOR, Feb 26 - Showers continued.', { date: '1987' }).date).toBe('1987-02-26')
    // A story filed on Dec 31 and read with a January date is from the year before.
    expect(extractMetadata('LONDON, Dec 31 - Markets closed.', { date: '2021-01' }).date).toBe('2020-12-31')
    expect(extractMetadata('WASHINGTON, June 23, 2020 (AP) — Talks resumed.').date).toBe('2020-06-23')
  })

  it('keeps a full known date', () => {
    expect(extractMetadata('SALVADOR, Feb 26 - Showers.', { date: '1987-02-27' }).date).toBe('1987-02-27')
    expect(extractMetadata('Text.', { date: '26-FEB-1987 15:01:01.79' }).date).toBe('1987-02-26')
  })

  it('reads written and ISO dates at the top', () => {
    expect(extractMetadata('Rocket hits Baghdad\nJune 23, 2020\n\nA rocket landed.').date).toBe('2020-06-23')
    expect(extractMetadata('Rocket hits Baghdad\nBy Jane Doe | 23 June 2020\n\nA rocket landed.').date).toBe('2020-06-23')
    expect(extractMetadata('Published: 2020-06-23T08:00:00Z\nA rocket landed.').date).toBe('2020-06-23')
  })

  it('does not take a date from the story for the publication date', () => {
    const text = 'Split approved\n\nROCHESTER, N.Y., Feb 26 - The board approved a split for holders\nof record as of April 1, 1987.\n'
    expect(extractMetadata(text).date).toBeNull()
    expect(extractMetadata('The strike began on June 11, 2019, officials said, and went on.').date).toBeNull()
  })
})

describe('datelines', () => {
  it.each([
    ['BAGHDAD, June 23 (Reuters) - A rocket', 'BAGHDAD', 6, 23, 'Reuters'],
    ['SALVADOR, Feb 26 - Showers', 'SALVADOR', 2, 26, null],
    ['BAGHDAD (AP) — A rocket', 'BAGHDAD', null, null, 'AP'],
    ['NEW YORK, FEb 26 - Coca-Cola', 'NEW YORK', 2, 26, null],
    ['OAKLAND , N.J., March 2 - Diagnostic', 'OAKLAND , N.J.', 3, 2, null],
    ['WASHINGTON — The Senate', 'WASHINGTON', null, null, null],
  ])('%s', (text, place, month, day, credit) => {
    const d = findDateline(text)
    expect(d).not.toBeNull()
    expect(text.slice(d?.placeStart, d?.placeEnd)).toBe(place)
    expect(d?.month ?? null).toBe(month)
    expect(d?.day ?? null).toBe(day)
    expect(d?.credit ?? null).toBe(credit)
  })

  it('is not an ordinary first sentence', () => {
    expect(findDateline('Showers continued throughout the week - a relief.')).toBeNull()
    expect(findDateline('The Senate - after a long debate - voted.')).toBeNull()
  })

  it('places the story first', () => {
    expect(countries('COCOA REVIEW\n\nSALVADOR, Feb 26 - Showers continued in Bahia, Brazil.')[0]).toBe('BR')
    expect(countries('OIL\n\nTOKYO, March 3 - Saudi Arabia and Iran said prices would rise. Iran agreed.')[0]).toBe('JP')
    expect(countries('GRAIN\n\nPORTLAND, Feb 26 - Ships were loading at Portland.')).toEqual(['US'])
    expect(countries('DIVIDEND\n\nMARTINSVILLE, Va., Feb 26 - Qtly div eight cts.')).toEqual(['US'])
    expect(places('ST. LOUIS, March 3 - Monsanto said')).toEqual(['St. Louis', 'Missouri', 'United States'])
    expect(countries('STEEL\n\nDUESSELDORF, March 5 - Mannesmann AG said')).toEqual(['DE'])
  })
})

describe('locations', () => {
  it('rolls cities up to their country (and US states)', () => {
    expect(extractMetadata('A rocket landed near Baghdad.')).toMatchObject({ location: ['Baghdad', 'Iraq'], country: ['IQ'] })
    expect(places('The fire in Reading, Pa., spread to nearby homes.')).toEqual(['Reading', 'Pennsylvania', 'United States'])
    expect(places('Mobile, Ala. — The city council met Tuesday.')).toEqual(['Mobile', 'Alabama', 'United States'])
  })

  it('knows short forms, historic names and demonyms', () => {
    expect(countries('The U.S. and the UK agreed.')).toEqual(['US', 'GB'])
    expect(countries('Britain and Holland signed.')).toEqual(['GB', 'NL'])
    expect(countries('The Soviet Union and West Germany met in Bonn. Soviet officials said so.')).toEqual(['DE', 'RU'])
    expect(countries('Iraqi and Iranian officials met. Iraqis and Iranians agreed.')).toEqual(['IQ', 'IR'])
    expect(places('Iraqi and Iranian officials met. Iraqis and Iranians agreed.')).toEqual(['Iraq', 'Iran'])
    expect(countries('Iran-backed militias and U.S.-led forces clashed.')).toEqual(['IR', 'US'])
  })

  it('reads capitalised common words as words', () => {
    expect(places('Reading the report, officials said the plan was Nice but would Split opinion.')).toEqual([])
    expect(places('March was cold. Bath time is at seven. Mobile phones are banned.')).toEqual([])
    expect(places('He went to the Mobile World Congress.')).toEqual([])
  })

  it('reads them as places with context', () => {
    expect(countries('The fire in Reading spread to nearby homes.')).toEqual(['GB'])
    expect(countries('The mayor of Nice said French police had arrested a suspect.')).toEqual(['FR'])
    expect(countries('Ferries from Split carried tourists along the Croatian coast.')).toEqual(['HR'])
    expect(places('Bath, England, is a spa town.')).toEqual(['Bath', 'England', 'United Kingdom'])
  })

  it('tells people from places', () => {
    expect(places('Michael Jordan scored 30 points. Jordan later said he was tired.')).toEqual([])
    expect(places('Paris Hilton arrived at the party.')).toEqual([])
    expect(places('Georgia Smith, 34, was arrested.')).toEqual([])
    expect(places('President Obama spoke. Obama said the talks went well.')).toEqual([])
    expect(countries('King Abdullah of Jordan met officials in Amman.')).toEqual(['JO'])
    expect(countries('Georgia and Russia fought a war in 2008 over South Ossetia. Tbilisi said so.')).toEqual(['GE', 'RU'])
  })

  it('prefers the countries an article names, then population', () => {
    expect(countries('He flew to Paris.')).toEqual(['FR'])
    expect(places('Paris, Texas, is a small town.')).toEqual(['Paris', 'Texas', 'United States'])
    expect(countries('Police in Atlanta said the suspect fled Georgia.')).toEqual(['US'])
    expect(countries('London, Ontario, is a Canadian city.')).toEqual(['CA'])
    expect(countries('London is the capital.')).toEqual(['GB'])
    expect(places('The Portland City Council met in Portland, Maine.')).toContain('Maine')
    // Paris, Kentucky (10,000 people) is a minor town placed by its qualifier; one too small for the
    // gazetteer is still placed by its state.
    expect(places('Residents of Paris, Kentucky, gathered downtown.')).toEqual(['Paris', 'Kentucky', 'United States'])
    expect(places('Residents of Smallvillington, Kentucky, gathered downtown.')).toEqual(['Kentucky', 'United States'])
  })

  it('reads places inside names only when they are big or supported', () => {
    expect(countries('The Chicago Bulls beat the Boston Celtics 102-99.')).toEqual(['US'])
    expect(countries('Piedmont Aviation said profits rose.')).toEqual([])
    expect(countries('GAO auditors and NATO officials met.')).toEqual([])
  })

  it('orders by salience: dateline, title, then frequency', () => {
    const text = 'JAPAN TRADE SURPLUS\n\nTOKYO, March 3 - Japan said its surplus with the U.S. and France grew. The U.S. and France objected. U.S. officials agreed.'
    expect(countries(text)).toEqual(['JP', 'US', 'FR'])
  })

  it('keeps a country named once in passing, after the salient ones', () => {
    const text = 'TOKYO, March 3 - Japan said exports rose. Japanese firms sold more cars. Some went to Peru.'
    expect(countries(text)).toEqual(['JP', 'PE'])
    expect(places(text).at(-1)).toBe('Peru')
  })

  it('does not read outlets, currencies and regions of the world as places', () => {
    expect(countries('Agence France-Presse reported it. The New York Times said so.')).toEqual([])
    expect(countries('The bonds raise 100 mln U.S. dlrs in Europe and Asia.')).toEqual([])
    expect(countries('Leaders of the Middle East and Latin America met.')).toEqual([])
  })
})
