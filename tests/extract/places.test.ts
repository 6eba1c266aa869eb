import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { containingPlaces } from '../../src/extract/containing-places.js'
import { extractMetadata } from '../../src/extract/extract-metadata.js'
import { splitWords } from '../../src/extract/text.js'

const countries = (text: string, hints?: { country?: string }) => extractMetadata(text, hints).country
const places = (text: string, hints?: { country?: string }) => extractMetadata(text, hints).location

describe('every country a named place lies in', () => {
  it('keeps countries named once, after the salient ones', () => {
    const text = 'TOKYO, March 3 - Japan said exports rose to the U.S. and Europe. A plant in Mexico is planned.'
    expect(countries(text)).toEqual(['JP', 'US', 'MX'])
  })

  it('keeps a country reached only by demonyms when it recurs or is salient, not a lone adjective', () => {
    expect(countries('Officials met in Lima. The talks were held in English.')).toEqual(['PE'])
    expect(countries('Officials met in Lima. Chinese diplomats and Chinese firms attended.')).toEqual(['PE', 'CN'])
  })

  it('always lists the country of every place it lists', () => {
    fc.assert(
      fc.property(fc.subarray(['Baghdad', 'Paris', 'Lagos', 'Toronto', 'Georgia', 'Athens', 'Dublin', 'Ohio', 'Lima', 'Perth']), (names) => {
        const meta = extractMetadata(`Officials in ${names.join(' and in ')} met on Monday.`)
        expect(new Set(meta.country).size).toBe(meta.country.length)
        // Each name after "in" is a place, so each gives a country: at least one when any is named.
        expect(meta.country.length > 0).toBe(names.length > 0)
      }),
      { numRuns: 60 },
    )
  })
})

describe('coherence: areas first, then the towns they hold', () => {
  it('reads a town near its named state as the town of that state', () => {
    expect(countries('Athens police said the suspect fled Georgia.')).toEqual(['US'])
    expect(places('Police in Dublin said the storm hit Ohio hardest.')).toEqual(expect.arrayContaining(['Dublin', 'Ohio']))
    expect(countries('Police in Dublin said the storm hit Ohio hardest.')).toEqual(['US'])
  })

  it('keeps capitals abroad when no state of a namesake is named', () => {
    expect(countries('He flew to Paris.')).toEqual(['FR'])
    expect(countries('Georgia and Russia fought a war in 2008. Tbilisi said so.')).toEqual(['GE', 'RU'])
  })

  it('resolves ambiguous local names in the hinted home country', () => {
    expect(countries('Police in Alexandria said the man was arrested.')).toEqual(['EG'])
    expect(countries('Police in Alexandria said the man was arrested.', { country: 'US' })).toEqual(['US'])
    expect(countries('Police in Alexandria said the man was arrested.', { country: 'nonsense' })).toEqual(['EG'])
  })
})

describe('US local geography', () => {
  it('reads counties and parishes where the text is American', () => {
    expect(places('Deputies in Henry County said the suspect fled to Atlanta.')).toContain('Henry County')
    expect(places('Rapides Parish deputies arrested a man in Alexandria, La.')).toEqual(
      expect.arrayContaining(['Rapides Parish', 'Louisiana']),
    )
    expect(countries('The Kent County Council met in Maidstone.')).toEqual(['GB'])
  })

  it('reads a state inside the name of one of its institutions', () => {
    expect(countries('The Florida Highway Patrol closed the road.')).toEqual(['US'])
    expect(countries('The Texas Department of Public Safety said so.')).toEqual(['US'])
  })

  it('reads "Town, Pa." as the state when the town is unknown, but not a degree after a name', () => {
    expect(places('A fire in Smallvillington, Pa., destroyed two homes.')).toEqual(['Pennsylvania', 'United States'])
    expect(places('Dr. Jane Smith, M.D., said the results were good.')).toEqual([])
  })
})

