// `project_summary`: a short written overview of the project, fitted to a token budget section by
// section in priority order; a section that does not fit whole is shortened to the items that fit.
import { z } from 'zod';
import { formatCount, plural } from '../engine/analysis/file-ranking.js';
import { summarize, type SummaryFacts } from '../engine/analysis/summary.js';
import { TestFacts } from '../engine/analysis/testing.js';
import { READ_ONLY, defineOperation, estimateTokens, type OperationContext, type Truncated } from './define.js';

const Layer = z.object({ count: z.number().int(), examples: z.array(z.string()) });

const SummaryOutput = z.object({
  name: z.string(),
  name_source: z.string(),
  total_files: z.number().int(),
  total_lines: z.number().int(),
  languages: z.array(z.object({ language: z.string(), files: z.number().int(), lines: z.number().int() })),
  entry_points: z.array(z.object({ path: z.string(), reason: z.string() })),
  core_files: z.array(z.object({ path: z.string(), fan_in: z.number().int(), fan_out: z.number().int() })),
  directories: z.array(z.object({ path: z.string(), files: z.number().int(), lines: z.number().int(), share: z.number() })),
  workspaces: z.array(z.object({ name: z.string(), path: z.string(), language: z.string() })),
  tech_stack: z.array(z.object({
    name: z.string(), package: z.string(), files: z.number().int(), framework: z.boolean(), source: z.enum(['imports', 'manifest']),
  })),
  layers: z.object({ foundation: Layer.optional(), integration: Layer.optional(), leaf: Layer.optional() }),
  tests: TestFacts.optional(),
  build_systems: z.array(z.string()),
  sections_shortened: z.array(z.string()),
  sections_omitted: z.array(z.string()),
  /** Built from discovery and manifests only (bootstrap with indexing_depth=minimal). */
  discovery_only: z.boolean(),
  max_tokens: z.number().int(),
});
type SummaryOutput = z.infer<typeof SummaryOutput>;

const n = formatCount;
const files = (x: number): string => plural(x, 'file');
const NEEDS_GRAPH = ['  (needs the import graph; not computed with indexing_depth=minimal)'];
const LAYER_RULES = { foundation: 'fan-in ≥5, fan-out ≤3', integration: 'fan-in ≥2, fan-out ≥2', leaf: 'fan-in ≤1, fan-out ≥3' } as const;

/**
 * A section: its items (what shortening removes, `min` of them at least), its lines under the
 * heading (undefined when it has nothing to say) and how to drop it.
 */
interface Section {
  title: string;
  size(o: SummaryOutput): number;
  min: number;
  cut(o: SummaryOutput, keep: number): SummaryOutput;
  body(o: SummaryOutput): string[] | undefined;
}

const list = <K extends 'entry_points' | 'core_files' | 'directories' | 'workspaces' | 'tech_stack' | 'build_systems'>(
  title: string, key: K, line: (o: SummaryOutput) => string[] | undefined, graph = false,
): Section => ({
  title, min: 1,
  size: (o) => o[key].length,
  cut: (o, keep) => ({ ...o, [key]: o[key].slice(0, keep) }),
  body: (o) => (graph && o.discovery_only ? NEEDS_GRAPH : o[key].length ? line(o) : undefined),
});

const LAYER_NAMES = ['foundation', 'integration', 'leaf'] as const;

/** In priority order, which is also the order of the text. */
const SECTIONS: readonly Section[] = [
  {
    title: 'Overview', min: 0,
    size: (o) => o.languages.length,
    cut: (o, keep) => ({ ...o, languages: o.languages.slice(0, keep) }),
    body: (o) => [
      `  Name: ${o.name} (from ${o.name_source})`,
      `  Size: ${files(o.total_files)}, ${n(o.total_lines)} lines`,
      ...(o.languages.length ? [`  Languages: ${o.languages.map((l) => `${l.language} (${n(l.files)})`).join(', ')}`] : []),
    ],
  },
  list('Entry Points', 'entry_points', (o) => o.entry_points.map((e) => `  ${e.path} — ${e.reason}`)),
  list('Core Files', 'core_files', (o) => o.core_files.map((c) => `  ${c.path}  fan-in ${c.fan_in}, fan-out ${c.fan_out}`), true),
  list('Directory Layout', 'directories', (o) => o.directories.map((d) => `  ${d.path}/  ${files(d.files)}, ${n(d.lines)} lines (${d.share}%)`)),
  list('Workspaces', 'workspaces', (o) => o.workspaces.map((w) => `  ${w.name}  ${w.path}/ (${w.language})`)),
  list('Tech Stack', 'tech_stack', (o) => o.tech_stack.map((t) => `  ${t.name}${t.name !== t.package ? ` (${t.package})` : ''} — `
    + `${t.source === 'imports' ? `imported by ${files(t.files)}` : 'declared in a manifest'}`), true),
  {
    title: 'Dependency Layers', min: 1,
    size: (o) => LAYER_NAMES.filter((k) => o.layers[k]).length,
    cut: (o, keep) => ({ ...o, layers: Object.fromEntries(LAYER_NAMES.filter((k) => o.layers[k]).slice(0, keep).map((k) => [k, o.layers[k]])) }),
    body: (o) => {
      if (o.discovery_only) return NEEDS_GRAPH;
      const lines = LAYER_NAMES.flatMap((k) => {
        const l = o.layers[k];
        return l?.count ? [`  ${k[0]!.toUpperCase()}${k.slice(1)} (${LAYER_RULES[k]}): ${files(l.count)} — ${l.examples.join(', ')}`] : [];
      });
      return lines.length ? lines : undefined;
    },
  },
  {
    title: 'Tests', min: 0,
    size: (o) => o.tests?.patterns.length ?? 0,
    cut: (o, keep) => (o.tests ? { ...o, tests: { ...o.tests, patterns: o.tests.patterns.slice(0, keep) } } : o),
    body: (o) => {
      const t = o.tests;
      if (!t) return undefined;
      if (!t.count) return ['  No test files found.'];
      return [
        `  ${n(t.count)} test ${t.count === 1 ? 'file' : 'files'}`,
        ...(t.frameworks.length ? [`  Frameworks: ${t.frameworks.join(', ')}`] : []),
        ...(t.patterns.length ? [`  Patterns: ${t.patterns.map((p) => `${p.pattern} (${n(p.files)})`).join(', ')}`] : []),
      ];
    },
  },
  list('Build System', 'build_systems', (o) => [`  ${o.build_systems.join(', ')}`]),
];

