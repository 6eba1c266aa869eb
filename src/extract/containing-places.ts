import { isLocal } from './counties.js'
import { gazetteer, type Place } from './gazetteer.js'
import { nameKey } from './text.js'

/** A place in the home country counts this much more (log10 of a 100x size), as in `locations.ts`. */
const HOME_BONUS = 2

/**
 * Rolls given place names up to the places that contain them, so that a location filter on a
 * country or region finds an article whose metadata names only a city: ['Baghdad'] →
 * location ['Baghdad', 'Iraq'], country ['IQ']. Known names become their canonical spelling
 * (['usa'] → ['United States']); an ambiguous name is read as its largest place, where a place in
 * the home country `home` (ISO alpha-2) counts a hundred times its size, as in the text (['Athens']
 * with home 'US' is Athens, Georgia; ['Paris'] is still Paris, France); unknown names are kept as
 * they are.
 */
export function containingPlaces(names: readonly string[], home: string | null = null): { location: string[]; country: string[] } {
  const g = gazetteer()
  const country = new Set<string>()
  const places = names.map((name) => {
    const entries = (g.names.get(nameKey(name)) ?? []).filter((e) => !e.demonym && !e.qualifierOnly && e.place.kind !== 'blocker')
    const score = (p: Place): number => p.prior + (p.country === home ? HOME_BONUS : 0)
    return { name, place: entries.map((e) => e.place).sort((a, b) => score(b) - score(a))[0] as Place | undefined }
  })
  // The given places first, one spelling each ('usa', 'U.S.' and 'United States' are 'United States').
  const location = new Set(places.map(({ name, place }) => place?.name ?? name))
  for (const { place } of places) {
    if (!place) continue
    const region = isLocal(place) && place.region ? g.regions.get(`${place.country}-${place.region}`) : undefined
    if (region) location.add(region.name)
    const nation = g.countries.get(place.country)
    if (nation) {
      location.add(nation.name)
      country.add(nation.country)
    }
  }
  return { location: [...location], country: [...country] }
}
