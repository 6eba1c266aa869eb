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
  const country = new Set<string>()
  const places = names.map((name) => {
    const entries = (g.names.get(nameKey(name)) ?? []).filter((e) => !e.demonym && !e.qualifierOnly && e.place.kind !== 'blocker')
    return { name, place: entries.map((e) => e.place).sort((a, b) => b.prior - a.prior)[0] as Place | undefined }
  })
  // The given places first, one spelling each ('usa', 'U.S.' and 'United States' are 'United States').
  const location = new Set(places.map(({ name, place }) => place?.name ?? name))
  for (const { place } of places) {
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
