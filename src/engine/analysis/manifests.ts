// What the project's manifests declare: its name, entry files, workspace packages, build systems,
// declared dependencies and test frameworks. Reads package.json, pnpm-workspace.yaml, pyproject.toml,
// setup.cfg, Cargo.toml, go.mod/go.work, pom.xml and Gradle files through the index's file list, so
// ignored or vendored manifests never count. Cached per index generation.
import { existsSync } from 'node:fs';
import { join as joinPath } from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { parse as parseYaml } from 'yaml';
import { isTestPath } from '../discover/languages.js';
import { matchesGlobs } from '../graph/resolve/glob.js';
import { asObject, asStrings, type JsonObject } from '../graph/resolve/jsonc.js';
import { basename, dirname, join } from '../graph/resolve/paths.js';
import { tomlStrings, tomlTables, type TomlTable } from '../graph/resolve/toml.js';
import type { Project } from '../project.js';

export interface ManifestEntry { path: string; reason: string }
export interface Workspace { name: string; path: string; language: string }
export interface DeclaredDependency { name: string; manifest: string }

export interface Manifests {
  /** Name declared by a root manifest, with the manifest it came from. */
  name?: { value: string; manifest: string };
  entries: ManifestEntry[];
  workspaces: Workspace[];
  buildSystems: string[];
  dependencies: DeclaredDependency[];
  /** Test frameworks named by manifests (dependencies, tool sections, test scripts) or their config files. */
  testFrameworks: string[];
}

/** Test frameworks recognised by package name, in any ecosystem's manifest. */
const TEST_PACKAGES: Record<string, string> = {
  vitest: 'vitest', jest: 'jest', mocha: 'mocha', ava: 'ava', jasmine: 'jasmine', '@playwright/test': 'playwright',
  cypress: 'cypress', pytest: 'pytest', nose2: 'nose2', hypothesis: 'hypothesis', rspec: 'rspec', minitest: 'minitest',
  'phpunit/phpunit': 'PHPUnit', 'junit:junit': 'JUnit', 'org.junit.jupiter:junit-jupiter': 'JUnit',
  'org.junit.jupiter:junit-jupiter-api': 'JUnit', 'org.testng:testng': 'TestNG',
};

/** Config files that name a test framework by their presence. */
const TEST_CONFIGS: Array<[RegExp, string]> = [
  [/^vitest\.(config|workspace)\.[cm]?[jt]s$/, 'vitest'], [/^jest\.config\.[cm]?[jt]s(on)?$/, 'jest'],
  [/^playwright\.config\.[cm]?[jt]s$/, 'playwright'], [/^cypress\.config\.[cm]?[jt]s$/, 'cypress'],
  [/^karma\.conf\.[cm]?js$/, 'karma'], [/^(pytest\.ini|conftest\.py)$/, 'pytest'], [/^phpunit\.xml(\.dist)?$/, 'PHPUnit'],
  [/^\.rspec$/, 'rspec'],
];

/** Test runners named in a package.json `test` script. */
const TEST_SCRIPTS: Array<[RegExp, string]> = [
  [/\bvitest\b/, 'vitest'], [/\bjest\b/, 'jest'], [/\bmocha\b/, 'mocha'], [/\bava\b/, 'ava'], [/node\s+--test\b/, 'node:test'],
  [/\bplaywright\s+test\b/, 'playwright'],
];

/** Build systems recognised by a file's basename, in the order they are listed. */
const BUILD_FILES: Array<[RegExp, string]> = [
  [/^(setup\.py|setup\.cfg)$/, 'setuptools'], [/^Cargo\.toml$/, 'Cargo'], [/^(go\.mod|go\.work)$/, 'Go modules'],
  [/^pom\.xml$/, 'Maven'], [/^(build|settings)\.gradle(\.kts)?$/, 'Gradle'], [/^build\.sbt$/, 'sbt'],
  [/^Gemfile$/, 'Bundler'], [/^composer\.json$/, 'Composer'], [/^Package\.swift$/, 'SwiftPM'], [/\.(csproj|sln)$/, 'MSBuild'],
  [/^(GNUmakefile|[Mm]akefile)$/, 'Make'], [/^CMakeLists\.txt$/, 'CMake'], [/^meson\.build$/, 'Meson'],
  [/^(BUILD|BUILD\.bazel|WORKSPACE|MODULE\.bazel)$/, 'Bazel'],
  [/^(Dockerfile|Containerfile)$|\.Dockerfile$|^(docker-)?compose\.ya?ml$/, 'Docker'],
];

