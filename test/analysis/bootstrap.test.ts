// bootstrap: size tiers pick the structure sections, budgets are honoured at every size, the task
// hint adds a keyword-search section, indexing_depth is validated and minimal skips symbol-based
// sections, a failing sub-operation is skipped rather than failing the call.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Project } from '../../src/engine/project.js';
import { bootstrap } from '../../src/operations/bootstrap.js';
import { estimateTokens } from '../../src/operations/define.js';
import { invoke } from '../../src/operations/execute.js';
import { hotspots } from '../../src/operations/hotspots.js';
import { operationNamed } from '../../src/operations/registry.js';
import { makeRepo, openIndexed, removeDir } from '../helpers/fixture.js';

type Section = { id: string; title: string; tokens: number; text: string; data?: Record<string, unknown>; skipped?: string };
type Out = {
  tier: string; indexing_depth: string; source_files: number; budget: { total: number; used: number }; sections: Section[];
  notes?: string[]; freshness?: unknown;
};

const SMALL: Record<string, string> = {
  'package.json': '{"name":"small-app","main":"src/app.ts"}',
  'src/app.ts': "import { formatName } from './util';\nimport { UserService } from './services/users';\n\n/** Starts the app. */\nexport function main(): string {\n  return formatName(new UserService().first());\n}\n",
  'src/util.ts': '/** Formats a user name. */\nexport function formatName(name: string): string {\n  return name.trim();\n}\n',
  'src/services/users.ts': "/** Users. */\nexport class UserService {\n  first(): string {\n    return 'ada';\n  }\n}\n",
  'scripts/report.py': 'def build_report(rows):\n    """Builds a report."""\n    return len(rows)\n',
  'README.md': '# small app\n',
};

const opened: Array<{ root: string; project: Project }> = [];
async function open(files: Record<string, string>, settings: Record<string, unknown> = {}): Promise<Project> {
  const root = makeRepo(files);
  const project = await openIndexed(root, settings);
  opened.push({ root, project });
  return project;
}
afterAll(async () => {
  for (const { root, project } of opened) {
    await project.close();
    removeDir(root);
  }
});
afterEach(() => { vi.restoreAllMocks(); });

async function run(project: Project, args: Record<string, unknown> = {}): Promise<{ out: Out; text: string }> {
  const res = await invoke(operationNamed('bootstrap')!, project, args);
  if (!res.ok) throw res.error;
  return { out: res.output as unknown as Out, text: res.text };
}

const rendered = (out: Out) => bootstrap.render(out as never);

