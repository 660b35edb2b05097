// community_detection and find_related on graphs whose answer is known by construction: two dense
// clusters in two folders joined by one bridge edge, a pair, isolated files; a star that has no
// cluster structure; co-change from a real git history.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../src/engine/project.js';
import { invoke } from '../../src/operations/execute.js';
import { operationNamed } from '../../src/operations/registry.js';
import { makeRepo, openIndexed, removeDir } from '../helpers/fixture.js';

/** TypeScript files in `dir` where each imports every later one: a dense cluster. */
const clique = (dir: string, names: string[]): Record<string, string> => Object.fromEntries(names.map((n, i) => [`${dir}/${n}.ts`,
  `${names.slice(i + 1).map((m) => `import { ${m} } from './${m}';`).join('\n')}\nexport const ${n} = 1;\n`]));

// alpha: a1..a4 all linked, a5 → a1. beta: b1..b4 all linked, beta/sub/b5 → b1, b2. Bridge a1 → b1.
// gamma: a pair. misc/lonely.ts and README.md have no edge.
const CLUSTERS: Record<string, string> = {
  ...clique('alpha', ['a1', 'a2', 'a3', 'a4']),
  'alpha/a5.ts': "import { a1 } from './a1';\nexport const a5 = 1;\n",
  ...clique('beta', ['b1', 'b2', 'b3', 'b4']),
  'beta/sub/b5.ts': "import { b1 } from '../b1';\nimport { b2 } from '../b2';\nexport const b5 = 1;\n",
  'gamma/g1.ts': "import { g2 } from './g2';\nexport const g1 = 1;\n",
  'gamma/g2.ts': 'export const g2 = 1;\n',
  'misc/lonely.ts': 'export const lonely = 1;\n',
  'README.md': '# demo\n',
};
CLUSTERS['alpha/a1.ts'] = `import { b1 } from '../beta/b1';\n${CLUSTERS['alpha/a1.ts']!}`;

const ALPHA = ['alpha/a1.ts', 'alpha/a2.ts', 'alpha/a3.ts', 'alpha/a4.ts', 'alpha/a5.ts'];
const BETA = ['beta/b1.ts', 'beta/b2.ts', 'beta/b3.ts', 'beta/b4.ts', 'beta/sub/b5.ts'];

let root: string;
let project: Project;

beforeAll(async () => {
  root = makeRepo(CLUSTERS);
  project = await openIndexed(root);
});
afterAll(async () => { await project.close(); removeDir(root); });

async function call(p: Project, name: string, args: Record<string, unknown>) {
  const res = await invoke(operationNamed(name)!, p, args);
  if (!res.ok) throw res.error;
  const { freshness: _f, ...output } = res.output;
  return { output: output as Record<string, any>, text: res.text };
}

/** Modularity of a partition of an unweighted graph: Σ_c (L_c/m − (d_c/2m)²). */
function modularity(edges: Array<[string, string]>, parts: string[][]): number {
  const m = edges.length;
  return parts.reduce((q, part) => {
    const inside = new Set(part);
    const l = edges.filter(([a, b]) => inside.has(a) && inside.has(b)).length;
    const d = edges.reduce((n, [a, b]) => n + (inside.has(a) ? 1 : 0) + (inside.has(b) ? 1 : 0), 0);
    return q + l / m - (d / (2 * m)) ** 2;
  }, 0);
}

