// Files worth reading together with a given file, scored from several kinds of evidence: direct
// import edges, two-hop paths, similar import sets, co-change in git history and a shared Louvain
// community. Each term stays visible in `reasons`, so a score can be explained.
import type { Commit } from '../history/log.js';
import type { CommunityAnalysis } from './communities.js';
import type { FileGraph } from './file-graph.js';

/** Commits touching more files than this are bulk changes (renames, formatting) that link nothing. */
export const CO_CHANGE_MAX_FILES = 50;
export const CO_CHANGE_COMMITS = 500;

export type RelationType = 'direct' | 'transitive' | 'co-change' | 'similar-imports' | 'same-community';

export interface Related {
  path: string;
  score: number;
  relation_type: RelationType;
  reasons: {
    direct: boolean;
    two_hop_paths: number;
    /** Jaccard index of the two files' import sets. */
    jaccard: number;
    /** Share of the file's commits that also touch this one; null when history is unavailable. */
    co_change: number | null;
    same_community: boolean;
  };
}

const round3 = (n: number): number => Math.round(n * 1000) / 1000;

/**
 * Every file with a positive score, by score (desc), then path. `commits` is undefined when git
 * history is unavailable: the co-change term is then left out.
 */
export function relatedFiles(graph: FileGraph, communities: CommunityAnalysis, file: string, commits: readonly Commit[] | undefined): Related[] {
  const neighbours = communities.neighbours.get(file) ?? [];
  const direct = new Set(neighbours);
  const twoHop = new Map<string, number>();
  for (const n of neighbours) {
    for (const m of communities.neighbours.get(n) ?? []) if (m !== file) twoHop.set(m, (twoHop.get(m) ?? 0) + 1);
  }

  // Shared imports counted from the imported side: only files importing one of ours can share any.
  const own = graph.imports(file);
  const shared = new Map<string, number>();
  for (const target of own) {
    for (const importer of graph.importers(target.path)) {
      if (importer.path !== file) shared.set(importer.path, (shared.get(importer.path) ?? 0) + 1);
    }
  }
  const jaccard = new Map<string, number>();
  for (const [p, common] of shared) jaccard.set(p, common / (own.length + graph.imports(p).length - common));

  const coChange = new Map<string, number>();
  if (commits) {
    const relevant = commits.filter((c) => c.files.length <= CO_CHANGE_MAX_FILES && c.files.some((f) => f.path === file));
    const together = new Map<string, number>();
    for (const c of relevant) {
      for (const p of new Set(c.files.map((f) => f.path))) {
        if (p !== file && graph.files.has(p)) together.set(p, (together.get(p) ?? 0) + 1);
      }
    }
    for (const [p, n] of together) coChange.set(p, n / relevant.length);
  }

  const community = communities.membership.get(file);
  const candidates = new Set([...direct, ...twoHop.keys(), ...jaccard.keys(), ...coChange.keys()]);
  if (community !== undefined) for (const p of communities.communities[community]!.files) if (p !== file) candidates.add(p);

  const out: Related[] = [];
  for (const path of candidates) {
    const reasons = {
      direct: direct.has(path),
      two_hop_paths: twoHop.get(path) ?? 0,
      jaccard: round3(jaccard.get(path) ?? 0),
      co_change: commits ? round3(coChange.get(path) ?? 0) : null,
      same_community: community !== undefined && communities.membership.get(path) === community,
    };
    // Points per term, in the order that breaks ties for the relation type.
    const points: Array<[RelationType, number]> = [
      ['direct', reasons.direct ? 3 : 0],
      ['transitive', reasons.two_hop_paths],
      ['co-change', Math.round(3 * (coChange.get(path) ?? 0))],
      ['similar-imports', Math.round(5 * (jaccard.get(path) ?? 0))],
      ['same-community', reasons.same_community ? 1 : 0],
    ];
    const score = points.reduce((sum, [, p]) => sum + p, 0);
    if (score <= 0) continue;
    const relation_type = reasons.direct ? 'direct' : points.reduce((best, cur) => (cur[1] > best[1] ? cur : best))[0];
    out.push({ path, score, relation_type, reasons });
  }
  return out.sort((a, b) => b.score - a.score || (a.path < b.path ? -1 : 1));
}
