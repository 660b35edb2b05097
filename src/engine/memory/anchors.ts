// Content anchors of project memory: the blob hash of a file a learning or an ADR talks about,
// taken when it is recorded and compared later to tell that the code it describes has changed.
// In a git work tree the anchor is git's blob id from `git hash-object` (which applies the path's
// clean filters, so it equals the id git itself stores); elsewhere the SHA-256 of the bytes.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execGit } from '../history/git.js';

export const ANCHOR_PATTERN = /^(git:[0-9a-f]{40}|sha256:[0-9a-f]{64})$/;

type Kind = 'git' | 'sha256';

export class Anchors {
  private gitRepo: Promise<boolean> | undefined;
  /** Hash per kind and path, reused while the file's size, mtime and ctime stay the same. */
  private readonly cache = new Map<string, { stamp: string; oid: string }>();

  constructor(private readonly root: string) {}

  /** Anchors of the root-relative paths that are existing regular files; the others are absent. */
  async of(rels: readonly string[]): Promise<Map<string, string>> {
    const kind: Kind = (await this.isGitRepo()) ? 'git' : 'sha256';
    const found = await this.hashes(rels, kind);
    if (kind === 'git') {
      // git could not hash some file (it failed or is gone): anchor those by content instead.
      const missed = rels.filter((r) => !found.has(r));
      for (const [rel, oid] of await this.hashes(missed, 'sha256')) found.set(rel, oid);
    }
    return found;
  }

  /**
   * For each entry, whether the file's content no longer matches the anchor; a file that is gone has
   * changed. A git anchor that cannot be recomputed (git missing or failing) is not reported:
   * unknown is not changed.
   */
  async changed(entries: ReadonlyArray<{ path: string; anchor: string }>): Promise<boolean[]> {
    const current = new Map<string, Map<string, string>>();
    for (const kind of ['git', 'sha256'] as const) {
      const paths = entries.filter((e) => e.anchor.startsWith(`${kind}:`)).map((e) => e.path);
      if (paths.length) current.set(kind, await this.hashes(paths, kind));
    }
    return entries.map((e) => {
      const kind = e.anchor.slice(0, e.anchor.indexOf(':'));
      const hashes = current.get(kind);
      if (!hashes) return false;
      if (!this.exists(e.path)) return true;
      const now = hashes.get(e.path);
      return now !== undefined && now !== e.anchor;
    });
  }

  private isGitRepo(): Promise<boolean> {
    this.gitRepo ??= execGit(this.root, ['rev-parse', '--is-inside-work-tree'], { timeoutMs: 5000 })
      .then((r) => r.ok && r.stdout.trim() === 'true');
    return this.gitRepo;
  }

  /** Whether the path is an existing regular file. */
  exists(rel: string): boolean {
    return this.stamp(rel) !== undefined;
  }

  /** size, mtime and ctime of a regular file, or undefined when it is not one. */
  private stamp(rel: string): string | undefined {
    try {
      const st = statSync(join(this.root, rel));
      return st.isFile() ? `${st.size}:${st.mtimeMs}:${st.ctimeMs}` : undefined;
    } catch {
      return undefined;
    }
  }

  private async hashes(rels: readonly string[], kind: Kind): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const todo: Array<{ rel: string; stamp: string }> = [];
    for (const rel of new Set(rels)) {
      const stamp = this.stamp(rel);
      if (stamp === undefined) continue;
      const hit = this.cache.get(`${kind}:${rel}`);
      if (hit?.stamp === stamp) out.set(rel, hit.oid);
      else todo.push({ rel, stamp });
    }
    if (!todo.length) return out;
    const computed = kind === 'git' ? await this.gitHashes(todo.map((t) => t.rel)) : this.shaHashes(todo.map((t) => t.rel));
    for (const t of todo) {
      const oid = computed.get(t.rel);
      if (oid === undefined) continue;
      this.cache.set(`${kind}:${t.rel}`, { stamp: t.stamp, oid });
      out.set(t.rel, oid);
    }
    return out;
  }

  private async gitHashes(rels: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const res = await execGit(this.root, ['hash-object', '--', ...rels]);
    if (!res.ok) return out;
    const oids = res.stdout.split('\n').filter(Boolean);
    if (oids.length !== rels.length) return out;
    rels.forEach((rel, i) => { if (/^[0-9a-f]{40}$/.test(oids[i]!)) out.set(rel, `git:${oids[i]!}`); });
    return out;
  }

  private shaHashes(rels: readonly string[]): Map<string, string> {
    const out = new Map<string, string>();
    for (const rel of rels) {
      try {
        out.set(rel, `sha256:${createHash('sha256').update(readFileSync(join(this.root, rel))).digest('hex')}`);
      } catch { /* vanished since the stat */ }
    }
    return out;
  }
}
