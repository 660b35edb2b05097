// The facts behind project_summary (spec §4.2): name, totals and languages, entry points, core
// files by fan-in, directory layout, workspaces, tech stack, dependency layers, tests and build
// systems. `discoveryOnly` keeps to what discovery and manifests tell (no graph, no symbols).
import { basename } from 'node:path';
import { isCodeLanguage, isTestPath } from '../discover/languages.js';
import { isConfigPath } from '../graph/importance.js';
import type { Project } from '../project.js';
import { entryPoints, type EntryPoint } from './entry-points.js';
import { manifestsOf, type Workspace } from './manifests.js';
import { round } from './metrics.js';
import { techStack, type StackEntry } from './packages.js';
import { testFacts, type TestFacts } from './testing.js';

export interface LayerFacts { count: number; examples: string[] }

export interface SummaryFacts {
  name: string;
  name_source: string;
  total_files: number;
  total_lines: number;
  languages: Array<{ language: string; files: number; lines: number }>;
  entry_points: EntryPoint[];
  core_files: Array<{ path: string; fan_in: number; fan_out: number }>;
  directories: Array<{ path: string; files: number; lines: number; share: number }>;
  workspaces: Workspace[];
  tech_stack: StackEntry[];
  layers: { foundation: LayerFacts; integration: LayerFacts; leaf: LayerFacts };
  tests: TestFacts;
  build_systems: string[];
}

export const LIMITS = { languages: 8, entry_points: 15, core_files: 10, directories: 15, tech_stack: 15, layer_examples: 5 } as const;

/** Layer membership by fan-in and fan-out, over non-test, non-config code files. */
const LAYERS = {
  foundation: (fanIn: number, fanOut: number) => fanIn >= 5 && fanOut <= 3,
  integration: (fanIn: number, fanOut: number) => fanIn >= 2 && fanOut >= 2,
  leaf: (fanIn: number, fanOut: number) => fanIn <= 1 && fanOut >= 3,
} as const;

const byPath = (a: { path: string }, b: { path: string }): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

export function summarize(project: Project, discoveryOnly: boolean): SummaryFacts {
  return project.derived(`analysis.summary:${discoveryOnly}`, () => {
    const graph = project.graph();
    const files = [...graph.files.values()];
    const manifests = manifestsOf(project);
    const languages = new Map<string, { files: number; lines: number }>();
    const dirs = new Map<string, { files: number; lines: number }>();
    let totalLines = 0;
    for (const f of files) {
      totalLines += f.lines;
      if (f.language) {
        const l = languages.get(f.language) ?? { files: 0, lines: 0 };
        l.files++;
        l.lines += f.lines;
        languages.set(f.language, l);
      }
      const slash = f.path.indexOf('/');
      if (slash > 0) {
        const d = dirs.get(f.path.slice(0, slash)) ?? { files: 0, lines: 0 };
        d.files++;
        d.lines += f.lines;
        dirs.set(f.path.slice(0, slash), d);
      }
    }
    const code = files.filter((f) => isCodeLanguage(f.language) && !isTestPath(f.path) && !isConfigPath(f.path));
    const coupling = discoveryOnly ? [] : code.map((f) => ({ path: f.path, fan_in: graph.importers(f.path).length, fan_out: graph.imports(f.path).length }));
    const layer = (name: keyof typeof LAYERS, order: (x: (typeof coupling)[number]) => number): LayerFacts => {
      const members = coupling.filter((c) => LAYERS[name](c.fan_in, c.fan_out)).sort((a, b) => order(b) - order(a) || byPath(a, b));
      return { count: members.length, examples: members.slice(0, LIMITS.layer_examples).map((c) => c.path) };
    };
    return {
      name: manifests.name?.value ?? basename(project.root),
      name_source: manifests.name?.manifest ?? 'directory name',
      total_files: files.length,
      total_lines: totalLines,
      languages: [...languages].map(([language, l]) => ({ language, ...l }))
        .sort((a, b) => b.files - a.files || b.lines - a.lines || (a.language < b.language ? -1 : 1)).slice(0, LIMITS.languages),
      entry_points: entryPoints(project, discoveryOnly).slice(0, LIMITS.entry_points),
      core_files: coupling.filter((c) => c.fan_in > 0).sort((a, b) => b.fan_in - a.fan_in || b.fan_out - a.fan_out || byPath(a, b))
        .slice(0, LIMITS.core_files),
      directories: [...dirs].map(([path, d]) => ({ path, ...d, share: round(d.files / files.length * 100, 1) }))
        .sort((a, b) => b.files - a.files || b.lines - a.lines || byPath(a, b)).slice(0, LIMITS.directories),
      workspaces: manifests.workspaces,
      tech_stack: discoveryOnly ? [] : techStack(project).slice(0, LIMITS.tech_stack),
      layers: {
        foundation: layer('foundation', (c) => c.fan_in),
        integration: layer('integration', (c) => c.fan_in + c.fan_out),
        leaf: layer('leaf', (c) => c.fan_out),
      },
      tests: testFacts(project, files),
      build_systems: manifests.buildSystems,
    };
  });
}
