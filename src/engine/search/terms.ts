// Search terms for the keyword leg (spec §4.6): whole identifiers plus their camel/snake/acronym/
// digit parts, lower-cased, English words lightly stemmed (Porter), short tokens and a short stop
// list dropped. Documents and queries go through the same function, so `retryFailedRequest`,
// `retry_failed_requests` and "retries failed requests" all meet on `retri`, `fail`, `request`.
import { stemmer } from 'stemmer';
import { identifierTokens } from './identifiers.js';

/** Words too common in prose and code to tell chunks apart. Kept short on purpose: `get`, `set`, `new` stay. */
const STOP = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'do', 'does', 'for', 'from', 'how', 'if', 'in', 'is', 'it',
  'its', 'of', 'on', 'or', 'that', 'the', 'this', 'to', 'was', 'we', 'what', 'when', 'where', 'which', 'who',
  'why', 'with', 'there', 'then', 'than', 'these', 'those', 'our', 'you', 'your', 'can', 'will',
]);

const WORD = /[A-Za-z_$][A-Za-z0-9_$]*|\d+/g;
const MAX_WORD = 64; // longer runs are hashes, base64 or minified code: noise for ranking

/** Stemmed form of one lower-case part; digits and very short parts are left alone. */
function stem(part: string): string {
  return part.length > 3 && !/\d/.test(part) ? stemmer(part) : part;
}

/** The terms of one word. An identifier with parts yields its whole lower-cased form (unstemmed, so
 * an exact identifier query still matches it first) and each stemmed part. */
function wordTerms(word: string): readonly string[] {
  const out: string[] = [];
  const parts = identifierTokens(word);
  const whole = word.toLowerCase().replace(/^[_$]+|[_$]+$/g, '');
  if (parts.length > 1 && whole.length >= 2) out.push(whole);
  for (const p of parts) if (p.length >= 2 && !STOP.has(p)) out.push(stem(p));
  return out;
}

/**
 * Code repeats a small vocabulary, so each distinct word is split and stemmed once: indexing a
 * large repository spends most of its tokenising time on words already seen. Bounded by clearing.
 */
const memo = new Map<string, readonly string[]>();
const MEMO_LIMIT = 400_000;

/** Appends the terms of `text` to `out`. */
export function pushTerms(text: string, out: string[]): string[] {
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    if (word.length < 2 || word.length > MAX_WORD) continue;
    let terms = memo.get(word);
    if (!terms) {
      if (memo.size >= MEMO_LIMIT) memo.clear();
      terms = wordTerms(word);
      memo.set(word, terms);
    }
    for (const t of terms) out.push(t);
  }
  return out;
}

/** The terms of `text`, in order, duplicates kept (term frequency matters to BM25). */
export function searchTerms(text: string): string[] {
  return pushTerms(text, []);
}

/** The distinct terms of a query, in first-seen order. */
export function queryTerms(query: string): string[] {
  return [...new Set(searchTerms(query))];
}