describe('bootstrap on a small repository', () => {
  let project: Project;
  beforeAll(async () => { project = await open(SMALL); });

  it('gives summary, full map, conventions and guidance', async () => {
    const { out, text } = await run(project);
    expect(out).toMatchObject({ tier: 'small', indexing_depth: 'auto', source_files: 4 });
    expect(out.sections.map((s) => [s.id, s.title])).toEqual([
      ['summary', 'Project Summary'], ['structure', 'Repository Map'], ['conventions', 'Conventions'], ['guidance', 'Navigation Guidance'],
    ]);
    expect(text).toContain('## Project Summary\n## Overview\n  Name: small-app (from package.json)');
    expect(text).toContain('## Repository Map\n');
    expect(text).toContain('## Conventions\nConventions detected across 4 files');
    expect(text).toContain('Small repository: the map above covers most of it.');
    expect(out.sections.find((s) => s.id === 'summary')!.data).toMatchObject({ name: 'small-app' });
    expect(out.budget.total).toBe(8000);
    expect(out.budget.used).toBe(estimateTokens(rendered(out)));
    for (const s of out.sections) expect(s.tokens).toBe(estimateTokens(s.text));
  });

  it('adds the code relevant to a task hint, found by semantic_search', async () => {
    const { out, text } = await run(project, { task_hint: 'Fix how user names are formatted' });
    expect(out.sections.map((s) => s.id)).toEqual(['summary', 'structure', 'conventions', 'task', 'guidance']);
    const task = out.sections.find((s) => s.id === 'task')!;
    expect(task.title).toBe('Relevant Code for: Fix how user names are formatted');
    expect(task.data).toMatchObject({ mode_used: 'keyword', low_confidence: false });
    const results = task.data!.results as Array<{ name: string; file_path: string; line: number }>;
    expect(results[0]).toMatchObject({ name: 'formatName', file_path: 'src/util.ts' });
    expect(text).toContain(`    [function] formatName  src/util.ts:${results[0]!.line}-`);
  });

  it('joins project memory to the task: matching learnings and accepted decisions', async () => {
    const call = (name: string, args: Record<string, unknown>) => invoke(operationNamed(name)!, project, args);
    await call('record_learning', { type: 'gotcha', description: 'formatName trims user names before joining', scope: 'src/util.ts' });
    await call('record_learning', { type: 'pattern', description: 'Database sessions are pooled' });
    await call('record_adr', { title: 'Format names in one helper', context: 'Names were formatted in many places.', decision: 'Use formatName.', status: 'accepted' });
    await call('record_adr', { title: 'Name formatting by locale', context: 'Proposed only.', decision: 'Format by locale.' });
    const task = (await run(project, { task_hint: 'format user names' })).out.sections.find((s) => s.id === 'task')!;
    expect(task.data).toMatchObject({
      learnings: [{ type: 'gotcha', description: 'formatName trims user names before joining' }],
      decisions: [{ title: 'Format names in one helper' }], // the proposed ADR is left out
    });
    expect(task.text).toMatch(/ {2}Learnings:\n {4}#\d+ \[gotcha\] formatName trims user names before joining/);
    expect(task.text).toMatch(/ {2}Decisions \(accepted ADRs\):\n {4}ADR #\d+: Format names in one helper/);
  });

  it('honours max_tokens at every budget, deterministically', async () => {
    for (const hint of ['', 'format user names']) {
      for (const max of [1000, 1500, 2500, 4000, 8000]) {
        const a = await run(project, { task_hint: hint, max_tokens: max });
        const b = await run(project, { task_hint: hint, max_tokens: max });
        const { freshness: _f, ...rest } = a.out;
        expect({ ...b.out, freshness: undefined }).toEqual({ ...rest, freshness: undefined });
        expect(estimateTokens(rendered(a.out)), `hint=${hint} max=${max}`).toBeLessThanOrEqual(max);
        expect(a.out.budget.used).toBeLessThanOrEqual(max);
      }
    }
  });

  it('canonicalises indexing_depth, refuses unknown values and clamps the budget', async () => {
    expect((await run(project, { indexing_depth: 'LAZY' })).out.indexing_depth).toBe('lazy');
    const bad = await invoke(operationNamed('bootstrap')!, project, { indexing_depth: 'deep' });
    expect(bad.ok ? 'ok' : bad.error.code).toBe('invalid_argument');
    const { out } = await run(project, { max_tokens: 500 });
    expect(out.notes).toContain('max_tokens=500 is out of range; clamped to 1000.');
    const long = await invoke(operationNamed('bootstrap')!, project, { task_hint: 'x'.repeat(2001) });
    expect(long.ok ? 'ok' : long.error.code).toBe('too_large');
  });

  it('with indexing_depth=minimal uses discovery data and says which sections need symbols', async () => {
    const { out, text } = await run(project, { indexing_depth: 'minimal', task_hint: 'format names' });
    expect(out.sections.map((s) => [s.id, s.skipped])).toEqual([
      ['summary', undefined], ['structure', undefined],
      ['conventions', 'needs the symbol index; indexing_depth=minimal uses discovery data only'],
      ['task', 'needs the symbol index; indexing_depth=minimal uses discovery data only'],
      ['guidance', undefined],
    ]);
    expect(text).toContain('## Core Files\n  (needs the import graph; not computed with indexing_depth=minimal)');
    expect(text).toContain('## Conventions\n(skipped: needs the symbol index; indexing_depth=minimal uses discovery data only)');
    expect(out.sections.find((s) => s.id === 'structure')!.data).toMatchObject({ entries: expect.any(Array) });
    expect(text).not.toContain('[main]'); // the map lists no symbols
  });

  it('turns a failing sub-operation into a skipped section', async () => {
    vi.spyOn(hotspots, 'run').mockRejectedValue(new Error('boom'));
    const project2 = await open(SMALL, { large_repo_files: 3 });
    const { out, text } = await run(project2);
    expect(out.tier).toBe('large');
    expect(out.sections.find((s) => s.id === 'hotspots')).toMatchObject({ title: 'Hotspots', skipped: 'boom' });
    expect(text).toContain('## Hotspots\n(skipped: boom)');
  });
});

describe('bootstrap tiers', () => {
  it('gives a large repository its top-level structure, hotspots and drill-down advice', async () => {
    const project = await open(SMALL, { large_repo_files: 3 });
    const { out, text } = await run(project);
    expect(out).toMatchObject({ tier: 'large', source_files: 4 });
    expect(out.sections.map((s) => [s.id, s.title])).toEqual([
      ['summary', 'Project Summary'], ['structure', 'Top-Level Structure'], ['hotspots', 'Hotspots'], ['conventions', 'Conventions'],
      ['guidance', 'Navigation Guidance'],
    ]);
    expect(text).toContain('do NOT request the full repo_map');
    expect(out.sections.find((s) => s.id === 'hotspots')!.text).toContain('hotspots by complexity/coupling');
  });

  it('gives a medium repository a map and its hotspots', async () => {
    const files: Record<string, string> = { 'package.json': '{"name":"medium"}' };
    for (let i = 0; i < 100; i++) files[`pkg/m${String(i).padStart(3, '0')}.ts`] = `export const v${i} = ${i};\n`;
    const project = await open(files);
    for (const max of [1000, 3000]) {
      const { out } = await run(project, { max_tokens: max });
      expect(out).toMatchObject({ tier: 'medium', source_files: 100 });
      expect(out.sections.map((s) => s.id)).toEqual(['summary', 'structure', 'hotspots', 'conventions', 'guidance']);
      expect(estimateTokens(rendered(out)), `max=${max}`).toBeLessThanOrEqual(max);
    }
  });

  it('answers an empty project with the empty-project text', async () => {
    const project = await open({});
    const { out, text } = await run(project);
    expect(out.sections).toEqual([]);
    expect(text.split('\n')[0]).toBe('No files discovered in this project.');
  });
});
