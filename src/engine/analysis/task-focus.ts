// The code a task hint points at, found by keyword: the hint's words become symbol-name queries,
// and files rank by their best symbol match per word plus words found in their path. Bootstrap
// uses it until semantic_search exists.

/** Words that say what to do rather than where: they never name code. */
const STOPWORDS = new Set(`the and for with from into that this these those when where which what why how are was were
be been being has have had not but all any can could should would will shall may might must its it's our your their there
here then than also only just some more most less very such each other about after before over under add adds adding fix
fixes fixing bug bugs issue issues make makes making use uses using update updates change changes new implement implementing
support supports remove removes need needs want wants code file files function functions method methods class classes test
tests work works working does doing done get gets set sets way like`.split(/\s+/));

const MAX_WORDS = 8;

/**
 * An English inflection stripped from a lowercase prose word so it matches identifiers by prefix:
 * `names` → name, `formatted` → format, `caching` → cach. Identifiers (with capitals, digits or
 * underscores) are kept as written.
 */
function stem(word: string): string {
  if (!/^[a-z]+$/.test(word)) return word;
  const cut = (suffix: RegExp, undouble = false): string | undefined => {
    const base = word.replace(suffix, '');
    if (base === word || base.length < 3) return undefined;
    return undouble && /([b-df-hj-np-tv-z])\1$/.test(base) ? base.slice(0, -1) : base; // formatt(ed) → format
  };
  return (word.endsWith('ies') ? cut(/ies$/)?.concat('y') : undefined) ?? cut(/ing$/, true) ?? cut(/ed$/, true)
    ?? cut(/(?<=(?:s|x|ch|sh))es$/) ?? cut(/(?<!s)s$/) ?? word;
}

/**
 * Searchable terms of a hint: words of 3+ characters, stopwords dropped, prose words stemmed, first
 * occurrence kept (case-insensitively).
 */
export function hintWords(hint: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const word of hint.match(/[A-Za-z_$][\w$]*/g) ?? []) {
    const lower = word.toLowerCase();
    if (word.length < 3 || STOPWORDS.has(lower)) continue;
    const term = stem(word);
    if (seen.has(term.toLowerCase())) continue;
    seen.add(term.toLowerCase());
    out.push(term);
    if (out.length === MAX_WORDS) break;
  }
  return out;
}

export interface WordHit { word: string; file_path: string; score: number }

export interface TaskFile { path: string; score: number; symbol_matches: number; path_words: string[] }

/** Weight of a hint word found in a file's path, next to symbol scores in 0..1. */
const PATH_WORD = 0.5;

/**
 * Files ranked for the hint: per word, the file's best symbol score, plus PATH_WORD for each word
 * its path contains (case-insensitively); best first, ties by path.
 */
export function rankTaskFiles(hits: readonly WordHit[], words: readonly string[], paths: Iterable<string>, limit: number): TaskFile[] {
  const best = new Map<string, Map<string, number>>();
  const matches = new Map<string, number>();
  for (const h of hits) {
    const perWord = best.get(h.file_path) ?? new Map<string, number>();
    perWord.set(h.word, Math.max(perWord.get(h.word) ?? 0, h.score));
    best.set(h.file_path, perWord);
    matches.set(h.file_path, (matches.get(h.file_path) ?? 0) + 1);
  }
  const out: TaskFile[] = [];
  for (const path of paths) {
    const lower = path.toLowerCase();
    const pathWords = words.filter((w) => lower.includes(w.toLowerCase()));
    const symbolScore = [...(best.get(path)?.values() ?? [])].reduce((a, b) => a + b, 0);
    const score = symbolScore + PATH_WORD * pathWords.length;
    if (score > 0) out.push({ path, score: Math.round(score * 1000) / 1000, symbol_matches: matches.get(path) ?? 0, path_words: pathWords });
  }
  return out.sort((a, b) => b.score - a.score || (a.path < b.path ? -1 : 1)).slice(0, limit);
}