describe('community_detection', () => {
  it('finds the two clusters with their themes, hubs, edge counts and the bridge', async () => {
    const { output } = await call(project, 'community_detection', {});
    expect(output.method).toBe('louvain');
    expect(output.communities).toEqual([
      { id: 1, files: ALPHA, size: 5, theme: 'alpha', internal_edges: 7, external_edges: 1, hub: 'alpha/a1.ts', hub_internal_degree: 4, top_dirs: ['alpha'] },
      // b1 and b2 both have 4 internal neighbours: the path breaks the tie.
      { id: 2, files: BETA, size: 5, theme: 'beta', internal_edges: 8, external_edges: 1, hub: 'beta/b1.ts', hub_internal_degree: 4, top_dirs: ['beta', 'beta/sub'] },
    ]);
    expect(output.bridges).toEqual([{ source_id: 1, target_id: 2, edge_count: 1, sample_files: ['alpha/a1.ts', 'beta/b1.ts'] }]);
    expect(output.isolated_files).toBe(2);
    const edges: Array<[string, string]> = [];
    for (const group of [ALPHA.slice(0, 4), BETA.slice(0, 4)]) group.forEach((a, i) => group.slice(i + 1).forEach((b) => edges.push([a, b])));
    edges.push(['alpha/a5.ts', 'alpha/a1.ts'], ['beta/sub/b5.ts', 'beta/b1.ts'], ['beta/sub/b5.ts', 'beta/b2.ts'], ['alpha/a1.ts', 'beta/b1.ts'], ['gamma/g1.ts', 'gamma/g2.ts']);
    // The modularity of the whole partition, the pair included though it is below the size filter.
    expect(output.modularity).toBe(Math.round(modularity(edges, [ALPHA, BETA, ['gamma/g1.ts', 'gamma/g2.ts']]) * 1000) / 1000);
    expect(output.modularity).toBe(0.493);
  });

  it('renders the header, each community and the bridges', async () => {
    const { text } = await call(project, 'community_detection', {});
    expect(text.split('\n').slice(0, 10)).toEqual([
      'Community detection (louvain): 2 communities (min size 3, modularity=0.493)',
      '',
      '  Community 1 (5 files) — theme: alpha',
      '    Internal edges: 7, External edges: 1',
      '    Hub: alpha/a1.ts (internal degree 4)',
      '    - alpha/a1.ts',
      '    - alpha/a2.ts',
      '    - alpha/a3.ts',
      '    - alpha/a4.ts',
      '    - alpha/a5.ts',
    ]);
    expect(text).toContain('  Bridges:\n    1 <-> 2: 1 edge (alpha/a1.ts, beta/b1.ts)');
    expect(text).toContain('  Isolated files (no import edges): 2');
  });

  it('applies the size filter and max_communities', async () => {
    const { output } = await call(project, 'community_detection', { min_community_size: 2 });
    expect(output.communities.map((c: { id: number; files: string[] }) => [c.id, c.files])).toEqual([[1, ALPHA], [2, BETA], [3, ['gamma/g1.ts', 'gamma/g2.ts']]]);
    expect(output.communities[2]).toMatchObject({ theme: 'gamma', internal_edges: 1, external_edges: 0, hub: 'gamma/g1.ts', hub_internal_degree: 1 });
    // One community left is a trivial result: the directory fallback answers instead.
    expect((await call(project, 'community_detection', { max_communities: 1 })).output.method).toBe('louvain+directory-fallback');
    const clamped = await call(project, 'community_detection', { min_community_size: 0 });
    expect(clamped.output.notes).toEqual(['min_community_size=0 is out of range; clamped to 1.']);
  });

  it('repeats across calls and across a fresh project on the same files', async () => {
    const first = await call(project, 'community_detection', { min_community_size: 1 });
    expect(await call(project, 'community_detection', { min_community_size: 1 })).toEqual(first);
    const again = await openIndexed(root);
    try {
      expect(await call(again, 'community_detection', { min_community_size: 1 })).toEqual(first);
    } finally {
      await again.close();
    }
  });

  it('falls back to top-level directories when there is no cluster structure', async () => {
    // A star: every file imports core/hub.ts, which is one community with modularity 0.
    const starRoot = makeRepo({
      'core/hub.ts': 'export function hub() { return 1; }\n',
      'main.ts': "import { hub } from './core/hub';\nexport function main() { return hub(); }\n",
      'src/x1.ts': "import { hub } from '../core/hub';\nexport function x1() { return hub(); }\n",
      'src/x2.ts': "import { hub } from '../core/hub';\n\n\nexport function x2() {\n  return hub();\n}\n",
      'src/x3.ts': "import { hub } from '../core/hub';\nexport function x3() { return hub(); }\n",
      'lib/y1.ts': "import { hub } from '../core/hub';\nexport function y1() { return hub(); }\n",
      'docs/notes.md': '# notes\n',
    });
    const star = await openIndexed(starRoot);
    try {
      const { output, text } = await call(star, 'community_detection', {});
      expect(output).toMatchObject({ method: 'louvain+directory-fallback', modularity: 0, communities: [], bridges: [], isolated_files: 1 });
      expect(output.modules).toEqual([
        { directory: 'src', file_count: 3, symbol_count: 3, key_files: ['src/x2.ts', 'src/x1.ts', 'src/x3.ts'] },
        { directory: '.', file_count: 1, symbol_count: 1, key_files: ['main.ts'] },
        { directory: 'lib', file_count: 1, symbol_count: 1, key_files: ['lib/y1.ts'] },
        { directory: 'core', file_count: 1, symbol_count: 1, key_files: ['core/hub.ts'] },
        { directory: 'docs', file_count: 1, symbol_count: 0, key_files: ['docs/notes.md'] },
      ]);
      expect(output.hub_files).toEqual([
        { path: 'core/hub.ts', degree: 5 }, { path: 'lib/y1.ts', degree: 1 }, { path: 'main.ts', degree: 1 },
        { path: 'src/x1.ts', degree: 1 }, { path: 'src/x2.ts', degree: 1 },
      ]);
      expect(output.notes).toEqual(['No meaningful community structure (1 community of at least 3 files, modularity 0); top-level directories are shown as modules instead.']);
      expect(text.split('\n').slice(0, 5)).toEqual([
        'Community detection (louvain+directory-fallback): no meaningful communities (modularity=0.000)',
        'Architecture module analysis (5 modules):',
        "  Module 1: directory 'src' (3 files, 3 symbols)",
        '    Key files: src/x2.ts, src/x1.ts, src/x3.ts',
        "  Module 2: directory '.' (1 files, 1 symbols)",
      ]);
      expect(text).toContain('Hub Files (most cross-references):\n  core/hub.ts (degree 5)\n  lib/y1.ts (degree 1)');
    } finally {
      await star.close();
      removeDir(starRoot);
    }
  });
});

