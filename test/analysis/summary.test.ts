// project_summary: names, entry points, workspaces, tech stack, tests and build systems read from
// real manifests and resolved imports (npm workspaces, pyproject, Go module); core files and layers;
// the token budget honoured section by section.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../src/engine/project.js';
import { estimateTokens } from '../../src/operations/define.js';
import { invoke } from '../../src/operations/execute.js';
import { projectSummary } from '../../src/operations/project-summary.js';
import { operationNamed } from '../../src/operations/registry.js';
import { makeRepo, openIndexed, removeDir } from '../helpers/fixture.js';

type Out = {
  name: string; name_source: string; total_files: number; total_lines: number;
  languages: Array<{ language: string; files: number; lines: number }>;
  entry_points: Array<{ path: string; reason: string }>;
  core_files: Array<{ path: string; fan_in: number; fan_out: number }>;
  directories: Array<{ path: string; files: number; lines: number; share: number }>;
  workspaces: Array<{ name: string; path: string; language: string }>;
  tech_stack: Array<{ name: string; package: string; files: number; framework: boolean; source: string }>;
  layers: Record<string, { count: number; examples: string[] } | undefined>;
  tests?: { count: number; frameworks: string[]; patterns: Array<{ pattern: string; files: number }> };
  build_systems: string[]; sections_shortened: string[]; sections_omitted: string[];
  truncated?: { shown: number; total: number; by: string };
  notes?: string[];
};

async function summary(project: Project, args: Record<string, unknown> = {}): Promise<{ out: Out; text: string }> {
  const res = await invoke(operationNamed('project_summary')!, project, args);
  if (!res.ok) throw res.error;
  return { out: res.output as unknown as Out, text: res.text };
}

const opened: Array<{ root: string; project: Project }> = [];
async function open(files: Record<string, string>): Promise<Project> {
  const root = makeRepo(files);
  const project = await openIndexed(root);
  opened.push({ root, project });
  return project;
}
afterAll(async () => {
  for (const { root, project } of opened) {
    await project.close();
    removeDir(root);
  }
});

describe('project_summary on an npm workspaces monorepo', () => {
  let project: Project;
  beforeAll(async () => {
    project = await open({
      'package.json': JSON.stringify({
        name: 'mono', workspaces: ['packages/*'], main: 'dist/index.js', bin: { mono: 'scripts/cli.js' },
        devDependencies: { vitest: '1.0.0', typescript: '5.0.0' }, scripts: { test: 'vitest run' },
      }),
      'src/index.ts': "export { helper } from '@mono/core';\n",
      'scripts/cli.js': "#!/usr/bin/env node\nconst { helper } = require('../src/index');\nhelper();\n",
      'packages/core/package.json': JSON.stringify({ name: '@mono/core', main: 'src/index.ts' }),
      'packages/core/src/index.ts': "import { join } from 'node:path';\nexport function helper(): string {\n  return join('a', 'b');\n}\n",
      'packages/web/package.json': JSON.stringify({ name: '@mono/web', dependencies: { react: '18.0.0', '@mono/core': '*' } }),
      'packages/web/src/app.tsx': "import React from 'react';\nimport { helper } from '@mono/core';\nexport const App = () => <div>{helper()}</div>;\n",
      'packages/web/src/app.test.tsx': "import { it } from 'vitest';\nimport { App } from './app';\nit('renders', () => App());\n",
      'README.md': '# mono\n',
    });
  });

  it('names the project, its entry points, workspaces, stack, tests and build system', async () => {
    const { out, text } = await summary(project);
    expect(out).toMatchObject({ name: 'mono', name_source: 'package.json', total_files: 9 });
    expect(out.entry_points).toEqual([
      { path: 'src/index.ts', reason: 'package.json main (source of dist/index.js)' },
      { path: 'scripts/cli.js', reason: 'package.json bin "mono"' },
      { path: 'packages/core/src/index.ts', reason: 'packages/core/package.json main' },
      { path: 'packages/web/src/app.tsx', reason: 'entry filename' },
    ]);
    expect(out.workspaces).toEqual([
      { name: '@mono/core', path: 'packages/core', language: 'typescript' },
      { name: '@mono/web', path: 'packages/web', language: 'typescript' },
    ]);
    // Workspace packages resolve to files (not externals); node: builtins are no stack.
    expect(out.tech_stack).toEqual([
      { name: 'React', package: 'react', files: 1, framework: true, source: 'imports' },
      { name: 'Vitest', package: 'vitest', files: 1, framework: true, source: 'imports' },
    ]);
    expect(out.tests).toEqual({ count: 1, frameworks: ['vitest'], patterns: [{ pattern: '*.test.tsx', files: 1 }] });
    expect(out.build_systems).toEqual(['npm']);
    expect(out.core_files[0]).toEqual({ path: 'packages/core/src/index.ts', fan_in: 2, fan_out: 0 });
    expect(text).toContain('## Workspaces\n  @mono/core  packages/core/ (typescript)\n  @mono/web  packages/web/ (typescript)');
    expect(text).toContain('  React (react) — imported by 1 file');
  });
});

