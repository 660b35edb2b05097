// Token budgets, measured on rendered text with the one shared estimate (spec §1.6), and the
// binary search that picks how many demotions a rendering needs to fit.

const CHARS_PER_TOKEN = 3.5;

export const codePoints = (text: string): number => {
  let n = 0;
  for (const _ of text) n++;
  return n;
};

/** Token estimate shared by every budget: ceil(code points / 3.5). */
export const estimateTokens = (text: string): number => Math.ceil(codePoints(text) / CHARS_PER_TOKEN);

/**
 * The most code points a text may have to stay within `maxTokens`: estimateTokens is a ceiling of
 * a linear function, so a token budget is exactly a character budget, and parts can be summed.
 */
export const charBudget = (maxTokens: number): number => Math.floor(maxTokens * CHARS_PER_TOKEN);

/** The largest token budget whose character allowance is at most `chars`. */
export const tokensWithin = (chars: number): number => Math.floor(chars / CHARS_PER_TOKEN);

/**
 * The fewest demotions in 0..`steps` after which `fits` holds, by binary search. Demotions
 * shrink a rendering almost monotonically; the answer always satisfies `fits` unless not even
 * `steps` demotions do, in which case `steps` is returned.
 */
export function fewestDemotions(steps: number, fits: (demotions: number) => boolean): number {
  if (fits(0)) return 0;
  let failing = 0;
  let fitting = steps;
  if (!fits(fitting)) return steps;
  while (fitting - failing > 1) {
    const mid = (failing + fitting) >> 1;
    if (fits(mid)) fitting = mid;
    else failing = mid;
  }
  return fitting;
}