/** pyproject `[build-system] build-backend` module → tool name. */
const PY_BACKENDS: Array<[RegExp, string]> = [
  [/^poetry/, 'Poetry'], [/^hatchling/, 'Hatch'], [/^setuptools/, 'setuptools'], [/^flit/, 'Flit'], [/^pdm/, 'PDM'],
  [/^maturin/, 'maturin'], [/^uv_build/, 'uv'], [/^mesonpy/, 'meson-python'], [/^scikit_build/, 'scikit-build'],
];

/** Build output folders whose sources usually sit under `src/` (package.json `main: dist/index.js`). */
const OUTPUT_DIR = /^(dist|build|lib|out)\//;

export function manifestsOf(project: Project): Manifests {
  return project.derived('analysis.manifests', () => readManifests(project));
}

function readManifests(project: Project): Manifests {
  const paths = project.store.allPaths().sort();
  const files = new Set(paths);
  const reader = new Reader(project, files);
  const out: Manifests = { entries: [], workspaces: [], buildSystems: [], dependencies: [], testFrameworks: [] };
  const frameworks = new Set<string>();
  const builds = new Set<string>();
  let nodeProject = false;
  const named = (value: unknown, manifest: string): void => {
    if (!out.name && typeof value === 'string' && value.trim()) out.name = { value: value.trim(), manifest };
  };

  // Name sources in the spec's order: package.json, pyproject, Cargo.toml, go.mod, setup.cfg, pom.xml.
  const rootPkg = reader.json('package.json');
  const rootPy = reader.toml('pyproject.toml');
  const rootCargo = reader.toml('Cargo.toml');
  named(rootPkg?.name, 'package.json');
  named(table(rootPy, 'project')?.get('name') ?? table(rootPy, 'tool.poetry')?.get('name'), 'pyproject.toml');
  named(table(rootCargo, 'package')?.get('name'), 'Cargo.toml');
  named(goModule(reader.text('go.mod')), 'go.mod');
  named(table(reader.toml('setup.cfg'), 'metadata')?.get('name'), 'setup.cfg');
  named(pomArtifact(reader.text('pom.xml')), 'pom.xml');
  if (out.name) out.name.value = unquote(out.name.value);

  for (const path of paths) {
    const name = basename(path);
    for (const [re, fw] of TEST_CONFIGS) if (re.test(name)) frameworks.add(fw);
    if (isTestPath(path)) continue; // fixtures and test data declare nothing about the project itself
    for (const [re, tool] of BUILD_FILES) if (re.test(name)) builds.add(tool);
    if (name === 'package.json') {
      readPackageJson(reader, path, out, frameworks);
      nodeProject = true;
    } else if (name === 'pyproject.toml') readPyproject(reader, path, out, frameworks, builds);
    else if (name === 'Cargo.toml') readCargo(reader, path, out);
    else if (name === 'go.mod') for (const dep of goRequires(reader.text(path))) out.dependencies.push({ name: dep, manifest: path });
    else if (name === 'pom.xml' || /^build\.gradle(\.kts)?$/.test(name)) readJvmBuild(reader, path, out, frameworks);
  }
  if (nodeProject) builds.add(nodePackageManager(project.root, rootPkg, files));
  out.workspaces = workspaces(reader, rootPkg, rootCargo, rootPy);
  out.buildSystems = [...builds].sort((a, b) => buildRank(a) - buildRank(b) || a.localeCompare(b));
  out.testFrameworks = [...frameworks].sort();
  return out;
}

/** Node package managers, then Python build backends, then the order of BUILD_FILES (general tools such as Make and Docker last). */
function buildRank(tool: string): number {
  if (['npm', 'pnpm', 'yarn', 'bun'].includes(tool)) return -2;
  if (tool === 'pyproject.toml' || PY_BACKENDS.some(([, t]) => t === tool)) return -1;
  return BUILD_FILES.findIndex(([, t]) => t === tool);
}

class Reader {
  constructor(private readonly project: Project, readonly files: ReadonlySet<string>) {}

  text(path: string): string | undefined {
    return this.files.has(path) ? this.project.readText(path) : undefined;
  }

  json(path: string): JsonObject | undefined {
    const text = this.text(path);
    return text === undefined ? undefined : asObject(parseJsonc(text, [], { allowTrailingComma: true }));
  }

