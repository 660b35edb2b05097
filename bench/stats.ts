// Small numeric helpers every benchmark shares: percentiles, peak RSS, rounding, a seeded PRNG.

export const percentile = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

/** Peak resident set size of this process so far, in MB. */
export const rssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);

export const round = (n: number, d = 1): number => Math.round(n * 10 ** d) / 10 ** d;

/** A deterministic pseudo-random sequence, so runs pick the same samples. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}
