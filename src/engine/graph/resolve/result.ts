// Collects one file's resolution: every import record must yield at least one edge, external
// package or unresolved entry (a record that yields nothing is reported unresolved; a computed
// specifier's literal head always is), self-edges
// are dropped (an import resolving to its own file is satisfied), and output is de-duplicated and
// sorted so equal inputs give equal results.
import type { ImportKind, ImportRecord, ParsedFile } from '../../model.js';
import type { FileResolution } from './types.js';

/** ImportRecord.form of a dynamic import whose specifier is only the literal head of a computed one. */
export const PREFIX_FORM = 'prefix';

export interface Sink {
  /** An edge at the record's line and specifier; kind defaults to edgeKind(record). */
  edge(target: string, kind?: ImportKind): void;
  external(pkg: string): void;
  unresolved(): void;
}

/** The edge kind an import record yields: `type_only`, `dynamic` and `include` are kept, anything else is `import`. */
export function edgeKind(record: ImportRecord): ImportKind {
  return record.kind === 'type_only' || record.kind === 'dynamic' || record.kind === 'include' ? record.kind : 'import';
}

export class ResolutionBuilder {
  private readonly edges = new Map<string, FileResolution['edges'][number]>();
  private readonly externals = new Map<string, FileResolution['external'][number]>();
  private readonly misses = new Map<string, FileResolution['unresolved'][number]>();

  constructor(private readonly from: string) {}

  edge(target: string, kind: ImportKind, line: number, specifier: string): void {
    if (target === this.from) return;
    this.edges.set(JSON.stringify([target, kind, line, specifier]), { target, kind, line, specifier });
  }

  external(specifier: string, pkg: string, line: number): void {
    this.externals.set(JSON.stringify([specifier, pkg, line]), { specifier, package: pkg, line });
  }

  unresolved(specifier: string, line: number): void {
    this.misses.set(JSON.stringify([specifier, line]), { specifier, line });
  }

  /** A sink bound to one record. */
  sinkFor(record: ImportRecord): Sink & { readonly touched: boolean } {
    let touched = false;
    return {
      edge: (target, kind = edgeKind(record)) => { touched = true; this.edge(target, kind, record.line, record.specifier); },
      external: (pkg) => { touched = true; this.external(record.specifier, pkg, record.line); },
      unresolved: () => { touched = true; this.unresolved(record.specifier, record.line); },
      get touched() { return touched; },
    };
  }

  build(): FileResolution {
    const byLine = (a: { line: number; specifier: string }, b: { line: number; specifier: string }): number =>
      a.line - b.line || cmp(a.specifier, b.specifier);
    return {
      edges: [...this.edges.values()].sort((a, b) =>
        a.line - b.line || cmp(a.target, b.target) || cmp(a.kind, b.kind) || cmp(a.specifier, b.specifier)),
      external: [...this.externals.values()].sort((a, b) => byLine(a, b) || cmp(a.package, b.package)),
      unresolved: [...this.misses.values()].sort(byLine),
    };
  }
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Runs `each` over the file's import records with a per-record sink; `extra` may add edges that
 * come from elsewhere (references). Records that produce nothing are reported unresolved.
 */
export function resolveRecords(
  from: string,
  parsed: ParsedFile,
  each: (record: ImportRecord, sink: Sink) => void,
  extra?: (out: ResolutionBuilder) => void,
): FileResolution {
  const out = new ResolutionBuilder(from);
  for (const record of parsed.imports) {
    const sink = out.sinkFor(record);
    // A computed specifier's literal head (`./plugins/`) names no file: probing it could only make a wrong edge.
    if (record.form !== PREFIX_FORM) each(record, sink);
    if (!sink.touched) sink.unresolved();
  }
  extra?.(out);
  return out.build();
}