  toml(path: string): TomlTable[] | undefined {
    const text = this.text(path);
    return text === undefined ? undefined : tomlTables(text);
  }
}

const table = (tables: TomlTable[] | undefined, name: string): Map<string, string> | undefined =>
  tables?.find((t) => t.name === name)?.values;

const unquote = (raw: string): string => tomlStrings(raw)[0] ?? raw.trim();

/** The indexed file a declared entry denotes: itself, else its source under `src/` for build outputs. */
function entryFile(reader: Reader, dir: string, declared: string): { path: string; fromOutput?: string } | undefined {
  const path = join(dir, declared);
  if (path === undefined) return undefined;
  if (reader.files.has(path)) return { path };
  const inner = path.slice(dir ? dir.length + 1 : 0);
  if (!OUTPUT_DIR.test(inner)) return undefined;
  const stem = inner.replace(OUTPUT_DIR, 'src/').replace(/\.(d\.ts|[cm]?js)$/, '');
  for (const ext of ['.ts', '.tsx', '.mts', '.js', '.mjs']) {
    const candidate = join(dir, `${stem}${ext}`);
    if (candidate !== undefined && reader.files.has(candidate)) return { path: candidate, fromOutput: declared };
  }
  return undefined;
}

function pushEntry(out: Manifests, reader: Reader, dir: string, declared: string, reason: string): void {
  const found = entryFile(reader, dir, declared);
  if (!found || out.entries.some((e) => e.path === found.path)) return;
  out.entries.push({ path: found.path, reason: found.fromOutput ? `${reason} (source of ${found.fromOutput})` : reason });
}

function readPackageJson(reader: Reader, path: string, out: Manifests, frameworks: Set<string>): void {
  const pkg = reader.json(path);
  if (!pkg) return;
  const dir = dirname(path);
  for (const main of asStrings(pkg.main)) pushEntry(out, reader, dir, main, `${path} main`);
  const bin = pkg.bin;
  if (typeof bin === 'string') pushEntry(out, reader, dir, bin, `${path} bin`);
  for (const [name, target] of Object.entries(asObject(bin) ?? {})) {
    if (typeof target === 'string') pushEntry(out, reader, dir, target, `${path} bin "${name}"`);
  }
  const root = exportsRoot(pkg.exports);
  if (root) pushEntry(out, reader, dir, root, `${path} exports`);
  for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
    for (const dep of Object.keys(asObject(pkg[field]) ?? {})) {
      out.dependencies.push({ name: dep, manifest: path });
      const fw = TEST_PACKAGES[dep];
      if (fw) frameworks.add(fw);
    }
  }
  const test = asObject(pkg.scripts)?.test;
  if (typeof test === 'string') for (const [re, fw] of TEST_SCRIPTS) if (re.test(test)) frameworks.add(fw);
}

/** The file behind `exports` for the package root: a string, or the `.` entry through its conditions. */
function exportsRoot(exports: unknown): string | undefined {
  if (typeof exports === 'string') return exports;
  const map = asObject(exports);
  if (!map) return undefined;
  const dot = Object.keys(map).some((k) => k.startsWith('.')) ? map['.'] : map;
  if (typeof dot === 'string') return dot;
  const conditions = asObject(dot);
  for (const c of ['import', 'require', 'node', 'default']) {
    const v = conditions?.[c];
    const s = typeof v === 'string' ? v : exportsRoot(v);
    if (s) return s;
  }
  return undefined;
}

