// recent_changes' engine: per-file churn over the last N days from one `git log --numstat`
// (merges skipped, renames credited to the newest name), contributors from the same log, and the
// working tree's uncommitted changes, which are read live on every call.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { COMMIT_FORMAT, fromTop, type GitLog, literalPath, parseLog, type RepoState } from './log.js';

export interface FileChurn {
  path: string;
  commits: number;
  added: number;
  removed: number;
  /** Author date of the newest change, YYYY-MM-DD (UTC). */
  last_date: string;
}

export interface Churn {
  commit_count: number;
  /** Every changed file, ranked: commits desc, then added + removed desc, then path. */
  files: FileChurn[];
  contributors: Array<{ name: string; commits: number }>;
  total_added: number;
  total_removed: number;
}

export const ChangeStatus = z.enum(['modified', 'added', 'deleted', 'renamed', 'copied', 'type_changed', 'untracked', 'conflicted']);

export interface UncommittedChange {
  path: string;
  status: z.infer<typeof ChangeStatus>;
  /** The old path of a staged rename or copy. */
  from?: string;
}

/** Churn of the files under `path` (root-relative, '' for the whole project) in the last `days` days. */
export async function churn(log: GitLog, days: number, path: string): Promise<{ state: RepoState; value: Churn }> {
  // The window's start moves with the clock: a minute's granularity keeps repeated calls cached.
  const cutoff = Math.floor((Date.now() / 1000 - days * 86_400) / 60) * 60;
  return log.memo(`churn:${cutoff}:${path}`, async (state) => {
    if (state.head === null) return { commit_count: 0, files: [], contributors: [], total_added: 0, total_removed: 0 };
    const out = await log.run(['log', '--no-merges', '-M', '--numstat', '-z', '--relative', COMMIT_FORMAT, `--max-age=${cutoff}`,
      '--', literalPath(path)]);
    return summarise(parseLog(out));
  });
}

function summarise(commits: ReturnType<typeof parseLog>): Churn {
  const files = new Map<string, { commits: number; added: number; removed: number; last: number }>();
  const authors = new Map<string, number>();
  // Newest first: a rename seen here sends the old name's earlier changes to the newest name.
  const renamedTo = new Map<string, string>();
  for (const c of commits) {
    authors.set(c.author, (authors.get(c.author) ?? 0) + 1);
    const seen = new Set<string>();
    for (const f of c.files) {
      const path = renamedTo.get(f.path) ?? f.path;
      if (f.from !== undefined) renamedTo.set(f.from, path);
      const entry = files.get(path) ?? { commits: 0, added: 0, removed: 0, last: c.time };
      if (!seen.has(path)) { entry.commits++; seen.add(path); }
      entry.added += f.added;
      entry.removed += f.removed;
      entry.last = Math.max(entry.last, c.time);
      files.set(path, entry);
    }
  }
  const ranked = [...files].map(([path, e]) => ({
    path, commits: e.commits, added: e.added, removed: e.removed, last_date: new Date(e.last * 1000).toISOString().slice(0, 10),
  })).sort((a, b) => b.commits - a.commits || (b.added + b.removed) - (a.added + a.removed) || a.path.localeCompare(b.path));
  return {
    commit_count: commits.length,
    files: ranked,
    contributors: [...authors].map(([name, n]) => ({ name, commits: n })).sort((a, b) => b.commits - a.commits || a.name.localeCompare(b.name)),
    total_added: ranked.reduce((s, f) => s + f.added, 0),
    total_removed: ranked.reduce((s, f) => s + f.removed, 0),
  };
}

/** Whether a root-relative path is gone from the working tree (deleted since it last changed). */
export const deletedNow = (root: string, path: string): boolean => !existsSync(join(root, path));

const STATUS: Record<string, UncommittedChange['status']> = {
  M: 'modified', A: 'added', D: 'deleted', R: 'renamed', C: 'copied', T: 'type_changed', U: 'conflicted', '?': 'untracked',
};
/** Porcelain XY pairs that mean an unresolved merge conflict. */
const CONFLICTS = new Set(['DD', 'AU', 'UD', 'UA', 'DU', 'AA', 'UU']);

/**
 * The working tree's changes against HEAD under `path`, by path; `exclude` (root-relative) is left
 * out (Cartograph's own data directory). Untracked directories are listed as `dir/`, not file by file.
 */
export async function uncommitted(log: GitLog, prefix: string, path: string, exclude?: string): Promise<UncommittedChange[]> {
  const specs = [literalPath(path), ...(exclude ? [`:(exclude,literal)${exclude}`] : [])];
  // --no-optional-locks: a read must not refresh (write) the index.
  const out = await log.run(['--no-optional-locks', 'status', '--porcelain=v1', '-z', '--', ...specs]);
  const tokens = out.split('\0');
  const changes: UncommittedChange[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const entry = tokens[i]!;
    if (entry.length < 4) continue;
    const xy = entry.slice(0, 2);
    const code = CONFLICTS.has(xy) ? 'U' : xy[0] !== ' ' ? xy[0]! : xy[1]!;
    const change: UncommittedChange = { path: fromTop(prefix, entry.slice(3)), status: STATUS[code] ?? 'modified' };
    // A rename or copy is followed by its source path.
    if (/[RC]/.test(xy)) change.from = fromTop(prefix, tokens[++i] ?? '');
    changes.push(change);
  }
  return changes.sort((a, b) => a.path.localeCompare(b.path));
}
