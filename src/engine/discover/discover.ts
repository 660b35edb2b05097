// Finds the files of a project. In a git work tree git itself decides what is ignored
// (`git ls-files --cached --others --exclude-standard`); elsewhere a walker applies .gitignore
// and .ignore files with the `ignore` library. A built-in deny list then removes dependency,
// build and tool folders, lockfiles and hidden entries. Content checks (binary, minified,
// generated) happen later, when a worker reads the file.
import { readFileSync } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { runGit } from '../history/git.js';
import { languageFromPath } from './languages.js';

/** Folder names never indexed, wherever they are. */
const DENY_DIRS = new Set([
  'node_modules', 'bower_components', 'jspm_packages', 'vendor', 'third_party', 'third-party', '__pycache__',
  '.venv', 'venv', 'site-packages', 'coverage', '.nyc_output', 'Pods', 'DerivedData', '.gradle', '.tox',
  '.mypy_cache', '.pytest_cache', '.ruff_cache', '.next', '.nuxt', '.svelte-kit', '.turbo', '.parcel-cache',
]);
/** Build-output folder names, denied at the top level only (`src/go/build` is real code). */
const DENY_TOP_DIRS = new Set(['dist', 'build', 'out', 'target', 'bin', 'obj']);
const LOCKFILES = new Set([
  'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lockb', 'Cargo.lock',
  'poetry.lock', 'Pipfile.lock', 'Gemfile.lock', 'composer.lock', 'go.sum', 'uv.lock', 'pdm.lock',
]);
const HIDDEN_ALLOWED = new Set(['.github', '.gitlab-ci.yml']);

export interface DiscoveredFile {
  path: string;
  size: number;
  mtimeMs: number;
  language: string | undefined;
}

export interface Discovery {
  files: DiscoveredFile[];
  /** Known files left out before reading, with the reason (`too_large`). */
  skipped: Array<DiscoveredFile & { reason: string }>;
  /** Set when the max_files ceiling stopped discovery. */
  truncatedAt?: number;
  source: 'git' | 'walk';
}

export interface DiscoverOptions {
  maxFileSize: number;
  maxFiles: number;
  /** Absolute data dir to exclude when it lies inside the root. */
  dataDir?: string;
}

/** True when a root-relative POSIX path passes the built-in deny list. */
export function passesDenyList(path: string): boolean {
  const parts = path.split('/');
  const name = parts[parts.length - 1]!;
  if (LOCKFILES.has(name)) return false;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p.startsWith('.') && !HIDDEN_ALLOWED.has(p)) return false;
    if (i < parts.length - 1 && (DENY_DIRS.has(p) || (i === 0 && DENY_TOP_DIRS.has(p)))) return false;
  }
  return !/\.min\.(js|css|mjs)$|\.(map|pyc|class|o|so|dll|dylib|exe|a|jar|wasm)$/.test(name);
}

export async function discover(root: string, opts: DiscoverOptions): Promise<Discovery> {
  const listed = await gitList(root);
  const source = listed ? 'git' : 'walk';
  const paths = (listed ?? (await walk(root))).filter(passesDenyList);
  const dataRel = opts.dataDir && opts.dataDir.startsWith(`${root}/`) ? posix.normalize(opts.dataDir.slice(root.length + 1)) : undefined;
  const candidates = dataRel ? paths.filter((p) => p !== dataRel && !p.startsWith(`${dataRel}/`)) : paths;
  candidates.sort();
  const truncatedAt = candidates.length > opts.maxFiles ? opts.maxFiles : undefined;
  const selected = truncatedAt ? candidates.slice(0, truncatedAt) : candidates;

  const files: DiscoveredFile[] = [];
  const skipped: Discovery['skipped'] = [];
  await mapLimit(selected, 64, async (path) => {
    let st;
    try {
      st = await lstat(join(root, path));
      // A symlink is followed only when its target stays inside the root (`root` is a realpath).
      if (st.isSymbolicLink()) {
        const target = await realpath(join(root, path));
        if (!target.startsWith(`${root}/`)) return;
        st = await stat(target);
      }
    } catch {
      return; // listed by git but deleted on disk, or a dangling link
    }
    if (!st.isFile()) return;
    const f: DiscoveredFile = { path, size: st.size, mtimeMs: Math.floor(st.mtimeMs), language: languageFromPath(path) };
    if (st.size > opts.maxFileSize) skipped.push({ ...f, reason: 'too_large' });
    else files.push(f);
  });
  files.sort((a, b) => (a.path < b.path ? -1 : 1));
  assignHeaderLanguage(files);
  return { files, skipped, source, ...(truncatedAt ? { truncatedAt } : {}) };
}