function drop(o: SummaryOutput, s: Section): SummaryOutput {
  const emptied = s.title === 'Tests' ? { ...o, tests: undefined } : s.title === 'Dependency Layers' ? { ...o, layers: {} } : s.cut(o, 0);
  return { ...emptied, sections_omitted: [...o.sections_omitted, s.title] };
}

const sectionText = (o: SummaryOutput, s: Section): string | undefined => {
  if (o.sections_omitted.includes(s.title)) return undefined;
  const body = s.body(o);
  return body ? [`## ${s.title}`, ...body].join('\n') : undefined;
};

function footer(o: SummaryOutput): string | undefined {
  if (!o.sections_shortened.length && !o.sections_omitted.length) return undefined;
  const parts = [
    o.sections_shortened.length ? `shortened: ${o.sections_shortened.join(', ')}` : '',
    o.sections_omitted.length ? `omitted: ${o.sections_omitted.join(', ')}` : '',
  ].filter(Boolean);
  return `… sections ${parts.join('; ')} (max_tokens=${o.max_tokens}); raise max_tokens for the full summary.`;
}

function renderSummary(o: SummaryOutput): string {
  if (!o.total_files) return 'No files discovered in this project.';
  const parts = SECTIONS.map((s) => sectionText(o, s)).filter((t): t is string => t !== undefined);
  const end = footer(o);
  return [...parts, ...(end ? [end] : [])].join('\n\n');
}

/** Adds sections by priority while the text fits `budget` tokens; a section that does not fit whole keeps the items that do. */
function fit(full: SummaryOutput, budget: number): SummaryOutput {
  let o = full;
  const fits = (candidate: SummaryOutput, upTo: number): boolean =>
    estimateTokens(SECTIONS.slice(0, upTo + 1).map((s) => sectionText(candidate, s)).filter((t) => t !== undefined).join('\n\n')) <= budget;
  SECTIONS.forEach((s, i) => {
    if (s.body(o) === undefined || fits(o, i)) return;
    let lo = s.min;
    let hi = s.size(o) - 1;
    let best = -1;
    while (lo <= hi) { // largest item count that fits
      const mid = (lo + hi) >> 1;
      if (fits(s.cut(o, mid), i)) { best = mid; lo = mid + 1; } else hi = mid - 1;
    }
    o = best >= 0 ? { ...s.cut(o, best), sections_shortened: [...o.sections_shortened, s.title] } : drop(o, s);
  });
  return o;
}

/** The worst-case footer, reserved when the sections alone do not fit. */
const FOOTER_RESERVE = estimateTokens(`\n\n… sections shortened: ; omitted: ${SECTIONS.map((s) => s.title).join(', ')} (max_tokens=50000); `
  + 'raise max_tokens for the full summary.') + 1;

/** The fitted summary; bootstrap calls it with `discoveryOnly` for indexing_depth=minimal. */
export function summaryResult(ctx: OperationContext, maxTokens: number, discoveryOnly: boolean): SummaryOutput & { truncated?: Truncated } {
  const facts: SummaryFacts = summarize(ctx.project, discoveryOnly);
  const full: SummaryOutput = {
    ...facts, sections_shortened: [], sections_omitted: [], discovery_only: discoveryOnly, max_tokens: maxTokens,
  };
  const fitted = estimateTokens(renderSummary(full)) <= maxTokens ? full : fit(full, maxTokens - FOOTER_RESERVE);
  ctx.cite([...fitted.entry_points.map((e) => e.path), ...fitted.core_files.map((c) => c.path)]);
  const total = SECTIONS.filter((s) => s.body(full) !== undefined).length;
  if (!fitted.sections_shortened.length && !fitted.sections_omitted.length) return fitted;
  return {
    ...fitted,
    truncated: {
      shown: total - fitted.sections_omitted.length, total, by: 'max_tokens',
      hint: `Sections shortened or omitted to fit max_tokens=${maxTokens}; raise max_tokens for the full summary.`,
    },
  };
}

export const projectSummary = defineOperation({
  name: 'project_summary',
  title: 'Project overview',
  description: 'A short overview of the project within a token budget: name, size and languages, entry points, core files '
    + 'by fan-in, directory layout, workspaces, tech stack from resolved imports, dependency layers, tests and build '
    + 'systems. Sections are added by priority; one that does not fit is shortened to the items that fit.',
  input: z.object({
    max_tokens: z.number().int().min(200).max(50_000).default(4000).describe('Token budget of the text (200..50,000).'),
  }),
  output: SummaryOutput,
  annotations: READ_ONLY,
  route: { method: 'GET', path: '/summary' },
  async run(ctx, { max_tokens }) {
    return summaryResult(ctx, max_tokens, false);
  },
  render: renderSummary,
});