/** PEP 508 requirement → distribution name: `requests[socks]>=2; python_version<'3.8'` → requests. */
const requirementName = (req: string): string => req.trim().split(/[\s<>=!~;[(@]/)[0]!.toLowerCase();

function readPyproject(reader: Reader, path: string, out: Manifests, frameworks: Set<string>, builds: Set<string>): void {
  const tables = reader.toml(path);
  if (!tables) return;
  const dir = dirname(path);
  const backend = unquote(table(tables, 'build-system')?.get('build-backend') ?? '');
  const tool = PY_BACKENDS.find(([re]) => re.test(backend))?.[1];
  builds.add(tool ?? 'pyproject.toml');
  for (const scripts of ['project.scripts', 'tool.poetry.scripts']) {
    for (const [name, raw] of table(tables, scripts) ?? []) {
      const target = unquote(raw);
      const module = target.split(':')[0]!.trim();
      const file = pythonModuleFile(reader, dir, module);
      if (file && !out.entries.some((e) => e.path === file)) out.entries.push({ path: file, reason: `${path} script "${name}" (${target})` });
    }
  }
  const deps = [
    ...tomlStrings(table(tables, 'project')?.get('dependencies')),
    ...[...(table(tables, 'project.optional-dependencies')?.values() ?? [])].flatMap(tomlStrings),
    ...[...(table(tables, 'dependency-groups')?.values() ?? [])].flatMap(tomlStrings),
  ].map(requirementName);
  for (const t of tables) {
    if (t.name === 'tool.poetry.dependencies' || /^tool\.poetry\.(group\.[^.]+\.)?(dev-)?dependencies$/.test(t.name)) {
      deps.push(...[...t.values.keys()].filter((k) => k !== 'python').map((k) => k.toLowerCase()));
    }
    if (t.name.startsWith('tool.pytest')) frameworks.add('pytest');
  }
  for (const dep of new Set(deps)) {
    if (!dep) continue;
    out.dependencies.push({ name: dep, manifest: path });
    const fw = TEST_PACKAGES[dep];
    if (fw) frameworks.add(fw);
  }
}

/** `pkg.cli` → `pkg/cli.py` or `pkg/cli/__init__.py`, beside the manifest or in its `src/`. */
function pythonModuleFile(reader: Reader, dir: string, module: string): string | undefined {
  const rel = module.replace(/\./g, '/');
  for (const base of [dir, join(dir, 'src')]) {
    if (base === undefined) continue;
    for (const candidate of [join(base, `${rel}.py`), join(base, `${rel}/__init__.py`)]) {
      if (candidate !== undefined && reader.files.has(candidate)) return candidate;
    }
  }
  return undefined;
}

function readCargo(reader: Reader, path: string, out: Manifests): void {
  const tables = reader.toml(path);
  if (!tables) return;
  const dir = dirname(path);
  const bins = tables.filter((t) => t.name === 'bin');
  for (const bin of bins) {
    const name = unquote(bin.values.get('name') ?? '');
    const declared = bin.values.get('path');
    pushEntry(out, reader, dir, declared ? unquote(declared) : `src/bin/${name}.rs`, `${path} bin "${name}"`);
  }
  const main = join(dir, 'src/main.rs');
  if (main !== undefined && reader.files.has(main)) pushEntry(out, reader, dir, 'src/main.rs', `${path} binary crate`);
  for (const t of tables) {
    const m = /^(?:target\..+\.)?(dev-|build-)?dependencies(?:\.(.+))?$/.exec(t.name);
    if (!m) continue;
    const names = m[2] ? [m[2]] : [...t.values.keys()];
    for (const name of names) out.dependencies.push({ name, manifest: path });
  }
}

function goModule(text: string | undefined): string | undefined {
  return text === undefined ? undefined : /^\s*module\s+"?([^\s"]+)"?/m.exec(text)?.[1];
}

/** Module paths of `require` lines, single or in a block. */
function goRequires(text: string | undefined): string[] {
  if (text === undefined) return [];
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*require\s*\(([\s\S]*?)\)/gm)) {
    for (const line of m[1]!.split('\n')) {
      const dep = /^\s*([^\s/]+\.[^\s]+)\s+v/.exec(line)?.[1];
      if (dep) out.push(dep);
    }
  }
  for (const m of text.matchAll(/^\s*require\s+([^\s(]+)\s+v/gm)) out.push(m[1]!);
  return out;
}

/** The project's own artifactId: the first one outside `<parent>`, `<dependencies>`, `<build>` and `<plugins>`. */
function pomArtifact(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const own = text.replace(/<(parent|dependencies|dependencyManagement|build|plugins|profiles)>[\s\S]*?<\/\1>/g, '');
  return /<artifactId>\s*([^<\s]+)\s*<\/artifactId>/.exec(own)?.[1];
}

function readJvmBuild(reader: Reader, path: string, out: Manifests, frameworks: Set<string>): void {
  const text = reader.text(path) ?? '';
  const deps = path.endsWith('pom.xml')
    ? [...text.matchAll(/<dependency>\s*<groupId>\s*([^<\s]+)\s*<\/groupId>\s*<artifactId>\s*([^<\s]+)\s*<\/artifactId>/g)].map((m) => `${m[1]}:${m[2]}`)
    : [...text.matchAll(/["']([\w.-]+:[\w.-]+)(?::[^"']*)?["']/g)].map((m) => m[1]!);
  for (const dep of deps) {
    out.dependencies.push({ name: dep, manifest: path });
    const fw = TEST_PACKAGES[dep];
    if (fw) frameworks.add(fw);
  }
}

