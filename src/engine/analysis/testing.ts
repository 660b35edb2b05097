// How a project tests itself, in every language: test files (by the shared path classification),
// the naming patterns they follow, and the frameworks named by their imports, by the manifests and
// by per-language rules (a Go `_test.go` file runs under `go test` whatever it imports).
import { z } from 'zod';
import { isCodeLanguage, isTestPath } from '../discover/languages.js';
import type { Project } from '../project.js';
import { manifestsOf } from './manifests.js';

export const TestFacts = z.object({
  count: z.number().int(),
  frameworks: z.array(z.string()),
  patterns: z.array(z.object({ pattern: z.string(), files: z.number().int() })),
});
export type TestFacts = z.infer<typeof TestFacts>;

/** Package a test file imports → the framework it implies. */
const TEST_IMPORTS: Record<string, string> = {
  pytest: 'pytest', unittest: 'unittest', hypothesis: 'hypothesis', vitest: 'vitest', jest: 'jest', '@jest/globals': 'jest',
  mocha: 'mocha', ava: 'ava', 'node:test': 'node:test', '@playwright/test': 'playwright', cypress: 'cypress',
  testing: 'go test', 'github.com/stretchr/testify': 'testify', 'org.junit': 'JUnit', 'org.testng': 'TestNG',
  'io.kotest': 'Kotest', 'org.scalatest': 'ScalaTest', Xunit: 'xUnit', NUnit: 'NUnit', 'Microsoft.VisualStudio': 'MSTest',
  rspec: 'rspec', minitest: 'minitest', 'PHPUnit\\Framework': 'PHPUnit',
};

/** Frameworks implied by a test file's language alone. */
const BY_LANGUAGE: Record<string, string> = { go: 'go test', rust: 'cargo test' };

/** Naming labels, most specific first; a test file matching none is labelled by its test folder. */
const NAME_PATTERNS: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^test_.*\.py$/, () => 'test_*.py'],
  [/_test\.(py|go)$/, (m) => `*_test.${m[1]}`],
  [/\.(test|spec)\.([cm]?[jt]sx?)$/, (m) => `*.${m[1]}.${m[2]}`],
  [/(Test|Tests|IT|Spec)\.(java|kt|scala|cs|php|swift)$/, (m) => `*${m[1]}.${m[2]}`],
  [/_spec\.rb$/, () => '*_spec.rb'],
];
const TEST_DIRS = new Set(['test', 'tests', '__tests__', 'spec', 'specs', 'testdata']);

/** The naming pattern a test path follows: `*.test.ts`, `test_*.py`, or `tests/` when only its folder says so. */
export function testPattern(path: string): string {
  const parts = path.split('/');
  const name = parts[parts.length - 1]!;
  for (const [re, label] of NAME_PATTERNS) {
    const m = re.exec(name);
    if (m) return label(m);
  }
  const dir = parts.slice(0, -1).find((p) => TEST_DIRS.has(p));
  return dir ? `${dir}/` : name;
}

/** Test files among `files` (code files only), their patterns and frameworks. */
export function testFacts(project: Project, files: ReadonlyArray<{ path: string; language: string | null }>): TestFacts {
  const imports = testImports(project);
  const patterns = new Map<string, number>();
  const frameworks = new Set<string>();
  let count = 0;
  for (const f of files) {
    if (!isCodeLanguage(f.language) || !isTestPath(f.path)) continue;
    count++;
    const pattern = testPattern(f.path);
    patterns.set(pattern, (patterns.get(pattern) ?? 0) + 1);
    const byLanguage = BY_LANGUAGE[f.language!];
    if (byLanguage) frameworks.add(byLanguage);
    for (const pkg of imports.get(f.path) ?? []) {
      const fw = TEST_IMPORTS[pkg] ?? Object.entries(TEST_IMPORTS).find(([k]) => pkg.startsWith(`${k}.`) || pkg.startsWith(`${k}/`))?.[1];
      if (fw) frameworks.add(fw);
    }
  }
  if (count) for (const fw of manifestsOf(project).testFrameworks) frameworks.add(fw);
  return {
    count,
    frameworks: [...frameworks].sort((a, b) => a.localeCompare(b)),
    patterns: [...patterns].map(([pattern, n]) => ({ pattern, files: n })).sort((a, b) => b.files - a.files || (a.pattern < b.pattern ? -1 : 1)),
  };
}

/** Test path → every external package it imports, standard libraries included (`unittest`, `testing`). */
function testImports(project: Project): Map<string, string[]> {
  return project.derived('analysis.test-imports', () => {
    const out = new Map<string, string[]>();
    for (const row of project.store.externalImporters()) {
      if (!isTestPath(row.path)) continue;
      out.set(row.path, [...(out.get(row.path) ?? []), row.package]);
    }
    return out;
  });
}
