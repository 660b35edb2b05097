// `conventions`: how this codebase writes code, per language, and where parts of it differ.
import { z } from 'zod';
import { ConventionStats, Divergence, NAMING_STYLES, OPTIONALLY_TYPED, detectConventions, type NamingKind } from '../engine/analysis/conventions.js';
import { quantile } from '../engine/analysis/metrics.js';
import { TestFacts } from '../engine/analysis/testing.js';
import { READ_ONLY, defineOperation } from './define.js';
import { dirOrFile, pathParam } from './shared.js';

const pct = (part: number, whole: number): number => (whole ? Math.round(part / whole * 100) : 0);

const METRIC_LABELS: Record<string, string> = {
  typed_params: 'parameters typed', typed_return: 'functions with return types', documented_functions: 'functions documented',
  async_functions: 'functions async',
};

const KIND_LABELS: Record<NamingKind, string> = { function: 'functions', class: 'classes', variable: 'top-level variables', file: 'files' };

/** `functions 90% camelCase, 10% snake_case of 40 (+20 single-word lowercase)`; undefined when nothing was named. */
function namingLine(kind: NamingKind, counts: ConventionStats['naming'][NamingKind]): string | undefined {
  const entries = NAMING_STYLES.map((style) => [style, counts[style] ?? 0] as const).filter(([, n]) => n > 0);
  const single = counts.lowercase ?? 0;
  const styled = entries.filter(([style]) => style !== 'lowercase');
  const total = styled.reduce((sum, [, n]) => sum + n, 0);
  if (!total && !single) return undefined;
  if (!total) return `${KIND_LABELS[kind]} all single-word lowercase (${single})`;
  const parts = styled.sort((a, b) => b[1] - a[1]).slice(0, 3).map(([style, n]) => `${pct(n, total)}% ${style}`);
  return `${KIND_LABELS[kind]} ${parts.join(', ')} of ${total}${single ? ` (+${single} single-word lowercase)` : ''}`;
}

function topCounts(counts: Record<string, number>, n: number): Array<[string, number]> {
  return Object.entries(counts).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n);
}

function languageBlock(language: string, s: ConventionStats, tests: TestFacts | undefined): string[] {
  const lines = [`${language} (${s.files} file${s.files === 1 ? '' : 's'}):`];
  const naming = (['function', 'class', 'variable', 'file'] as const).map((k) => namingLine(k, s.naming[k])).filter((l): l is string => !!l);
  if (naming.length) lines.push(`  Naming: ${naming.join('; ')}`);
  if (OPTIONALLY_TYPED.has(language) && s.total_functions) {
    if (!s.typed_functions) lines.push('  Type hints: not extracted for these files');
    else {
      lines.push(`  Type hints: ${pct(s.typed_return, s.typed_functions)}% functions have return types`);
      lines.push(`    ${pct(s.typed_params, s.total_params)}% parameters have type annotations (${s.typed_params}/${s.total_params})`);
    }
  }
  if (s.total_functions || s.total_classes) {
    lines.push(`  Docstrings: ${pct(s.has_docstring_fn, s.total_functions)}% of functions, ${pct(s.has_docstring_cls, s.total_classes)}% of classes`);
  }
  if (s.total_functions) {
    lines.push(`  Visibility: ${100 - pct(s.private_functions, s.total_functions)}% public, ${pct(s.private_functions, s.total_functions)}% private`);
    if (s.staticmethod_count || s.classmethod_count || s.property_count) {
      lines.push(`  Method types: ${s.staticmethod_count} @staticmethod, ${s.classmethod_count} @classmethod, ${s.property_count} @property`);
    }
    lines.push(`  Async: ${pct(s.async_count, s.total_functions)}% of functions are async (${s.async_count}/${s.total_functions})`);
  }
  if (s.total_imports) {
    if (language === 'python') {
      lines.push(`  Imports: ${pct(s.from_imports, s.total_imports)}% use 'from X import Y' style, ${pct(s.relative_imports, s.total_imports)}% relative`
        + `${s.all_exports_count ? `; __all__ in ${s.all_exports_count} file${s.all_exports_count === 1 ? '' : 's'}` : ''}`);
    } else if (language === 'typescript' || language === 'javascript') {
      lines.push(`  Imports: ${pct(s.esm_imports, s.total_imports)}% ES modules, ${pct(s.cjs_imports, s.total_imports)}% CommonJS; `
        + `${s.named_imports} named, ${s.default_imports} default, ${s.namespace_imports} namespace; ${s.type_imports} import type; `
        + `${pct(s.relative_imports, s.total_imports)}% relative, ${pct(s.alias_imports, s.total_imports)}% path aliases (${s.total_imports} imports)`);
    } else {
      lines.push(`  Imports: ${s.total_imports} imports, ${pct(s.relative_imports, s.total_imports)}% relative`);
    }
  }
  const decorators = topCounts(s.decorator_counts, 8);
  if (decorators.length) lines.push('  Popular decorators:', ...decorators.map(([d, n]) => `    @${d} (${n}x)`));
  const patterns: string[] = [];
  if (s.dataclass_count) {
    const options = [s.dataclass_slots ? `${s.dataclass_slots} slots=True` : '', s.dataclass_frozen ? `${s.dataclass_frozen} frozen=True` : ''].filter(Boolean);
    patterns.push(`    dataclasses: ${s.dataclass_count}${options.length ? ` (${options.join(', ')})` : ''}`);
  }
  if (s.abstract_count) patterns.push(`    abstract classes: ${s.abstract_count}`);
  const bases = topCounts(s.base_classes, 5);
  if (bases.length) patterns.push(`    common bases: ${bases.map(([b, n]) => `${b} (${n}x)`).join(', ')}`);
  if (patterns.length) lines.push('  Class patterns:', ...patterns);
  if (s.exception_classes.length) {
    const names = new Set(s.exception_classes.map((c) => c.name));
    const roots = s.exception_classes.filter((c) => !c.bases.some((b) => names.has(b)));
    lines.push('  Error hierarchy:');
    for (const root of roots) {
      const subtypes = s.exception_classes.filter((c) => c.bases.includes(root.name)).map((c) => c.name);
      lines.push(`    ${root.name} (${root.bases.join(', ')})${subtypes.length ? ` ← ${subtypes.join(', ')}` : ''}`);
    }
  }
  if (tests?.count) {
    lines.push(`  Tests: ${tests.count} file${tests.count === 1 ? '' : 's'}${tests.frameworks.length ? `, ${tests.frameworks.join(', ')}` : ''}; `
      + `naming ${tests.patterns.slice(0, 3).map((p) => `${p.pattern} (${p.files})`).join(', ')}`);
  }
  if (s.file_sizes.length) {
    const avg = Math.round(s.file_sizes.reduce((a, b) => a + b, 0) / s.file_sizes.length);
    lines.push(`  Module size: avg ${avg} lines, median ${Math.round(quantile(s.file_sizes, 0.5))} lines (${s.file_sizes.length} files)`);
  }
  return lines;
}

