// `bootstrap`: one budgeted call to orient an agent — summary, structure sized to the repository,
// conventions, code relevant to a task hint, and navigation advice. Each section is produced by
// its own operation within its share of the budget; a section that fails is skipped, not fatal.
import { z } from 'zod';
import { charBudget, codePoints } from '../engine/analysis/budget.js';
import { isCodeLanguage } from '../engine/discover/languages.js';
import { queryTerms, searchTerms } from '../engine/search/terms.js';
import { conventions } from './conventions.js';
import { READ_ONLY, defineOperation, estimateTokens, type Operation, type OperationContext } from './define.js';
import { waitForIndex } from './execute.js';
import { exploreCodebase } from './explore-codebase.js';
import { hotspots } from './hotspots.js';
import { projectSummary, summaryResult } from './project-summary.js';
import { repoMap } from './repo-map.js';
import { semanticSearchOp } from './semantic-search.js';

const DEPTHS = ['auto', 'eager', 'lazy', 'minimal'] as const;
type Depth = (typeof DEPTHS)[number];
const TIERS = ['small', 'medium', 'large'] as const;
type Tier = (typeof TIERS)[number];

/** Below this many discovered source files a repository is small (the large threshold is a setting). */
const SMALL_REPO_FILES = 100;
const SHARES_WITH_HINT = { summary: 0.38, structure: 0.38, conventions: 0.12, task: 0.12 };
const SHARES_WITHOUT_HINT = { summary: 0.4, structure: 0.44, conventions: 0.16, task: 0 };
/** Part of the structure share the medium tier gives its repo map (the rest goes to hotspots). */
const MEDIUM_MAP_SHARE = 0.7;
const HOTSPOTS_SHOWN = 10;
const CONVENTION_FILES = 25;
const LARGE_EXPLORE = { path: '', max_items: 20, importance_threshold: 0.3 };
const TASK_RESULTS = 5;
/** The smallest max_tokens repo_map and project_summary accept. */
const SUB_MIN_TOKENS = 200;
const NEEDS_SYMBOLS = 'needs the symbol index; indexing_depth=minimal uses discovery data only';
/** Longest failure reason and task hint quoted in the text, so neither can break the budget. */
const MAX_REASON = 200;
const MAX_HINT_TITLE = 80;

const GUIDANCE: Record<Tier, string> = {
  small: '  Small repository: the map above covers most of it. Read a file with symbols or file_analysis, find code '
    + 'by description with semantic_search and a definition by name with search_symbols, check cross_references before changing one and impact_analysis before editing shared files.',
  medium: '  Start from the hotspots and core files. Drill into one directory with explore_codebase or repo_map(path=…), '
    + 'find code by description with semantic_search and definitions with search_symbols, and run dependencies/impact_analysis before changing shared code.',
  large: '  Large repository: do NOT request the full repo_map. Drill down with explore_codebase(path=…) one directory at a '
    + 'time, find code with semantic_search (in words) or search_symbols (by name), and scope repo_map and conventions with path=.',
};

/** How long each depth waits for the initial index before answering from what exists. */
function waitBudget(depth: Depth, ctx: OperationContext): number {
  const s = ctx.project.settings;
  return depth === 'auto' ? s.wait_budget_ms : depth === 'eager' ? Math.floor(s.deadline_ms * 0.8) : 0;
}

const Section = z.object({
  id: z.string(),
  title: z.string(),
  tokens: z.number().int(),
  text: z.string(),
  /** The sub-operation's structured result. */
  data: z.record(z.string(), z.unknown()).optional(),
  /** Why the section has no content. */
  skipped: z.string().optional(),
});
type Section = z.infer<typeof Section>;

interface Produced { body: string; data?: Record<string, unknown> }

/** A context for a sub-operation: the caller's project and signal; notes are prefixed with the section. */
const subContext = (ctx: OperationContext, title: string): OperationContext => ({
  project: ctx.project, signal: ctx.signal, cite: ctx.cite, note: (m) => ctx.note(`${title}: ${m}`),
});

async function runOp<I extends z.ZodObject, O extends z.ZodObject>(ctx: OperationContext, title: string, op: Operation<I, O>,
  args: z.input<I>, budget?: number): Promise<Produced> {
  const out = await op.run(subContext(ctx, title), op.input.parse(args));
  const text = op.render(out);
  return { body: budget === undefined ? text : fitLines(text, budget), data: out as Record<string, unknown> };
}

/** Numbered item headers and labels whose detail lines follow them: never left dangling at a cut. */
const DANGLING = /^\s*(\d+\.\s.*|.*:)$|^\s*$/;