describe('project_summary on a Python package', () => {
  let project: Project;
  beforeAll(async () => {
    project = await open({
      'pyproject.toml': [
        '[project]', 'name = "pyapp"', 'dependencies = ["requests>=2", "flask"]', '',
        '[project.scripts]', 'pyapp = "pyapp.cli:main"', '',
        '[build-system]', 'requires = ["hatchling"]', 'build-backend = "hatchling.build"', '',
        '[tool.pytest.ini_options]', 'testpaths = ["tests"]', '',
      ].join('\n'),
      'src/pyapp/__init__.py': '',
      'src/pyapp/cli.py': 'import flask\nfrom .core import run\n\n\ndef main():\n    run()\n',
      'src/pyapp/core.py': 'import os\nimport requests\n\n\ndef run():\n    return requests.get(os.environ["URL"])\n',
      'tests/test_core.py': 'import pytest\nfrom pyapp.core import run\n\n\ndef test_run():\n    assert run\n',
    });
  });

  it('reads the name and scripts from pyproject, the stack from imports, pytest from tests', async () => {
    const { out } = await summary(project);
    expect(out).toMatchObject({ name: 'pyapp', name_source: 'pyproject.toml' });
    expect(out.entry_points[0]).toEqual({ path: 'src/pyapp/cli.py', reason: 'pyproject.toml script "pyapp" (pyapp.cli:main)' });
    expect(out.tech_stack).toEqual([
      { name: 'Flask', package: 'flask', files: 1, framework: true, source: 'imports' },
      { name: 'pytest', package: 'pytest', files: 1, framework: true, source: 'imports' },
      { name: 'Requests', package: 'requests', files: 1, framework: true, source: 'imports' },
    ]);
    expect(out.tests).toEqual({ count: 1, frameworks: ['pytest'], patterns: [{ pattern: 'test_*.py', files: 1 }] });
    expect(out.build_systems).toEqual(['Hatch']);
    expect(out.core_files).toEqual([{ path: 'src/pyapp/core.py', fan_in: 2, fan_out: 0 }]); // the CLI and the test import it
  });
});

describe('project_summary on a Go module', () => {
  let project: Project;
  beforeAll(async () => {
    project = await open({
      'go.mod': 'module example.com/tool\n\ngo 1.21\n\nrequire github.com/spf13/cobra v1.8.0\n',
      'cmd/tool/run.go': 'package main\n\nimport (\n\t"fmt"\n\t"example.com/tool/internal/calc"\n\t"github.com/spf13/cobra"\n)\n\nfunc main() {\n\tfmt.Println(calc.Do(), cobra.Command{})\n}\n',
      'internal/calc/calc.go': 'package calc\n\nfunc Do() int { return 1 }\n',
      'internal/calc/calc_test.go': 'package calc\n\nimport "testing"\n\nfunc TestDo(t *testing.T) { Do() }\n',
      Makefile: 'build:\n\tgo build ./...\n',
      Dockerfile: 'FROM golang:1.21\n',
    });
  });

  it('finds the main package, the module name, go test and the build tools', async () => {
    const { out } = await summary(project);
    expect(out).toMatchObject({ name: 'example.com/tool', name_source: 'go.mod' });
    expect(out.entry_points).toEqual([{ path: 'cmd/tool/run.go', reason: 'Go package main' }]);
    expect(out.tech_stack).toEqual([{ name: 'Cobra', package: 'github.com/spf13/cobra', files: 1, framework: true, source: 'imports' }]);
    expect(out.tests).toEqual({ count: 1, frameworks: ['go test'], patterns: [{ pattern: '*_test.go', files: 1 }] });
    expect(out.build_systems).toEqual(['Go modules', 'Make', 'Docker']);
    expect(out.directories).toEqual([
      { path: 'internal', files: 2, lines: 8, share: 33.3 },
      { path: 'cmd', files: 1, lines: 11, share: 16.7 },
    ]);
  });
});

describe('project_summary on a Cargo workspace', () => {
  it('reads bins and members, and ignores manifests of test fixtures', async () => {
    const project = await open({
      'Cargo.toml': '[workspace]\nmembers = ["crates/*"]\n',
      'crates/cli/Cargo.toml': '[package]\nname = "tool-cli"\n\n[[bin]]\nname = "tool"\npath = "src/main.rs"\n\n[dependencies]\ntokio = "1"\n',
      'crates/cli/src/main.rs': 'use tokio::runtime::Runtime;\n\nfn main() {\n    let _ = Runtime::new();\n}\n',
      'crates/core/Cargo.toml': '[package]\nname = "tool-core"\n',
      'crates/core/src/lib.rs': 'pub fn run() {}\n',
      'tests/fixtures/app/package.json': '{"name":"fixture","main":"index.js"}',
      'tests/fixtures/app/index.js': 'module.exports = 1;\n',
    });
    const { out } = await summary(project);
    expect(out.name_source).toBe('directory name');
    expect(out.entry_points).toEqual([
      { path: 'crates/cli/src/main.rs', reason: 'crates/cli/Cargo.toml bin "tool"' },
      { path: 'crates/core/src/lib.rs', reason: 'entry filename' },
    ]);
    expect(out.workspaces).toEqual([
      { name: 'tool-cli', path: 'crates/cli', language: 'rust' },
      { name: 'tool-core', path: 'crates/core', language: 'rust' },
    ]);
    expect(out.tech_stack).toEqual([{ name: 'Tokio', package: 'tokio', files: 1, framework: true, source: 'imports' }]);
    expect(out.build_systems).toEqual(['Cargo']);
  });
});

