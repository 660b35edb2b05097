// Test helpers: temporary repositories (optionally real git work trees) and projects opened on them.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadSettings } from '../../src/config.js';
import { Project } from '../../src/engine/project.js';

export function makeRepo(files: Record<string, string | Buffer>, opts: { git?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'cartograph-test-'));
  writeFiles(dir, files);
  if (opts.git) initGit(dir);
  return dir;
}

/** A copy of `test/fixtures/<name>`; with `git`, a work tree holding it in one commit. */
export function copyFixture(name: string, opts: { git?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), `cartograph-${name}-`));
  cpSync(join(import.meta.dirname, '..', 'fixtures', name), dir, { recursive: true });
  if (opts.git) initGit(dir);
  return dir;
}

function initGit(dir: string): void {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  git('init', '-q');
  git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'add', '-A');
  git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'init');
}

export function writeFiles(dir: string, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Opens a project with its index in a separate temp dir, indexes it and returns it. */
export async function openIndexed(root: string, extra: Record<string, unknown> = {}): Promise<Project> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cartograph-data-'));
  const project = Project.open(loadSettings({ project: root, data_dir: dataDir, workers: 1, watch: false, ...extra }, {}));
  await project.index();
  return project;
}