/** Whole lines of `text` within `budget` tokens, cut after a complete item, with a marker line. */
function fitLines(text: string, budget: number): string {
  if (estimateTokens(text) <= budget) return text;
  const lines = text.split('\n');
  const marker = (rest: number) => `  … ${rest} more lines cut to fit the bootstrap budget`;
  const limit = charBudget(budget) - codePoints(marker(lines.length)) - 1;
  let kept = 0;
  for (let used = 0; kept < lines.length && used + codePoints(lines[kept]!) + 1 <= limit; kept++) used += codePoints(lines[kept]!) + 1;
  while (kept > 0 && DANGLING.test(lines[kept - 1]!)) kept--;
  return kept ? [...lines.slice(0, kept), marker(lines.length - kept)].join('\n') : marker(lines.length);
}

async function section(ctx: OperationContext, id: string, title: string, produce: () => Promise<Produced>): Promise<Section> {
  const heading = `## ${title}`;
  try {
    const { body, data } = await produce();
    const text = `${heading}\n${body}`;
    return { id, title, tokens: estimateTokens(text), text, ...(data ? { data } : {}) };
  } catch (err) {
    return skippedSection(id, title, (err instanceof Error ? err.message : String(err)).slice(0, MAX_REASON));
  }
}

function skippedSection(id: string, title: string, reason: string): Section {
  const text = `## ${title}\n(skipped: ${reason})`;
  return { id, title, tokens: estimateTokens(text), text, skipped: reason };
}

/** Tokens a section body may use: its share minus its heading line. */
const bodyBudget = (title: string, share: number): number => Math.max(1, Math.floor(share) - estimateTokens(`## ${title}\n`) - 1);

/** Recalled learnings and accepted decisions shown for a task, at most. */
const TASK_LEARNINGS = 3;
const TASK_DECISIONS = 5;

/**
 * Project memory for a task (spec §4.3): the learnings `recall` finds for the hint (text matches
 * only) and the accepted ADRs whose title or decision shares a search term with it.
 */
async function memoryForHint(ctx: OperationContext, hint: string) {
  const memory = ctx.project.memory();
  const recalled = await memory.learnings.recall(hint, '', TASK_LEARNINGS);
  const learnings = recalled.results.filter((r) => r.matched).map(({ learning: l }) => ({ id: l.id, type: l.type, description: l.description }));
  const terms = new Set(queryTerms(hint));
  const decisions = memory.adrs.list({ status: 'accepted', tag: '', search: '', limit: 500 }).adrs
    .filter((a) => searchTerms(`${a.title}\n${a.decision}`).some((t) => terms.has(t)))
    .slice(0, TASK_DECISIONS).map((a) => ({ number: a.number, title: a.title }));
  return { learnings, decisions };
}

/** `## Relevant Code for: <hint>`: semantic_search's top results for the hint, then project memory. */
async function taskSection(ctx: OperationContext, hint: string, budget: number): Promise<Produced> {
  const sub = subContext(ctx, 'task');
  const found = await semanticSearchOp.run(sub, semanticSearchOp.input.parse({ query: hint, top_k: TASK_RESULTS }));
  const results = found.results.map((r) => ({ kind: r.kind, name: r.name, file_path: r.file_path, line: r.line, end_line: r.end_line, score: r.score }));
  const memory = await memoryForHint(ctx, hint);
  const lines = [`  Search: ${found.mode_used}${found.low_confidence ? ', low confidence — nothing clearly matches the hint' : ''}`];
  if (results.length) {
    lines.push('  Code:', ...results.map((r) => `    [${r.kind}] ${r.name || r.file_path}  ${r.file_path}:${r.line}-${r.end_line}`));
  }
  if (memory.learnings.length) {
    lines.push('  Learnings:', ...memory.learnings.map((l) => `    #${l.id} [${l.type}] ${l.description}`));
  }
  if (memory.decisions.length) {
    lines.push('  Decisions (accepted ADRs):', ...memory.decisions.map((a) => `    ADR #${a.number}: ${a.title}`));
  }
  if (!results.length && !memory.learnings.length) lines.push('  Nothing in the index or project memory matches the hint.');
  ctx.cite(results.map((r) => r.file_path));
  return {
    body: fitLines(lines.join('\n'), budget),
    data: { mode_used: found.mode_used, low_confidence: found.low_confidence, results, ...memory },
  };
}

