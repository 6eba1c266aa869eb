/**
 * Checks the shape of MiniSearch's serialized JSON (serialization version 2) before it is loaded,
 * so that a forged or corrupted engine section fails at load, not later inside a search.
 * Returns a description of the first problem, or `null`.
 */
export function engineJsonProblem(json: unknown, fieldCount: number): string | null {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return 'not an object'
  const j = json as Record<string, unknown>
  const isCount = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= 0
  const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
  if (j.serializationVersion !== 2) return 'unknown serialization version'
  if (!isCount(j.documentCount) || !isCount(j.nextId) || !isCount(j.dirtCount)) return 'bad counters'
  if (!isMap(j.documentIds) || !Object.entries(j.documentIds).every(([k, v]) => isCount(Number(k)) && typeof v === 'string')) return 'bad document ids'
  if (!isMap(j.fieldIds) || Object.keys(j.fieldIds).length !== fieldCount) return 'bad field ids'
  if (!Array.isArray(j.averageFieldLength) || j.averageFieldLength.length > fieldCount || !j.averageFieldLength.every((v) => typeof v === 'number' && Number.isFinite(v) && v >= 0)) {
    return 'bad average field lengths'
  }
  if (!isMap(j.fieldLength)) return 'bad field lengths'
  for (const [id, lengths] of Object.entries(j.fieldLength)) {
    if (!Object.hasOwn(j.documentIds, id) || !Array.isArray(lengths) || lengths.length !== fieldCount || !lengths.every((v) => v === undefined || v === null || isCount(v))) {
      return `bad field lengths of document ${id}`
    }
  }
  if (Object.keys(j.fieldLength).length !== Object.keys(j.documentIds).length) return 'field lengths do not match the documents'
  if (!Array.isArray(j.index)) return 'bad term index'
  for (const entry of j.index) {
    if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string' || !isMap(entry[1])) return 'bad term entry'
    for (const [field, postings] of Object.entries(entry[1])) {
      if (!isCount(Number(field)) || Number(field) >= fieldCount || !isMap(postings)) return `bad postings of '${entry[0]}'`
      for (const [doc, tf] of Object.entries(postings)) {
        if (!Object.hasOwn(j.documentIds, doc) || typeof tf !== 'number' || !Number.isFinite(tf) || tf <= 0) return `bad posting of '${entry[0]}'`
      }
    }
  }
  return null
}