describe('find_related', () => {
  it('scores direct links, two-hop paths, shared imports and the shared community', async () => {
    // a2 is imported by a1 and imports a3, a4. a1 imports {b1, a2, a3, a4}: Jaccard with a2's
    // {a3, a4} is 2/4 → round(2.5) = 3; a3 imports {a4}: 1/2 → 3; a4 imports nothing.
    const { output, text } = await call(project, 'find_related', { file: 'alpha/a2.ts' });
    const reasons = (direct: boolean, two_hop_paths: number, jaccard: number, same_community: boolean) =>
      ({ direct, two_hop_paths, jaccard, co_change: null, same_community });
    expect(output.related).toEqual([
      { path: 'alpha/a1.ts', score: 9, relation_type: 'direct', reasons: reasons(true, 2, 0.5, true) },
      { path: 'alpha/a3.ts', score: 9, relation_type: 'direct', reasons: reasons(true, 2, 0.5, true) },
      { path: 'alpha/a4.ts', score: 6, relation_type: 'direct', reasons: reasons(true, 2, 0, true) },
      { path: 'alpha/a5.ts', score: 2, relation_type: 'transitive', reasons: reasons(false, 1, 0, true) },
      { path: 'beta/b1.ts', score: 1, relation_type: 'transitive', reasons: reasons(false, 1, 0, false) },
    ]);
    expect(output.notes).toEqual(['Co-change was not scored: git history is unavailable (not_a_git_repository).']);
    expect(text.split('\n').slice(0, 3)).toEqual(['Files related to alpha/a2.ts:', '  [  9] alpha/a1.ts  (direct)', '  [  9] alpha/a3.ts  (direct)']);
    expect(text).toContain('Notes: Co-change was not scored');
  });

  it('takes top_k and repeats', async () => {
    const { output } = await call(project, 'find_related', { file: 'alpha/a2.ts', top_k: 2 });
    expect(output.related.map((r: { path: string }) => r.path)).toEqual(['alpha/a1.ts', 'alpha/a3.ts']);
    expect(await call(project, 'find_related', { file: 'alpha/a2.ts', top_k: 2 })).toEqual({ output, text: expect.any(String) });
  });

  it('accepts a file with no symbols and no edges, and finds nothing for it', async () => {
    const { output, text } = await call(project, 'find_related', { file: 'README.md' });
    expect(output.related).toEqual([]);
    expect(text.split('\n').slice(0, 2)).toEqual(['Files related to README.md:', '  (no related files found)']);
  });

  it('an unknown file is not_found with suggestions', async () => {
    const res = await invoke(operationNamed('find_related')!, project, { file: 'alpha/A2.ts' });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('not_found');
      expect(res.error.details).toMatchObject({ did_you_mean: ['alpha/a2.ts'] });
    }
  });

  it('scores co-change from git history, ignoring bulk commits', async () => {
    const fillers = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`filler/f${String(i).padStart(2, '0')}.txt`, 'x\n']));
    const gitRoot = makeRepo({
      'src/target.ts': 'export const t = 1;\n', 'src/e.ts': 'export const e = 1;\n', 'src/f.ts': 'export const f = 1;\n',
      'src/g.ts': 'export const g = 1;\n', ...fillers,
    }, { git: true }); // the initial commit touches 55 files: ignored
    let day = 1;
    const commit = (files: string[]) => {
      for (const f of files) writeFileSync(join(gitRoot, f), `// change ${day}\n`, { flag: 'a' });
      const date = `2024-01-${String(++day).padStart(2, '0')}T12:00:00Z`;
      const env = { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
      execFileSync('git', ['add', '-A'], { cwd: gitRoot, env });
      execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', `c${day}`], { cwd: gitRoot, env });
    };
    commit(['src/target.ts', 'src/e.ts']);
    commit(['src/target.ts', 'src/e.ts', 'src/f.ts']);
    commit(['src/target.ts']);
    commit(['src/g.ts', 'src/e.ts']); // does not touch target
    commit(['src/target.ts', 'src/f.ts', ...Object.keys(fillers)]); // 53 files: a bulk change, ignored
    const repo = await openIndexed(gitRoot);
    try {
      const { output } = await call(repo, 'find_related', { file: 'src/target.ts' });
      const reasons = (co_change: number) => ({ direct: false, two_hop_paths: 0, jaccard: 0, co_change, same_community: false });
      // target's 3 commits: e is in 2 (round(3 × 2/3) = 2), f in 1 (round(3 × 1/3) = 1).
      expect(output.related).toEqual([
        { path: 'src/e.ts', score: 2, relation_type: 'co-change', reasons: reasons(0.667) },
        { path: 'src/f.ts', score: 1, relation_type: 'co-change', reasons: reasons(0.333) },
      ]);
      expect(output.notes).toBeUndefined();
    } finally {
      await repo.close();
      removeDir(gitRoot);
    }
  });
});

describe('after an edit', () => {
  it('communities and related files follow the new generation', async () => {
    const before = await call(project, 'community_detection', {});
    expect(before.output.communities).toHaveLength(2);
    writeFileSync(join(root, 'gamma/g3.ts'), "import { g1 } from './g1';\nimport { g2 } from './g2';\nexport const g3 = 1;\n");
    await project.notify(['gamma/g3.ts']);
    const after = await call(project, 'community_detection', {});
    expect(after.output.communities.map((c: { files: string[] }) => c.files)).toEqual([ALPHA, BETA, ['gamma/g1.ts', 'gamma/g2.ts', 'gamma/g3.ts']]);
    expect((await call(project, 'find_related', { file: 'gamma/g3.ts' })).output.related.map((r: { path: string; score: number }) => [r.path, r.score]))
      .toEqual([['gamma/g1.ts', 8], ['gamma/g2.ts', 5]]); // g1: 3 direct + 1 two-hop + round(5 × 1/2) + 1 community
  });
});
