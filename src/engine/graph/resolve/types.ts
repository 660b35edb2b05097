// The contract between the index and the per-language import resolvers: what a resolver may
// look at (a read-only view of the project) and what it returns for one file.
import type { ImportKind, ParsedFile } from '../../model.js';

/** Read-only view of the indexed project that resolvers consult. Paths are POSIX, root-relative. */
export interface ProjectView {
  /** Every discovered file (parsed or not), e.g. `src/a.ts`, `go.mod`. */
  readonly files: ReadonlySet<string>;
  /** Text of a project file (used for manifests: tsconfig.json, go.mod, Cargo.toml, composer.json …). */
  readText(path: string): string | undefined;
  /** Files whose parsed `namespace` equals `ns` (Java/Kotlin/Scala packages, C# namespaces, PHP namespaces). */
  filesDeclaringNamespace(ns: string): readonly string[];
  /** Files with a top-level class-like symbol (class, struct, interface, trait, enum, type) named `name`. */
  filesDefiningType(name: string): readonly string[];
}

export interface ResolvedEdge {
  target: string;
  kind: ImportKind;
  /** Line of the import statement in the importing file (1-based); for `inferred` edges, the first use. */
  line: number;
  /** The specifier as written; for `inferred` edges, the type name. */
  specifier: string;
}

export interface FileResolution {
  edges: ResolvedEdge[];
  /** Imports of packages outside the project: `react`, `os`, `fmt`, `java.util`. */
  external: Array<{ specifier: string; package: string; line: number }>;
  /** Imports that look project-local but match no file. */
  unresolved: Array<{ specifier: string; line: number }>;
}

export interface LanguageResolver {
  /** Manifest basenames whose change must re-resolve this language's imports (`tsconfig.json`, `go.mod` …). */
  readonly inputs: readonly string[];
  resolve(from: string, parsed: ParsedFile, view: ProjectView): FileResolution;
}