describe('minor towns (under 15,000 people)', () => {
  it('are read where a qualifier or their named region places them', () => {
    expect(places('Deputies arrested a man in Pineville, La., on Monday.')).toEqual(['Pineville', 'Louisiana', 'United States'])
    expect(places('Louisiana deputies arrested a man in Pineville on Monday.')).toEqual(
      expect.arrayContaining(['Pineville', 'Louisiana', 'United States']),
    )
  })

  it('are no place, and no evidence, where nothing places them: any name is some village somewhere', () => {
    // GeoNames has a Heathrow in Florida, a Tottenham in Ontario and a Blair in Nebraska.
    expect(countries('Delays hit flights at Heathrow on Friday.')).toEqual([])
    expect(countries('Santini quit at Tottenham on Friday. Gordon Brown met Blair.')).toEqual([])
    expect(places('Flights at Heathrow, Florida, were delayed.')).toEqual(['Heathrow', 'Florida', 'United States'])
  })

  it('never take a name from a larger place', () => {
    expect(places('Lawmakers from Indiana flew to Washington on Monday.')).not.toContain('Washington, Indiana')
    expect(countries('Lawmakers from Indiana flew to Washington on Monday.')).toEqual(['US'])
  })

  it('keep the shorter name inside theirs from being read ("East Hanover" is not Hanover, Germany)', () => {
    expect(countries('Sandoz Corp, based in East Hanover, N.J., said sales rose.')).toEqual(['US'])
    expect(places('Sandoz Corp, based in East Hanover, N.J., said sales rose.')).toContain('East Hanover')
  })

  it('do not make a person\'s name a place with a region after a comma', () => {
    expect(countries('Pam Ferris, Victoria Hamilton and Kelly Reilly are nominated for best actress.')).toEqual([])
  })
})

describe('GeoNames names with two official forms', () => {
  it('reads each form, under the name English news uses', () => {
    expect(places('Police in San Sebastián said the bomb was defused.')).toEqual(['San Sebastián', 'Spain'])
    expect(places('Police in Donostia said the bomb was defused.')).toEqual(['San Sebastián', 'Spain'])
    expect(countries('Voters in Vitoria and Bilbao went to the polls in the Basque Country.')).toEqual(['ES'])
  })
})

describe('names that are not places', () => {
  it('reads a place before an organisation, club or commodity designator as that name', () => {
    expect(countries('Shares in Norwich Union rose.')).toEqual([])
    expect(countries('Man Utd lost again.')).toEqual([])
    expect(countries('In London, Brent crude rose.')).toEqual(['GB'])
    expect(countries('The Chicago Bulls beat the Boston Celtics.')).toEqual(['US'])
  })

  it('reads initials and given names before a place as a person', () => {
    expect(countries('J.M. Barrie wrote Peter Pan in London.')).toEqual(['GB'])
    expect(places('U.S. Baghdad embassy staff left.')).toContain('Baghdad')
    expect(countries('Lindsay Davenport won in Sydney.')).toEqual(['AU'])
    expect(countries('Coach Nigel Melville praised the side in Cardiff.')).toEqual(['GB'])
  })

  it('reads streets and saint institutions as what they are', () => {
    expect(countries('He lived on Dublin Road in Belfast.')).toEqual(['GB'])
    expect(countries("She was taken to St. Paul's Hospital in Vancouver.")).toEqual(['CA'])
    expect(countries("Arsenal lost at St Mary's on Saturday.")).toEqual([])
  })
})

describe('postal codes are not abbreviations', () => {
  it('folds St, Mt, Ft but keeps MT alone for Montana', () => {
    expect(splitWords('Mt Hood').map((t) => t.key)).toEqual(['mount', 'hood'])
    expect(splitWords('ST. LOUIS').map((t) => t.key)).toEqual(['saint', 'louis'])
    expect(splitWords('Billings, MT').map((t) => t.key)).toEqual(['billings', 'mt'])
    expect(countries('He lives in Cairns, Mount Sheridan.')).toEqual(['AU'])
    expect(places('Police in Billings, MT said.')).toEqual(['Billings', 'Montana', 'United States'])
  })
})

describe('canonical location names', () => {
  it('gives one spelling per place, whatever the input called it', () => {
    expect(containingPlaces(['usa', 'U.S.', 'United States'])).toEqual({ location: ['United States'], country: ['US'] })
    expect(containingPlaces(['west-germany', 'Baghdad']).location).toEqual(['Germany', 'Baghdad', 'Iraq'])
    expect(containingPlaces(['Atlantis Prime'])).toEqual({ location: ['Atlantis Prime'], country: [] })
  })
})

describe('people named like places', () => {
  it('a name seen as a person\'s still places the story where a mention names a feature of the place', () => {
    const text = 'Louis Baghdad opened the show.\n\nLater a rocket hit Baghdad airport.'
    expect(extractMetadata(text).location).toContain('Baghdad')
    // Without such a mention, the remembered person stays a person.
    expect(extractMetadata('Louis Baghdad opened the show.\n\nBaghdad said he was pleased.').location).not.toContain('Baghdad')
  })

  it('a name in capitals after a capitalised given name is not that person\'s surname', () => {
    expect(extractMetadata('Jordan BAGHDAD, June 23 (Reuters) -\n\nA rocket hit the city.').location).toContain('Baghdad')
    expect(extractMetadata('Michael Jordan played well.').country).not.toContain('JO')
  })
})