/** npm unless a lock file or `packageManager` names another client (lock files are never discovered, so look on disk). */
function nodePackageManager(root: string, rootPkg: JsonObject | undefined, files: ReadonlySet<string>): string {
  const declared = typeof rootPkg?.packageManager === 'string' ? /^(npm|pnpm|yarn|bun)@/.exec(rootPkg.packageManager)?.[1] : undefined;
  if (declared) return declared;
  if (files.has('pnpm-workspace.yaml') || existsSync(joinPath(root, 'pnpm-lock.yaml'))) return 'pnpm';
  if (existsSync(joinPath(root, 'yarn.lock'))) return 'yarn';
  if (existsSync(joinPath(root, 'bun.lockb')) || existsSync(joinPath(root, 'bun.lock'))) return 'bun';
  return 'npm';
}

/** Monorepo packages: npm/yarn/pnpm workspaces, Cargo and uv workspaces, go.work modules, Python packages under `packages/`. */
function workspaces(reader: Reader, rootPkg: JsonObject | undefined, rootCargo: TomlTable[] | undefined, rootPy: TomlTable[] | undefined): Workspace[] {
  const out: Workspace[] = [];
  const paths = [...reader.files];
  const manifestsIn = (name: string, globs: readonly string[]): string[] => (globs.length
    ? paths.filter((p) => basename(p) === name && dirname(p) !== '' && matchesGlobs(dirname(p), globs)) : []);
  const hasExt = (dir: string, re: RegExp): boolean => paths.some((p) => p.startsWith(`${dir}/`) && re.test(p));

  const ws = rootPkg?.workspaces;
  const npmGlobs = [...asStrings(ws), ...asStrings(asObject(ws)?.packages), ...pnpmGlobs(reader)];
  for (const path of manifestsIn('package.json', npmGlobs)) {
    const dir = dirname(path);
    const name = reader.json(path)?.name;
    out.push({ name: typeof name === 'string' ? name : basename(dir), path: dir, language: hasExt(dir, /\.(ts|tsx|mts|cts)$/) ? 'typescript' : 'javascript' });
  }
  const cargoGlobs = tomlStrings(table(rootCargo, 'workspace')?.get('members'));
  for (const path of manifestsIn('Cargo.toml', cargoGlobs)) {
    const name = table(reader.toml(path), 'package')?.get('name');
    out.push({ name: name ? unquote(name) : basename(dirname(path)), path: dirname(path), language: 'rust' });
  }
  for (const dir of goWorkDirs(reader.text('go.work'))) {
    const mod = goModule(reader.text(join(dir, 'go.mod') ?? ''));
    if (mod && dir !== '') out.push({ name: mod, path: dir, language: 'go' });
  }
  const uvGlobs = tomlStrings(table(rootPy, 'tool.uv.workspace')?.get('members'));
  const pyPaths = [...manifestsIn('pyproject.toml', [...uvGlobs, 'packages/*']), ...manifestsIn('setup.py', ['packages/*'])];
  for (const path of pyPaths) {
    const dir = dirname(path);
    if (out.some((w) => w.path === dir)) continue;
    const tables = path.endsWith('.toml') ? reader.toml(path) : undefined;
    const name = table(tables, 'project')?.get('name') ?? table(tables, 'tool.poetry')?.get('name');
    out.push({ name: name ? unquote(name) : basename(dir), path: dir, language: 'python' });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function pnpmGlobs(reader: Reader): string[] {
  const text = reader.text('pnpm-workspace.yaml');
  if (text === undefined) return [];
  try {
    return asStrings(asObject(parseYaml(text))?.packages);
  } catch {
    return [];
  }
}

/** Directories of `use` directives in go.work (single or block form). */
function goWorkDirs(text: string | undefined): string[] {
  if (text === undefined) return [];
  const dirs: string[] = [];
  for (const m of text.matchAll(/^\s*use\s*\(([\s\S]*?)\)/gm)) dirs.push(...m[1]!.split('\n').map((l) => l.trim()).filter(Boolean));
  for (const m of text.matchAll(/^\s*use\s+([^\s(]+)/gm)) dirs.push(m[1]!);
  return dirs.map((d) => join(d) ?? '').filter((d) => d !== '');
}
