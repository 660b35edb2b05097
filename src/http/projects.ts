// The projects a server serves, by id. The project given at startup is `default`; others are
// registered by path (idempotent: the same path gets the same id).
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { basename } from 'node:path';
import type { Settings } from '../config.js';
import { Project } from '../engine/project.js';
import { invalidArgument } from '../errors.js';

const SYSTEM_DIRS = new Set(['/', '/bin', '/boot', '/dev', '/etc', '/lib', '/lib64', '/proc', '/root', '/run', '/sbin', '/sys', '/usr', '/var', '/tmp']);

export interface ProjectEntry { id: string; path: string; project: Project; created_at: string }

export class ProjectHub {
  private readonly entries = new Map<string, ProjectEntry>();

  constructor(private readonly base: Settings) {}

  add(id: string, project: Project): ProjectEntry {
    const entry = { id, path: project.root, project, created_at: new Date().toISOString() };
    this.entries.set(id, entry);
    return entry;
  }

  get(id: string): ProjectEntry | undefined { return this.entries.get(id); }

  list(): ProjectEntry[] { return [...this.entries.values()].sort((a, b) => a.id.localeCompare(b.id)); }

  /** Registers a directory; returns the existing entry when that path is already served. */
  register(path: string): { entry: ProjectEntry; created: boolean } {
    const real = realpathSync(path);
    if (SYSTEM_DIRS.has(real)) throw invalidArgument(`Refusing to index the system directory ${real}.`, { reason: 'system_directory', path: real });
    const existing = [...this.entries.values()].find((e) => e.path === real);
    if (existing) return { entry: existing, created: false };
    const id = `${basename(real).replace(/[^A-Za-z0-9_-]/g, '-').toLowerCase() || 'project'}-${createHash('sha1').update(real).digest('hex').slice(0, 8)}`;
    const project = Project.open({ ...this.base, project: real, data_dir: undefined });
    void project.startIndexing();
    if (this.base.watch) void project.watch();
    return { entry: this.add(id, project), created: true };
  }

  async close(): Promise<void> {
    await Promise.all([...this.entries.values()].map((e) => e.project.close()));
  }
}