/** `.h` is C++ when its folder also holds C++ sources. */
function assignHeaderLanguage(files: DiscoveredFile[]): void {
  const cppDirs = new Set(files.filter((f) => f.language === 'cpp').map((f) => posix.dirname(f.path)));
  for (const f of files) if (f.path.endsWith('.h') && cppDirs.has(posix.dirname(f.path))) f.language = 'cpp';
}

async function gitList(root: string): Promise<string[] | undefined> {
  const stdout = await runGit(root, ['ls-files', '-z', '--cached', '--others', '--exclude-standard']);
  return stdout === undefined ? undefined : [...new Set(stdout.split('\0').filter(Boolean))];
}

/** Walks the tree honouring .gitignore and .ignore files at every level. */
async function walk(root: string): Promise<string[]> {
  const out: string[] = [];
  const visit = async (rel: string, rules: Array<{ base: string; ig: Ignore }>): Promise<void> => {
    const abs = rel ? join(root, rel) : root;
    const here = loadIgnore(abs);
    const active = here ? [...rules, { base: rel, ig: here }] : rules;
    let entries;
    try { entries = await readdir(abs, { withFileTypes: true }); } catch { return; }
    for (const e of entries) {
      const childRel = rel ? `${rel}/${e.name}` : e.name;
      const isDir = e.isDirectory();
      if (e.name === '.git' || isIgnored(active, childRel, isDir)) continue;
      if (isDir) {
        if (!passesDenyList(`${childRel}/x`)) continue;
        await visit(childRel, active);
      } else if (e.isFile() || e.isSymbolicLink()) out.push(childRel);
    }
  };
  await visit('', []);
  return out;
}

function loadIgnore(dir: string): Ignore | undefined {
  let ig: Ignore | undefined;
  for (const name of ['.gitignore', '.ignore']) {
    try {
      const text = readFileSync(join(dir, name), 'utf8');
      ig = (ig ?? ignore()).add(text);
    } catch { /* no file */ }
  }
  return ig;
}

function isIgnored(rules: Array<{ base: string; ig: Ignore }>, rel: string, isDir: boolean): boolean {
  let ignored = false;
  for (const { base, ig } of rules) {
    const sub = base ? rel.slice(base.length + 1) : rel;
    const r = ig.test(isDir ? `${sub}/` : sub);
    if (r.ignored) ignored = true;
    else if (r.unignored) ignored = false;
  }
  return ignored;
}

async function mapLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  });
  await Promise.all(runners);
}


/**
 * Which of the given root-relative paths discovery would leave out (deny list, .gitignore,
 * .ignore). Used for single files reported by the watcher or notify_file_changed.
 */
export async function ignoredAmong(root: string, paths: readonly string[], source: Discovery['source']): Promise<Set<string>> {
  const denied = paths.filter((p) => !passesDenyList(p));
  const rest = paths.filter((p) => passesDenyList(p));
  return new Set([...denied, ...(await ignoredByRules(root, rest, source))]);
}

/** The paths git (or, outside a work tree, the .gitignore and .ignore files) excludes; git never excludes tracked files. */
async function ignoredByRules(root: string, paths: readonly string[], source: Discovery['source']): Promise<Set<string>> {
  const ignored = new Set<string>();
  if (!paths.length) return ignored;
  if (source === 'git') {
    const stdout = await runGit(root, ['check-ignore', '-z', '--stdin'], { input: paths.join('\0') });
    for (const p of (stdout ?? '').split('\0')) if (p) ignored.add(p);
    return ignored;
  }
  for (const p of paths) {
    const parts = p.split('/');
    const rules: Array<{ base: string; ig: Ignore }> = [];
    for (let i = 0; i < parts.length; i++) {
      const base = parts.slice(0, i).join('/');
      const ig = loadIgnore(base ? join(root, base) : root);
      if (ig) rules.push({ base, ig });
      const sub = parts.slice(0, i + 1).join('/');
      if (isIgnored(rules, sub, i < parts.length - 1)) { ignored.add(p); break; }
    }
  }
  return ignored;
}

/**
 * The `.env*` files in the given folders that git or the ignore files do not exclude. Discovery
 * skips hidden entries, but these hold the secrets a security scan looks for.
 */
export async function envFiles(root: string, dirs: Iterable<string>, source: Discovery['source']): Promise<string[]> {
  const found: string[] = [];
  for (const dir of dirs) {
    if (dir && !passesDenyList(`${dir}/x`)) continue;
    const entries = await readdir(dir ? join(root, dir) : root, { withFileTypes: true }).catch(() => []);
    for (const e of entries) if (e.isFile() && e.name.startsWith('.env')) found.push(dir ? `${dir}/${e.name}` : e.name);
  }
  const ignored = await ignoredByRules(root, found, source);
  return found.filter((p) => !ignored.has(p)).sort();
}
