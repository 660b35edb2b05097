// Messages between the indexer and its parser workers.
import type { ExtractedSymbol, ImportRecord, LineCounts } from '../model.js';

export interface ParseJob {
  path: string;
  abs: string;
  /** Language from the path; undefined = look for a shebang. */
  language?: string;
}

export const SKIP_REASONS = ['binary', 'minified', 'generated', 'no_parser', 'parse_failed', 'too_large', 'unreadable'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export interface ParseOutcome {
  path: string;
  hash: string;
  size: number;
  language?: string;
  status: 'ok' | 'partial' | 'skipped';
  skipReason?: SkipReason;
  /** Error text for parse_failed. */
  detail?: string;
  lines: LineCounts;
  parseErrors: number;
  namespace?: string;
  symbols: ExtractedSymbol[];
  imports: ImportRecord[];
  /** refs-codec JSON and the distinct referenced names. */
  refsJson: string;
  refNames: string[];
  /** Milliseconds spent parsing and extracting. */
  parseMs: number;
}

export interface WorkerRequest {
  id: number;
  jobs: ParseJob[];
  /** Languages whose grammars and queries to load ahead of the first edit. */
  warm?: string[];
  maxFileSize: number;
  /** Parse and drop the tree, extracting nothing (the bench's parse-only floor). */
  parseOnly?: boolean;
}

export interface WorkerResponse {
  id: number;
  outcomes: ParseOutcome[];
}
