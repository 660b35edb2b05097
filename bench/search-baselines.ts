// The two baselines the search benchmark compares keyword search against (issue 7): what a user
// gets from `git grep -l` on the question's words, and textbook BM25 over whole files. Both rank
// files only, so they are scored at file level on the same mined cases.
import { execGit } from '../src/engine/history/git.js';
import { queryTerms } from '../src/engine/search/terms.js';

/** Lower-case runs of letters and digits: no identifier splitting, no stemming, no stop list. */
export function plainWords(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/**
 * The words grep is asked for: distinct plain words of 3 or more characters, unstemmed, minus the
 * keyword leg's stop words (a word the search tokenizer drops entirely, such as `the` or `where`).
 */
export function grepWords(query: string): string[] {
  return [...new Set(plainWords(query))].filter((w) => w.length >= 3 && queryTerms(w).length > 0);
}

/**
 * `git grep -l -i -F` once per query word (answers cached per word): files are ranked by how many
 * distinct query words they contain, ties by path. Only files in `candidates` (the index) count.
 */
export class GrepBaseline {
  private readonly cache = new Map<string, string[]>();

  constructor(private readonly root: string, private readonly candidates: ReadonlySet<string>) {}

  private async filesWith(word: string): Promise<string[]> {
    let files = this.cache.get(word);
    if (!files) {
      const out = await execGit(this.root, ['grep', '-l', '-i', '-F', '-I', '-e', word, '--', '.']);
      // git grep exits 1, silently, when nothing matches.
      if (!out.ok && (out.reason !== 'git_failed' || out.stderr)) throw new Error(`git grep failed (${out.reason}): ${out.stderr}`);
      files = out.ok ? out.stdout.split('\n').filter((p) => this.candidates.has(p)) : [];
      this.cache.set(word, files);
    }
    return files;
  }

  async rank(query: string): Promise<string[]> {
    const counts = new Map<string, number>();
    for (const word of grepWords(query)) for (const f of await this.filesWith(word)) counts.set(f, (counts.get(f) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([p]) => p);
  }
}

const K1 = 1.2;
const B = 0.75;

/**
 * Okapi BM25 (k1 1.2, b 0.75, idf = ln(1 + (N − n + 0.5) / (n + 0.5))) over whole files, one
 * document per file, tokenised by plainWords; query words count once each. With a `vocabulary`
 * only those words get postings, which bounds memory on a large corpus without changing any
 * score (document lengths still count every word).
 */
export class WholeFileBm25 {
  private readonly paths: string[] = [];
  private readonly lengths: number[] = [];
  private readonly postings = new Map<string, Array<[doc: number, tf: number]>>();
  private totalLength = 0;

  constructor(private readonly vocabulary?: ReadonlySet<string>) {}

  add(path: string, text: string): void {
    const doc = this.paths.length;
    const words = plainWords(text);
    this.paths.push(path);
    this.lengths.push(words.length);
    this.totalLength += words.length;
    const tf = new Map<string, number>();
    for (const w of words) if (!this.vocabulary || this.vocabulary.has(w)) tf.set(w, (tf.get(w) ?? 0) + 1);
    for (const [w, n] of tf) {
      let list = this.postings.get(w);
      if (!list) this.postings.set(w, (list = []));
      list.push([doc, n]);
    }
  }

  /** Files with a positive score, best first, ties by path. */
  rank(query: string): Array<{ path: string; score: number }> {
    const n = this.paths.length;
    const avgdl = n ? this.totalLength / n : 0;
    const scores = new Map<number, number>();
    for (const term of new Set(plainWords(query))) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
      for (const [doc, tf] of list) {
        const norm = tf + K1 * (1 - B + (B * this.lengths[doc]!) / avgdl);
        scores.set(doc, (scores.get(doc) ?? 0) + (idf * tf * (K1 + 1)) / norm);
      }
    }
    return [...scores].map(([doc, score]) => ({ path: this.paths[doc]!, score }))
      .sort((a, b) => b.score - a.score || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
}
