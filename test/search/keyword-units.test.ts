// Exact behaviour of the keyword leg's pure parts: tokenisation, fusion order, the calibration set.
import { describe, expect, it } from 'vitest';
import { nonsenseQueries, percentile95 } from '../../src/engine/search/calibration.js';
import { fuse, keywordDominates } from '../../src/engine/search/fusion.js';
import { queryTerms, searchTerms } from '../../src/engine/search/terms.js';

describe('search terms', () => {
  it('splits camelCase, snake_case, acronyms and digits, keeping the whole identifier', () => {
    expect(searchTerms('retryFailedRequest')).toEqual(['retryfailedrequest', 'retri', 'fail', 'request']);
    expect(searchTerms('parse_http_header2')).toEqual(['parse_http_header2', 'pars', 'http', 'header']); // lone digit dropped
    expect(searchTerms('HTTPServer')).toEqual(['httpserver', 'http', 'server']);
    expect(searchTerms('utf8Decode')).toEqual(['utf8decode', 'utf', 'decod']);
    expect(searchTerms('sha256Sum')).toEqual(['sha256sum', 'sha', '256', 'sum']);
  });

  it('stems prose so words meet identifier parts, and drops stop words and one-letter tokens', () => {
    expect(searchTerms('where do we retry failed requests?')).toEqual(['retri', 'fail', 'request']);
    expect(searchTerms('How is the session cookie signed')).toEqual(['session', 'cooki', 'sign']);
    expect(searchTerms('a b x = y + 42')).toEqual(['42']);
  });

  it('keeps duplicates for term frequency; queryTerms makes them distinct', () => {
    expect(searchTerms('retry retries retrying')).toEqual(['retri', 'retri', 'retri']);
    expect(queryTerms('retry retries getRetry')).toEqual(['retri', 'getretry', 'get']);
  });

  it('ignores runs too long to be words (hashes, base64)', () => {
    expect(searchTerms(`${'a'.repeat(80)} token`)).toEqual(['token']);
  });
});

describe('reciprocal-rank fusion', () => {
  const hit = (chunk_id: string, path: string, score: number) => ({ chunk_id, path, score });

  it('weights the keyword leg 0.6 by default and sums both legs', () => {
    const keyword = [hit('a', 'x.ts', 5), hit('b', 'y.ts', 4.9), hit('c', 'z.ts', 1)];
    const vector = [hit('c', 'z.ts', 0.9), hit('b', 'y.ts', 0.8), hit('d', 'w.ts', 0.7)];
    const fused = fuse(keyword, vector, { keyword_weight: 0.6 });
    expect(fused.map((f) => f.chunk_id)).toEqual(['b', 'c', 'a', 'd']);
    expect(fused[0]).toEqual({ chunk_id: 'b', rrf: 0.6 / 62 + 0.4 / 62, keyword_rank: 2, vector_rank: 2 });
    expect(fused[2]).toEqual({ chunk_id: 'a', rrf: 0.6 / 61, keyword_rank: 1 });
  });

  it('lets a clearly leading keyword hit dominate when its file is in the vector top 3', () => {
    const keyword = [hit('a', 'x.ts', 9), hit('b', 'y.ts', 3)];
    const vector = [hit('c', 'z.ts', 0.9), hit('d', 'w.ts', 0.8), hit('e', 'x.ts', 0.7)];
    expect(keywordDominates(keyword, vector)).toBe(true);
    const fused = fuse(keyword, vector, { keyword_weight: 0.6 });
    expect(fused.map((f) => f.chunk_id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(fused[0]!.rrf).toBeCloseTo(0.6 / 11, 12);
    expect(keywordDominates([hit('a', 'x.ts', 9), hit('b', 'y.ts', 7)], vector)).toBe(false); // no clear lead
    expect(keywordDominates(keyword, vector.slice(0, 2))).toBe(false); // top file not in the vector top 3
  });

  it('breaks ties by chunk id', () => {
    expect(fuse([hit('b', 'y', 1)], [hit('a', 'x', 1)], { keyword_weight: 0.5 }).map((f) => f.chunk_id)).toEqual(['a', 'b']);
  });
});

describe('calibration set', () => {
  it('is fixed: the same made-up queries on every run', () => {
    const a = nonsenseQueries();
    expect(a).toHaveLength(40);
    expect(nonsenseQueries()).toEqual(a);
    for (const q of a) expect(q.split(' ').length).toBeGreaterThanOrEqual(2);
  });

  it('takes the nearest-rank 95th percentile', () => {
    expect(percentile95([])).toBe(0);
    expect(percentile95(Array.from({ length: 20 }, (_, i) => i + 1))).toBe(19);
    expect(percentile95([3])).toBe(3);
  });
});
