// Messages between the indexer and its parser workers.
import type { Chunk, ExtractedSymbol, ImportRecord, LineCounts } from '../model.js';

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
  /** Search chunks (spec §4.6); files without a parser get text or Markdown section chunks. */
  chunks: Chunk[];
  /** Milliseconds spent parsing and extracting. */
  parseMs: number;
}

/** A source whose comment and string-literal ranges are wanted (nothing is indexed). */
export interface LiteralsJob {
  path: string;
  language: string;
  source: string;
}

/** A comment or the literal text of a string (interpolated code excluded); 1-based, end inclusive. */
export interface LiteralRange {
  kind: 'comment' | 'string';
  start_line: number;
  start_col: number;
  end_line: number;
  end_col: number;
}

export interface LiteralsOutcome {
  path: string;
  /** Sorted by start; ranges never overlap. */
  ranges: LiteralRange[];
  /** Set when the source could not be parsed (ranges is then empty). */
  error?: string;
}

export interface WorkerRequest {
  id: number;
  jobs: ParseJob[];
  literals?: LiteralsJob[];
  /** Languages whose grammars and queries to load ahead of the first edit. */
  warm?: string[];
  maxFileSize: number;
  /** Parse and drop the tree, extracting nothing (the bench's parse-only floor). */
  parseOnly?: boolean;
}

export interface WorkerResponse {
  id: number;
  outcomes: ParseOutcome[];
  literals?: LiteralsOutcome[];
}
