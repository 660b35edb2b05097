// `community_detection`: Louvain clusters of files with their themes, hubs and the bridges between
// them; when the graph has no real cluster structure, top-level directories stand in as modules.
import { z } from 'zod';
import { bridgesBetween, communitiesOf, rankByCount } from '../engine/graph/communities.js';
import type { Project } from '../engine/project.js';
import { READ_ONLY, defineOperation } from './define.js';

/** Below this modularity a partition is no better than chance (attocode's threshold). */
const TRIVIAL_MODULARITY = 0.05;
const MEMBERS_SHOWN = 5;
const BRIDGES_SHOWN = 10;
const HUB_FILES = 5;
const KEY_FILES = 3;

const Community = z.object({
  id: z.number().int(),
  files: z.array(z.string()),
  size: z.number().int(),
  theme: z.string(),
  internal_edges: z.number().int(),
  external_edges: z.number().int(),
  hub: z.string(),
  hub_internal_degree: z.number().int(),
  top_dirs: z.array(z.string()),
});

const Module = z.object({ directory: z.string(), file_count: z.number().int(), symbol_count: z.number().int(), key_files: z.array(z.string()) });

export const communityDetection = defineOperation({
  name: 'community_detection',
  title: 'Clusters of related files',
  description: 'Group files into communities that import each other (Louvain, fixed seed, so results repeat), with each '
    + "community's theme (dominant folder), hub file, edge counts and the bridges between communities. When there is no "
    + 'real cluster structure, top-level directories are shown as modules with the most connected files.',
  input: z.object({
    min_community_size: z.number().int().min(1).max(1000).default(3).describe('Smallest community reported.'),
    max_communities: z.number().int().min(1).max(200).default(20).describe('Most communities reported, largest first.'),
  }),
  output: z.object({
    method: z.enum(['louvain', 'louvain+directory-fallback']),
    modularity: z.number(),
    communities: z.array(Community),
    bridges: z.array(z.object({ source_id: z.number().int(), target_id: z.number().int(), edge_count: z.number().int(), sample_files: z.array(z.string()) })),
    isolated_files: z.number().int().describe('Files with no import edge, left out of the communities.'),
    min_community_size: z.number().int(),
    modules: z.array(Module).optional().describe('Directory fallback only: top-level directories as modules.'),
    hub_files: z.array(z.object({ path: z.string(), degree: z.number().int() })).optional().describe('Directory fallback only.'),
  }),
  annotations: READ_ONLY,
  route: { method: 'GET', path: '/graph/communities' },
  async run(ctx, input) {
    const analysis = communitiesOf(ctx.project);
    const modularity = Math.round(analysis.modularity * 1000) / 1000;
    const kept = analysis.communities
      .map((c, index) => ({ c, index }))
      .filter(({ c }) => c.files.length >= input.min_community_size)
      .slice(0, input.max_communities);
    const common = { modularity, isolated_files: analysis.isolated_files, min_community_size: input.min_community_size };
    if (kept.length <= 1 || analysis.modularity < TRIVIAL_MODULARITY) {
      ctx.note(`No meaningful community structure (${kept.length} communit${kept.length === 1 ? 'y' : 'ies'} of at least `
        + `${input.min_community_size} files, modularity ${modularity}); top-level directories are shown as modules instead.`);
      const { modules, hub_files } = directoryModules(ctx.project, input.max_communities);
      ctx.cite([...modules.flatMap((m) => m.key_files), ...hub_files.map((h) => h.path)]);
      return { method: 'louvain+directory-fallback' as const, ...common, communities: [], bridges: [], modules, hub_files };
    }
    const ids = new Map(kept.map(({ index }, i) => [index, i + 1]));
    const communities = kept.map(({ c }, i) => ({ id: i + 1, size: c.files.length, ...c }));
    ctx.cite(communities.map((c) => c.hub));
    // Bridges walk every edge between kept communities: computed once per generation and selection.
    const bridges = ctx.project.derived(`graph.bridges:${input.min_community_size}:${input.max_communities}`, () => bridgesBetween(analysis, ids));
    return { method: 'louvain' as const, ...common, communities, bridges };
  },
  render(out) {
    if (out.method === 'louvain+directory-fallback') {
      const lines = [`Community detection (${out.method}): no meaningful communities (modularity=${out.modularity.toFixed(3)})`,
        `Architecture module analysis (${out.modules!.length} modules):`];
      out.modules!.forEach((m, i) => {
        lines.push(`  Module ${i + 1}: directory '${m.directory}' (${m.file_count} files, ${m.symbol_count} symbols)`);
        if (m.key_files.length) lines.push(`    Key files: ${m.key_files.join(', ')}`);
      });
      lines.push('Hub Files (most cross-references):');
      if (!out.hub_files!.length) lines.push('  (no import edges)');
      for (const h of out.hub_files!) lines.push(`  ${h.path} (degree ${h.degree})`);
      return lines.join('\n');
    }
    const lines = [`Community detection (${out.method}): ${out.communities.length} communities (min size ${out.min_community_size}, modularity=${out.modularity.toFixed(3)})`];
    for (const c of out.communities) {
      lines.push('', `  Community ${c.id} (${c.size} files) — theme: ${c.theme}`,
        `    Internal edges: ${c.internal_edges}, External edges: ${c.external_edges}`,
        `    Hub: ${c.hub} (internal degree ${c.hub_internal_degree})`,
        ...c.files.slice(0, MEMBERS_SHOWN).map((f) => `    - ${f}`));
      if (c.size > MEMBERS_SHOWN) lines.push(`    ... and ${c.size - MEMBERS_SHOWN} more`);
    }
    if (out.bridges.length) {
      lines.push('', '  Bridges:');
      for (const b of out.bridges.slice(0, BRIDGES_SHOWN)) {
        lines.push(`    ${b.source_id} <-> ${b.target_id}: ${b.edge_count} edge${b.edge_count === 1 ? '' : 's'} (${b.sample_files.join(', ')})`);
      }
      if (out.bridges.length > BRIDGES_SHOWN) lines.push(`    ... and ${out.bridges.length - BRIDGES_SHOWN} more`);
    }
    lines.push('', `  Isolated files (no import edges): ${out.isolated_files}`);
    return lines.join('\n');
  },
});