export const conventions = defineOperation({
  name: 'conventions',
  title: 'Coding conventions',
  description: 'How this codebase writes code, per language, over its most important parsed files: naming styles per '
    + 'symbol kind and for files, type annotations, documentation, visibility, async, decorators, class patterns, error '
    + 'hierarchy, import style, tests and module size; plus directories (or the given scope) that differ from the project.',
  input: z.object({
    sample_size: z.number().int().min(1).max(500).default(50).describe('Number of most important files sampled (1..500).'),
    path: pathParam('Directory to scope to; empty for the whole project.').default(''),
  }),
  output: z.object({
    sample_size: z.number().int(),
    path: z.string(),
    files_analyzed: z.number().int(),
    languages: z.array(z.string()),
    stats: ConventionStats,
    by_language: z.record(z.string(), ConventionStats),
    tests: z.record(z.string(), TestFacts),
    dir_stats: z.record(z.string(), ConventionStats),
    divergence: z.array(Divergence),
    discovered_files: z.number().int(),
  }),
  annotations: READ_ONLY,
  route: { method: 'GET', path: '/conventions' },
  async run(ctx, input) {
    const { project } = ctx;
    // A file path is taken as a scope holding no sampled files.
    const dir = dirOrFile(ctx, 'path', input.path).path;
    const report = detectConventions(project, dir, input.sample_size);
    return { sample_size: input.sample_size, path: dir, ...report, discovered_files: project.graph().files.size };
  },
  render(out) {
    if (!out.discovered_files) return 'No files discovered in this project.';
    if (!out.files_analyzed) return `No parsed files found in '${out.path || '.'}'.`;
    const mix = out.languages.map((l) => `${l} ${out.by_language[l]!.files}`).join(', ');
    const lines = [`Conventions detected across ${out.files_analyzed} files${out.path ? ` in '${out.path}'` : ''} (${mix}):`];
    for (const language of out.languages) lines.push('', ...languageBlock(language, out.by_language[language]!, out.tests[language]));
    const diff = (d: (typeof out.divergence)[number]) =>
      `  ${d.dir} (${d.language}): ${METRIC_LABELS[d.metric] ?? d.metric} ${Math.round(d.dir_value)}% vs ${Math.round(d.project_value)}% project-wide`;
    if (out.path) {
      lines.push('');
      if (out.divergence.length) lines.push('Compared with project-wide conventions:', ...out.divergence.map(diff));
      else lines.push('(Matches project-wide conventions.)');
    } else if (out.divergence.length) {
      lines.push('', 'Convention divergence:', ...out.divergence.map(diff));
    }
    return lines.join('\n');
  },
});
