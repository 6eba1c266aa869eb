import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { containingPlaces } from '../../src/extract/containing-places.js'
import { extractMetadata } from '../../src/extract/extract-metadata.js'
import { gazetteer, type Place } from '../../src/extract/gazetteer.js'
import { nameKey } from '../../src/extract/text.js'

const meta = (text: string, hints?: { country?: string }) => extractMetadata(text, hints)

// Counties of the gazetteer by name (as the text may write it: "Leflore" and "LeFlore" are one): the
// rules are checked over all of them, not over examples.
const g = gazetteer()
const byKey = new Map<string, Place[]>()
for (const entries of g.names.values()) {
  for (const { place } of entries) {
    if (place.kind !== 'county' || !place.region) continue
    const list = byKey.get(nameKey(place.name)) ?? []
    if (!list.includes(place)) list.push(place)
    byKey.set(nameKey(place.name), list)
  }
}
const byName = new Map([...byKey.values()].map((list) => [(list[0] as Place).name, list]))
const stateName = (p: Place): string => (g.regions.get(`US-${p.region}`) as Place).name
// Names with no other reading: not named like a place abroad, and no town or region shares them.
const own = [...byName.entries()].filter(([name, list]) =>
  list.every((p) => !p.namesake) && (g.names.get(nameKey(name))?.every((e) => e.place.kind === 'county') ?? true))
// One county by that name, also among the other names counties go by ("DeWitt County" is Texas's
// name and an other name of Illinois's "De Witt County").
const single = own
  .filter(([name, list]) => list.length === 1 && new Set(g.names.get(nameKey(name))?.map((e) => e.place)).size <= 1)
  .map(([name, list]) => ({ name, place: list[0] as Place }))
const shared = own.filter(([, list]) => list.length > 2).map(([name, list]) => ({ name, list }))

describe('US counties and parishes', () => {
  it('has the counties of every state, under their names with the division word', () => {
    expect(new Set([...byName.values()].flat().map((p) => p.region)).size).toBe(50)
    expect(byName.size).toBeGreaterThan(1800)
    // The county's name alone is no county: "Henry" is a person, "Rapides" nothing.
    for (const name of [...byName.keys()].slice(0, 200)) {
      const bare = nameKey(name.replace(/ (County|Parish|Borough|Census Area)$/, ''))
      expect(g.names.get(bare)?.some((e) => e.place.kind === 'county') ?? false).toBe(false)
    }
  })

  it('lies in the state the text names, after a comma or anywhere in the story', () => {
    fc.assert(
      fc.property(fc.constantFrom(...shared), fc.nat(), ({ name, list }, k) => {
        const county = list[k % list.length] as Place
        const state = stateName(county)
        expect(meta(`Officials in ${name}, ${state}, said the road was closed.`).location).toEqual(
          expect.arrayContaining([name, state, 'United States']),
        )
        const later = meta(`${name} deputies said the road was closed. It was the third crash in ${state} this week.`)
        expect(later.location).toEqual(expect.arrayContaining([name, state]))
        expect(later.country).toEqual(['US'])
      }),
      { numRuns: 40 },
    )
  })

  it('lies in the state of a town the text names', () => {
    // Each town here lies in one state only, and every state of the county's name has a county of it.
    const towns: Record<string, string> = { GA: 'Savannah', OH: 'Columbus', TX: 'Houston', IN: 'Indianapolis', KY: 'Louisville' }
    for (const { name, list } of shared) {
      for (const county of list) {
        const town = towns[county.region]
        if (!town) continue
        expect(meta(`${name} deputies said the man was later arrested in ${town}.`).location).toEqual(
          expect.arrayContaining([name, stateName(county)]),
        )
      }
    }
  })

  it('alone gives the United States, and its state only when no other state has the name', () => {
    fc.assert(
      fc.property(fc.constantFrom(...shared), ({ name, list }) => {
        const m = meta(`${name} deputies said the man was arrested on Tuesday.`)
        expect(m.country).toEqual(['US'])
        for (const p of list) expect(m.location).not.toContain(stateName(p))
      }),
      { numRuns: 40 },
    )
    fc.assert(
      fc.property(fc.constantFrom(...single), ({ name, place }) => {
        expect(meta(`${name} deputies said the man was arrested on Tuesday.`).location).toEqual([name, stateName(place), 'United States'])
      }),
      { numRuns: 40 },
    )
  })

  it('named like a place abroad, needs the text to be American', () => {
    // "Kent County Council", "Essex County Cricket Club": English counties; Kent County is also in Michigan.
    expect(meta('The Kent County Council met in Maidstone.').country).toEqual(['GB'])
    expect(meta('Lord Smith, leader of Essex County Council, said London needs a runway.').country).toEqual(['GB'])
    expect(meta('Essex County prosecutors said the man was arrested in Newark, N.J.').location).toEqual(
      expect.arrayContaining(['Essex County', 'New Jersey']),
    )
  })

  it('is no county where the name is not a US county: the town or region before "County" is read', () => {
    expect(meta('Officials in Nairobi County said the rains had stopped.').country).toEqual(['KE'])
    expect(meta('Flooding hit Hualien County on Monday.').country).toEqual(['TW'])
  })

  it('is no county when the name is a person\'s: a bare name, or a given name before it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...single, ...shared), (c) => {
        const bare = c.name.replace(/ (County|Parish|Borough|Census Area)$/, '')
        expect(meta(`Mr. ${bare} said ${bare} would testify on Tuesday.`).location.some((l) => / (County|Parish)$/.test(l))).toBe(false)
        expect(meta(`The witness, John ${c.name} said, was lying.`).location).not.toContain(c.name)
      }),
      { numRuns: 40 },
    )
    expect(meta('Jackson said the storm had passed.').location).toEqual([])
    expect(meta('Jackson County deputies closed the road.').location).toContain('Jackson County')
  })

  it('reads Louisiana parishes, and no church parish', () => {
    const parishes = single.filter(({ name }) => name.endsWith(' Parish'))
    expect(parishes.length).toBeGreaterThan(20)
    for (const { name } of parishes) {
      const m = meta(`${name} deputies said the man was arrested on Tuesday.`)
      expect(m.location).toEqual([name, 'Louisiana', 'United States'])
    }
    // A saint's parish church in the possessive is not St. Mary Parish, Louisiana.
    expect(meta("Mass was said at St. Mary's Parish in Boston.").location).not.toContain('Louisiana')
    expect(meta("Prince George's County police said a man was shot in Maryland.").location).toEqual(
      expect.arrayContaining(["Prince George's County", 'Maryland']),
    )
  })

  it('rolls given counties up to their state, or to the country when several states have the name', () => {
    const { name, place } = single[0] as { name: string; place: Place }
    expect(containingPlaces([name])).toEqual({ location: [name, stateName(place), 'United States'], country: ['US'] })
    const { name: sharedName } = shared[0] as { name: string }
    expect(containingPlaces([sharedName])).toEqual({ location: [sharedName, 'United States'], country: ['US'] })
  })
})

describe('names across a line break', () => {
  it('reads a name wrapped onto the next line of hard-wrapped text, not across a blank line', () => {
    expect(meta('It will buy a cable system in Los\nAngeles County from Heritage.').location).toContain('Los Angeles County')
    expect(meta('Prices are quoted in U.S.\nDlrs per troy ounce in London.').country).toEqual(['GB'])
    expect(meta('Markets rallied in New\nYork on Monday.').country).toEqual(['US'])
  })
})
