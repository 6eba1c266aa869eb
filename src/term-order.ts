/**
 * The order of terms by how many documents hold them, most first, then alphabetically: suggestions,
 * kept expansions and the term codes of token text all use it.
 */
export function compareByDocumentCount(term: string, documents: number, other: string, otherDocuments: number): number {
  return otherDocuments - documents || (term < other ? -1 : term > other ? 1 : 0)
}