export const bootstrap = defineOperation({
  name: 'bootstrap',
  title: 'Orientation in one call',
  description: 'Everything needed to start work, in one budgeted call: project summary, structure sized to the repository '
    + '(full map when small; map plus hotspots when medium; top-level overview plus hotspots when large), conventions, '
    + 'code relevant to an optional task hint, and navigation guidance. indexing_depth: auto waits briefly for the index, '
    + 'eager waits for all of it, lazy never waits, minimal uses discovery data only.',
  input: z.object({
    task_hint: z.string().max(2000).default('').describe('What you are about to do; focuses a section on the relevant code.'),
    max_tokens: z.number().int().min(1000).max(50_000).default(8000).describe('Token budget of the whole text (1,000..50,000).'),
    indexing_depth: z.enum(DEPTHS).default('auto').describe('auto | eager | lazy | minimal.'),
  }),
  output: z.object({
    tier: z.enum(TIERS),
    indexing_depth: z.enum(DEPTHS),
    /** Discovered source (code) files, which pick the tier. */
    source_files: z.number().int(),
    budget: z.object({ total: z.number().int(), used: z.number().int() }),
    sections: z.array(Section),
  }),
  annotations: READ_ONLY,
  route: { method: 'POST', path: '/bootstrap' },
  needsIndex: false,
  async run(ctx, input) {
    const { project } = ctx;
    const depth = input.indexing_depth;
    await waitForIndex(project, waitBudget(depth, ctx));
    const status = project.status();
    if (status.progress.phase !== 'idle') {
      ctx.note(`The index is still being built (indexing_depth=${depth}): sections use the files indexed so far.`);
    }
    const discovered = status.discovery?.files ?? [...project.graph().files.values()];
    const sourceFiles = discovered.filter((f) => isCodeLanguage(f.language)).length;
    const tier: Tier = sourceFiles >= project.settings.large_repo_files ? 'large' : sourceFiles < SMALL_REPO_FILES ? 'small' : 'medium';
    const empty = { tier, indexing_depth: depth, source_files: sourceFiles, budget: { total: input.max_tokens, used: 0 }, sections: [] };
    if (!project.graph().files.size) return empty;

    const minimal = depth === 'minimal';
    const hint = input.task_hint.trim();
    const guidance: Section = { id: 'guidance', title: 'Navigation Guidance', tokens: 0, text: `## Navigation Guidance\n${GUIDANCE[tier]}` };
    guidance.tokens = estimateTokens(guidance.text);
    const separators = 6; // one token of slack per section join and rounding
    const available = input.max_tokens - guidance.tokens - separators;
    const shares = hint ? SHARES_WITH_HINT : SHARES_WITHOUT_HINT;
    const share = (key: keyof typeof shares) => available * shares[key];

    const sections: Section[] = [];
    const summaryBudget = bodyBudget('Project Summary', share('summary'));
    sections.push(await section(ctx, 'summary', 'Project Summary', async () => {
      const out = summaryResult(subContext(ctx, 'summary'), Math.max(SUB_MIN_TOKENS, summaryBudget), minimal);
      return { body: fitLines(projectSummary.render(out), summaryBudget), data: out };
    }));

    const structure = share('structure');
    const hotspotsSection = async (budget: number) => (minimal
      ? skippedSection('hotspots', 'Hotspots', NEEDS_SYMBOLS)
      : section(ctx, 'hotspots', 'Hotspots', () => runOp(ctx, 'hotspots', hotspots, { top_n: HOTSPOTS_SHOWN }, bodyBudget('Hotspots', budget))));
    if (tier === 'large') {
      const exploreBudget = structure * MEDIUM_MAP_SHARE;
      sections.push(await section(ctx, 'structure', 'Top-Level Structure',
        () => runOp(ctx, 'structure', exploreCodebase, LARGE_EXPLORE, bodyBudget('Top-Level Structure', exploreBudget))));
      sections.push(await hotspotsSection(structure - exploreBudget));
    } else {
      const mapBudget = tier === 'medium' ? structure * MEDIUM_MAP_SHARE : structure;
      const mapBody = bodyBudget('Repository Map', mapBudget);
      sections.push(await section(ctx, 'structure', 'Repository Map', () => runOp(ctx, 'structure', repoMap,
        { include_symbols: !minimal, max_tokens: Math.max(SUB_MIN_TOKENS, mapBody), path: '' }, mapBody)));
      if (tier === 'medium') sections.push(await hotspotsSection(structure - mapBudget));
    }

    sections.push(minimal ? skippedSection('conventions', 'Conventions', NEEDS_SYMBOLS)
      : await section(ctx, 'conventions', 'Conventions', () => runOp(ctx, 'conventions', conventions,
        { sample_size: CONVENTION_FILES, path: '' }, bodyBudget('Conventions', share('conventions')))));

    if (hint) {
      const title = `Relevant Code for: ${hint.length > MAX_HINT_TITLE ? `${hint.slice(0, MAX_HINT_TITLE)}…` : hint}`;
      sections.push(minimal ? skippedSection('task', title, NEEDS_SYMBOLS)
        : await section(ctx, 'task', title, () => taskSection(ctx, hint, bodyBudget(title, share('task')))));
    }
    sections.push(guidance);
    return { ...empty, budget: { total: input.max_tokens, used: estimateTokens(renderSections(sections)) }, sections };
  },
  render(out) {
    return out.sections.length ? renderSections(out.sections) : 'No files discovered in this project.';
  },
});

const renderSections = (sections: readonly Section[]): string => sections.map((s) => s.text).join('\n\n');
