// `impact_analysis`: every file that transitively imports the changed files.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { isTestPath } from '../engine/discover/languages.js';
import { ImportKind } from '../engine/model.js';
import { invalidArgument, notFound } from '../errors.js';
import { READ_ONLY, defineOperation } from './define.js';
import { MAX_LIST, MAX_STRING } from './shared.js';

export const impactAnalysis = defineOperation({
  name: 'impact_analysis',
  title: 'Files affected by a change',
  description: 'List every file that directly or transitively imports the given files (what may break when they change), '
    + 'grouped by hop distance, with the import path back to a changed file and the affected tests. '
    + 'Deleted files still report their former importers.',
  input: z.object({
    changed_files: z.array(z.string().max(MAX_STRING)).max(MAX_LIST).describe('Changed files (1..1000 paths).'),
    limit: z.number().int().min(1).max(10_000).default(200).describe('Maximum impacted files listed.'),
  }),
  output: z.object({
    changed_files: z.array(z.string()),
    impacted_files: z.array(z.string()),
    total_impacted: z.number().int(),
    layers: z.array(z.object({ depth: z.number().int(), files: z.array(z.string()) })),
    details: z.array(z.object({ path: z.string(), depth: z.number().int(), via: z.string(), kind: ImportKind, is_test: z.boolean() })),
    tests_impacted: z.array(z.string()),
    unknown_files: z.array(z.string()),
  }),
  annotations: READ_ONLY,
  route: { method: 'GET', path: '/impact', aliases: { files: 'changed_files' } },
  async run(ctx, input) {
    if (!input.changed_files.length) throw invalidArgument("Parameter 'changed_files' must list at least one file.", { parameter: 'changed_files' });
    const { project } = ctx;
    const rels = [...new Set(input.changed_files.map((p) => project.resolvePath(p).rel))];
    await project.repairStale(rels);
    const graph = project.graph();
    const seeds: string[] = [];
    const unknown: string[] = [];
    const formerImporters = new Map<string, string[]>(); // deleted seed → files that imported it
    for (const rel of rels) {
      const former = graph.files.has(rel) || existsSync(join(project.root, rel)) ? [] : project.store.importersOfMissing(rel);
      if (graph.files.has(rel) || former.length) seeds.push(rel);
      else unknown.push(rel);
      if (former.length) formerImporters.set(rel, former);
    }
    if (!seeds.length) throw notFound(`None of the changed files is in the index: ${unknown.join(', ')}.`, { unknown_files: unknown });
    const details = [...graph.bfs(seeds, 'importers', Infinity, formerImporters)]
      .map(([path, r]) => ({
        path, depth: r.depth, via: r.via,
        kind: graph.imports(path).find((n) => n.path === r.via)?.kind ?? ('import' as const),
        is_test: isTestPath(path),
      }))
      .sort((a, b) => a.depth - b.depth || (a.path < b.path ? -1 : 1));
    const shown = details.slice(0, input.limit);
    const layers: Array<{ depth: number; files: string[] }> = [];
    for (const d of shown) {
      const last = layers[layers.length - 1];
      if (last && last.depth === d.depth) last.files.push(d.path);
      else layers.push({ depth: d.depth, files: [d.path] });
    }
    ctx.cite(shown.map((d) => d.path));
    const out = {
      changed_files: rels,
      impacted_files: shown.map((d) => d.path),
      total_impacted: details.length,
      layers,
      details: shown,
      tests_impacted: details.filter((d) => d.is_test).map((d) => d.path),
      unknown_files: unknown,
    };
    return details.length > shown.length
      ? { ...out, truncated: { shown: shown.length, total: details.length, by: 'limit' as const, hint: 'Raise limit to see every impacted file.' } }
      : out;
  },
  render(out) {
    const names = out.changed_files.join(', ');
    const lines: string[] = [];
    if (!out.total_impacted) lines.push(`No other files import ${names}.`);
    else {
      lines.push(`Impact analysis for ${names}:`, `  ${out.total_impacted} files affected (${out.tests_impacted.length} tests):`);
      for (const layer of out.layers) {
        lines.push(`  depth ${layer.depth}:`);
        for (const f of layer.files) lines.push(`    ${f}`);
      }
      if (out.truncated) lines.push(`  … ${out.truncated.total - out.truncated.shown} more files not shown (limit); raise limit.`);
    }
    if (out.unknown_files.length) lines.push(`Not in the index (${out.unknown_files.length}): ${out.unknown_files.join(', ')}`);
    return lines.join('\n');
  },
});