/** 5 importers of a foundation file, an integration file, a leaf, and enough files to overflow small budgets. */
function layeredRepo(): Record<string, string> {
  const files: Record<string, string> = {
    'package.json': '{"name":"layered"}',
    'lib/base.ts': 'export const base = 1;\n',
    'lib/x.ts': 'export const x = 2;\n',
    'lib/mid.ts': "import { base } from './base';\nimport { x } from './x';\nexport const mid = base + x;\n",
    'app/leaf.ts': "import { a1 } from '../feature/a1';\nimport { a2 } from '../feature/a2';\nimport { a3 } from '../feature/a3';\nexport const leaf = a1 + a2 + a3;\n",
  };
  for (let i = 1; i <= 5; i++) {
    files[`feature/a${i}.ts`] = i <= 2
      ? `import { base } from '../lib/base';\nimport { mid } from '../lib/mid';\nexport const a${i} = base + mid;\n`
      : `import { base } from '../lib/base';\nexport const a${i} = base;\n`;
  }
  for (let i = 1; i <= 12; i++) files[`tools/t${String(i).padStart(2, '0')}/main.ts`] = `export const t${i} = ${i};\n`;
  return files;
}

describe('project_summary core files, layers and budgets', () => {
  let project: Project;
  beforeAll(async () => { project = await open(layeredRepo()); });

  it('ranks core files by fan-in and sorts files into layers', async () => {
    const { out, text } = await summary(project);
    expect(out.core_files.slice(0, 3)).toEqual([
      { path: 'lib/base.ts', fan_in: 6, fan_out: 0 },
      { path: 'lib/mid.ts', fan_in: 2, fan_out: 2 },
      { path: 'feature/a1.ts', fan_in: 1, fan_out: 2 },
    ]);
    expect(out.layers).toEqual({
      foundation: { count: 1, examples: ['lib/base.ts'] },
      integration: { count: 1, examples: ['lib/mid.ts'] },
      leaf: { count: 1, examples: ['app/leaf.ts'] },
    });
    expect(text).toContain('  Foundation (fan-in ≥5, fan-out ≤3): 1 file — lib/base.ts');
    expect(out.sections_shortened).toEqual([]);
    expect(out.truncated).toBeUndefined();
  });

  it('stays within max_tokens at every budget, shortening by priority and deterministically', async () => {
    const full = await summary(project, { max_tokens: 50_000 });
    const fullTokens = estimateTokens(projectSummary.render(full.out as never));
    expect(fullTokens).toBeGreaterThan(200);
    for (const max of [200, 250, 300, 400, 600, 1000]) {
      const a = await summary(project, { max_tokens: max });
      const b = await summary(project, { max_tokens: max });
      expect(a.out, `max_tokens=${max}`).toEqual({ ...b.out, freshness: a.out.freshness } as never);
      const rendered = projectSummary.render(a.out as never);
      expect(estimateTokens(rendered), `max_tokens=${max}`).toBeLessThanOrEqual(max);
      expect(a.text.startsWith(rendered)).toBe(true);
      if (max < fullTokens) {
        expect(a.out.sections_shortened.length + a.out.sections_omitted.length, `max_tokens=${max}`).toBeGreaterThan(0);
        expect(a.out.truncated?.by).toBe('max_tokens');
        expect(rendered).toMatch(/… sections .* \(max_tokens=\d+\); raise max_tokens for the full summary\.$/);
      }
      // Text and structure list the same items.
      const entries = rendered.match(/## Entry Points\n((?: {2}.*\n?)*)/)?.[1]?.trim().split('\n').filter(Boolean) ?? [];
      expect(entries.length, `max_tokens=${max}`).toBe(a.out.sections_omitted.includes('Entry Points') ? 0 : a.out.entry_points.length);
    }
    const tight = await summary(project, { max_tokens: 200 });
    expect(tight.text).toContain('## Overview');
    expect(tight.out.entry_points.length).toBeLessThan(full.out.entry_points.length);
  });

  it('clamps a budget below 200 and refuses a non-number', async () => {
    const { out } = await summary(project, { max_tokens: 50 });
    expect(out.notes).toContain('max_tokens=50 is out of range; clamped to 200.');
    const bad = await invoke(operationNamed('project_summary')!, project, { max_tokens: 'lots' });
    expect(bad.ok ? 'ok' : bad.error.code).toBe('invalid_argument');
  });
});

describe('project_summary on an empty project', () => {
  it('says no files were discovered', async () => {
    const project = await open({});
    const { out, text } = await summary(project);
    expect(out.total_files).toBe(0);
    expect(text.split('\n')[0]).toBe('No files discovered in this project.');
  });
});
