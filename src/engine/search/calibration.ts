// "No confident match" (spec §4.6): each repository learns what a meaningless query scores. A
// fixed, seeded set of made-up queries built from everyday words is run through the keyword leg;
// the 95th percentile of their best BM25 score per query term becomes the bar a real query's best
// hit must clear. Everyday words rather than random letters, because chance matches of real words
// are exactly the noise the bar has to sit above.
import { seededRandom } from '../random.js';

const WORDS = [
  'apple', 'banana', 'violin', 'orchestra', 'giraffe', 'umbrella', 'meadow', 'lantern', 'harbor', 'pepper',
  'velvet', 'canyon', 'glacier', 'pumpkin', 'saddle', 'trumpet', 'whisker', 'blossom', 'marble', 'compass',
  'tulip', 'sparrow', 'volcano', 'pillow', 'cactus', 'dolphin', 'feather', 'jungle', 'kettle', 'lemon',
  'mango', 'needle', 'olive', 'parrot', 'quilt', 'riddle', 'squirrel', 'tornado', 'unicorn', 'walnut',
  'yogurt', 'zebra', 'anchor', 'biscuit', 'candle', 'donkey', 'eclipse', 'falcon', 'garlic', 'hammock',
  'igloo', 'jasmine', 'koala', 'lobster', 'mermaid', 'nectar', 'oyster', 'pelican', 'quartz', 'raccoon',
  'saffron', 'tiger', 'waffle', 'vineyard', 'wizard', 'banjo', 'cherry', 'dragon', 'emerald', 'flamingo',
  'grape', 'hazel', 'island', 'jelly', 'kayak', 'llama', 'muffin', 'noodle', 'orchid', 'panda',
  'rainbow', 'sunset', 'teapot', 'velcro', 'willow', 'almond', 'beetle', 'coconut', 'daisy', 'elbow',
  'fiddle', 'gorilla', 'honey', 'ivory', 'jacket', 'ketchup', 'lizard', 'mustard', 'nutmeg', 'otter',
  'pretzel', 'rooster', 'spinach', 'turnip', 'vanilla', 'wombat', 'badger', 'cobweb', 'dune', 'fjord',
];

export const CALIBRATION_QUERIES = 40;
const SEED = 20_261_123;

/** The fixed set of made-up queries, 2–5 words each; the same on every machine and run. */
export function nonsenseQueries(count = CALIBRATION_QUERIES, seed = SEED): string[] {
  const next = seededRandom(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = 2 + Math.floor(next() * 4);
    const words: string[] = [];
    for (let j = 0; j < n; j++) words.push(WORDS[Math.floor(next() * WORDS.length)]!);
    out.push(words.join(' '));
  }
  return out;
}

/** The 95th percentile (nearest rank) of `values`; 0 for none. */
export function percentile95(values: readonly number[]): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)]!;
}

/** A repository's learned bars; `cosine` only when vectors took part. */
export interface Calibration { generation: number; bm25_per_term: number; cosine?: number; queries: number }