/** Top-level directories (`.` for files at the root) as modules, and the files with the most import edges. */
function directoryModules(project: Project, max: number): { modules: Array<z.infer<typeof Module>>; hub_files: Array<{ path: string; degree: number }> } {
  const graph = project.graph();
  const symbols = project.symbols();
  const byDir = new Map<string, Array<{ path: string; lines: number }>>();
  const symbolCounts = new Map<string, number>();
  const degrees: Array<{ path: string; degree: number }> = [];
  for (const row of graph.files.values()) {
    const slash = row.path.indexOf('/');
    const dir = slash < 0 ? '.' : row.path.slice(0, slash);
    (byDir.get(dir) ?? byDir.set(dir, []).get(dir)!).push({ path: row.path, lines: row.lines });
    symbolCounts.set(dir, (symbolCounts.get(dir) ?? 0) + symbols.countInFile(row.id));
    const degree = graph.imports(row.path).length + graph.importers(row.path).length;
    if (degree) degrees.push({ path: row.path, degree });
  }
  const modules = rankByCount(new Map([...byDir].map(([d, files]) => [d, files.length]))).slice(0, max).map((directory) => {
    const files = byDir.get(directory)!;
    return {
      directory, file_count: files.length, symbol_count: symbolCounts.get(directory)!,
      key_files: [...files].sort((a, b) => b.lines - a.lines || (a.path < b.path ? -1 : 1)).slice(0, KEY_FILES).map((f) => f.path),
    };
  });
  const hub_files = degrees.sort((a, b) => b.degree - a.degree || (a.path < b.path ? -1 : 1)).slice(0, HUB_FILES);
  return { modules, hub_files };
}
