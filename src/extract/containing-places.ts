import { gazetteer, type Place } from './gazetteer.js'
import { nameKey } from './text.js'

/**
 * Rolls given place names up to the places that contain them, so that a location filter on a
 * country or region finds an article whose metadata names only a city: ['Baghdad'] →
 * location ['Baghdad', 'Iraq'], country ['IQ']. Known names become their canonical spelling
 * (['usa'] → ['United States']); an ambiguous name is read as its largest place; unknown names are
 * kept as they are.
 */
export function containingPlaces(names: readonly string[]): { location: string[]; country: string[] } {
  const g = gazetteer()
  const location = new Set<string>()
  const country = new Set<string>()
  for (const name of names) {
    const entries = (g.names.get(nameKey(name)) ?? []).filter((e) => !e.demonym && !e.qualifierOnly && e.place.kind !== 'blocker')
    const place: Place | undefined = entries.map((e) => e.place).sort((a, b) => b.prior - a.prior)[0]
    // One spelling per place: 'usa', 'U.S.' and 'United States' are all 'United States'.
    location.add(place ? place.name : name)
    if (!place) continue
    const region = place.kind === 'city' && place.region ? g.regions.get(`${place.country}-${place.region}`) : undefined
    if (region) location.add(region.name)
    const nation = g.countries.get(place.country)
    if (nation) {
      location.add(nation.name)
      country.add(nation.country)
    }
  }
  return { location: [...location], country: [...country] }
}
