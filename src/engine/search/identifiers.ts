// Identifier-aware tokenisation and edit distance for name matching: `HTTPServer` → http, server;
// `parse_file2` → parse, file, 2.
export function identifierTokens(id: string): string[] {
  return id
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .replace(/(\d)([A-Za-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((t) => t.toLowerCase());
}

/**
 * True when the Damerau-Levenshtein (optimal string alignment) distance of `a` and `b` is exactly 1.
 * Compares character codes in place: this runs over thousands of names per query.
 */
export function editDistanceIsOne(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === la && i === lb) return false; // equal
  const sameFrom = (ai: number, bi: number): boolean => {
    if (la - ai !== lb - bi) return false;
    for (; ai < la; ai++, bi++) if (a.charCodeAt(ai) !== b.charCodeAt(bi)) return false;
    return true;
  };
  if (la === lb) {
    if (sameFrom(i + 1, i + 1)) return true; // substitution
    return a.charCodeAt(i) === b.charCodeAt(i + 1) && a.charCodeAt(i + 1) === b.charCodeAt(i) && sameFrom(i + 2, i + 2); // transposition
  }
  return la > lb ? sameFrom(i + 1, i) : sameFrom(i, i + 1); // deletion / insertion
}
